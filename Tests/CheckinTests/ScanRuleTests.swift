import BuiltinPlugins
import CampaignTesting
import Checkin
import Foundation
import GRDB
import Ledger
import Registration
import Testing
import Workflow
import WorkflowTesting

/// The rules a scan is judged by, the same at every door (#32): a checkpoint that names its gates
/// takes no scan without one, and a scan a phone kept offline is judged at the moment it happened.
@Suite struct ScanRuleTests {
    func fair() async throws -> LedgerHarness {
        let h = try await LedgerHarness()
        _ = try await h.importFile(.people, try h.file("people.csv", ScanTests.people))
        return h
    }

    func scan(_ h: LedgerHarness, _ input: String, gate: String = "north",
              keptFor: TimeInterval? = nil) async throws -> ScanAnswer {
        let request = ScanRequest(campaign: "fair", input: input, gate: gate, staff: "Li", keptFor: keptFor)
        let now = h.engine.clock.now()
        return try await h.pool.write { db in try Scans.scan(db, request, now: now) }
    }

    func attended(_ h: LedgerHarness) async throws -> Int {
        try await h.pool.read { db in try Scans.counts(db, campaign: "fair", checkpoint: "gate").attended }
    }

    @Test func aCheckpointThatNamesItsGatesTakesNoScanWithoutOne() async throws {
        let h = try await fair()
        let without = try await scan(h, "11010519491231002X", gate: "")
        #expect(without.result == .rejected)
        #expect(without.message.text(.en) == "say which gate this scan is at: gate has north, south")
        #expect(without.message.text(.zh) == "请说明在哪个入口扫码；gate的入口有：north, south")
        #expect(try await attended(h) == 0)
        // The desk without a gate registers, and says why it could not check the person in.
        let desk = BuiltinPlugins.all.deskAttendance
        let now = h.engine.clock.now()
        let walkIn = WalkIn(campaign: "fair", name: "赵敏", idNumber: "522426199606060017")
        let said = try await h.pool.write { db in
            try DeskRegistration.register(db, walkIn, desk: desk, checkpoint: "gate", gate: "", staff: "desk", now: now).1
        }
        guard case .notCheckedIn(let reason)? = said else { Issue.record("the desk checked in without a gate: \(String(describing: said))"); return }
        #expect(reason.text(.en).hasPrefix("say which gate this scan is at"))
        #expect(try await scan(h, "11010519491231002X").result == .accepted)
        #expect(try await attended(h) == 1)
    }

    @Test func aScanKeptOfflineIsJudgedWhenItHappened() async throws {
        let h = try await fair()
        let closedAt = h.engine.clock.now()
        _ = try await h.engine.engine(waitHorizon: .zero).signal(campaign: "fair", step: "gate", by: "Li", note: nil)
        h.engine.clock.advance(by: 600)
        // Sent ten minutes after the close, kept a quarter of an hour on the phone: made while the gate was open.
        let late = try await scan(h, "11010519491231002X", keptFor: 900)
        #expect(late.result == .accepted)
        #expect(late.message.text(.en).hasPrefix("checked in (scanned offline at "))
        #expect(try await attended(h) == 1)
        // Kept five minutes: made after the close. Kept longer than a fair day, or "in the future": judged on arrival.
        for kept: TimeInterval in [300, 13 * 3600, -3600] {
            let answer = try await scan(h, "522426199001010017", keptFor: kept)
            #expect(answer.result == .rejected, "kept \(kept) s")
            #expect(answer.message.text(.en) == "check-in at gate has closed", "kept \(kept) s: \(answer.message.text(.en))")
        }
        let (status, closed) = try await h.pool.read { db -> (String, Date) in
            let row = try Row.fetchOne(db, sql: "SELECT status, closed_at FROM checkin_window")!
            return (row["status"], row["closed_at"])
        }
        #expect(status == "closed")
        #expect(closed.timeIntervalSince(closedAt) < 1)
    }
}
