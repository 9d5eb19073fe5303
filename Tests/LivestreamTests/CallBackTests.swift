import BuiltinPlugins
import Foundation
import GRDB
import Testing
import Workflow
import WorkflowTesting
@testable import Livestream

/// Call-backs: tasks given out fairly (never more than one apart in a day, never over the quota),
/// queued tasks given the next morning, unreached leads called again after the delay up to the
/// attempts, and the step ending when every lead is settled — all on the virtual clock.
@Suite struct CallBackTests {
    @Test(arguments: 1...30) func assignmentIsFairAndRespectsTheQuota(seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int { state = state &* 6_364_136_223_846_793_005 &+ 1; return Int((state >> 33) % UInt64(n)) }
        let staff = (0..<(1 + next(6))).map { "员工\($0)" }
        let quota = 1 + next(10)
        let today = Dictionary(uniqueKeysWithValues: staff.map { ($0, next(quota + 1)) })
        let tasks = next(40)
        let given = CallAssigner(staff: staff, quota: quota).assign(tasks, today: today)
        var load = today
        for name in given.compactMap({ $0 }) { load[name, default: 0] += 1 }
        #expect(load.values.allSatisfy { $0 <= max(quota, today.values.max() ?? 0) })
        let gaveAll = given.allSatisfy { $0 != nil }
        if !gaveAll { #expect(load.values.allSatisfy { $0 >= quota }, "a task was queued while someone had room") }
        // Among those who received tasks, loads differ by at most one, unless they started above the rest.
        let receivers = Set(given.compactMap { $0 })
        if let low = receivers.map({ load[$0]! }).min(), let high = receivers.map({ load[$0]! }).max() {
            #expect(high - low <= 1, "seed \(seed): \(load)")
        }
    }

    @Test func unreachedLeadsComeBackAndTheStepEndsWhenAllAreSettled() async throws {
        let h = try EngineHarness(plugins: BuiltinPlugins.engines)
        _ = try h.directory.write("leads.csv", """
            姓名,手机号,意向岗位
            甲,13800000001,缝纫工
            乙,13800000002,缝纫工
            丙,13800000003,缝纫工
            """)
        let workflow = try h.workflow("""
            name: stream
            steps:
              - id: leads
                uses: livestream.import-leads
                with: { file: leads.csv }
              - id: calls
                needs: leads
                uses: livestream.follow-up
                with: { staff: [李, 王], quota: 1, retry_after: 1d, attempts: 2, for: 7d }
            """)
        let engine = h.engine(waitHorizon: .zero)
        var run = try await engine.start(workflow)
        #expect(run.run.status == .waiting)
        func calls() async throws -> [CallRecord] {
            try await h.workspace.pool.read { db in try LivestreamRecords.calls(db, campaign: "stream") }
        }
        var now = try await calls()
        #expect(now.map(\.staff) == ["李", "王", ""])          // one each today; the third waits for the morning
        func record(_ id: Int64, _ status: CallStatus) async throws {
            _ = try await h.workspace.pool.write { [clock = h.clock] db in
                try CallRecorder.record(db, call: id, status: status, campaign: "stream", staff: nil, note: "", posting: nil,
                                        idNumber: nil, now: clock.now())
            }
        }
        try await record(1, .notReached)
        try await record(2, .wrongNumber)
        h.clock.advance(by: 86_400)                             // the next morning and the retry delay
        run = try await engine.resume(campaign: "stream")
        now = try await calls()
        #expect(now.map(\.attempt) == [1, 1, 1, 2])             // 甲 comes back for a second attempt
        #expect(now.filter { $0.status == .open }.map(\.staff).sorted() == ["李", "王"])
        try await record(3, .reached)
        try await record(4, .notReached)                        // the last attempt: 甲 settles as not reached
        h.clock.advance(by: 86_400)
        run = try await engine.resume(campaign: "stream")
        #expect(run.run.status == .completed)
        let outputs = try #require(run.steps.first { $0.stepId == "calls" }?.outputs)
        #expect(outputs["ended_by"] == .string("settled"))
        #expect(outputs["leads"] == .int(3))
        #expect(outputs["reached"] == .int(1))
        #expect(outputs["wrong_number"] == .int(1))
        #expect(outputs["not_reached"] == .int(1))
    }
}
