import Foundation
import GRDB
import Testing
import Workflow
import WorkflowTesting

/// The engine runs steps in dependency order, concurrently when it may, retries, times out,
/// waits, wakes, skips — each test in its own workspace with a virtual clock.
@Suite struct EngineTests {
    func harness(_ tracker: ConcurrencyTracker = ConcurrencyTracker()) throws -> EngineHarness {
        try EngineHarness(plugins: [CorePlugin.plugin, probePlugin(tracker)])
    }

    func effects(_ h: EngineHarness) throws -> [String] {
        try h.workspace.pool.read { db in try String.fetchAll(db, sql: "SELECT step_id FROM probe_effect ORDER BY id") }
    }

    @Test func stepsRunInDependencyOrderAndPassOutputs() async throws {
        let h = try harness()
        let workflow = try h.workflow("""
            name: diamond
            steps:
              - id: d
                needs: [b, c]
                uses: probe.work
                with: { label: "${{ steps.b.outputs.label }}+${{ steps.c.outputs.label }}" }
              - id: b
                needs: a
                uses: probe.work
                with: { ms: 20, label: b }
              - id: c
                needs: a
                uses: probe.work
                with: { label: c }
              - id: a
                uses: probe.work
                with: { label: a }
            """)
        let summary = try await h.engine().start(workflow)
        #expect(summary.run.status == .completed)
        let order = h.events.completed
        #expect(order.first == "a")
        #expect(order.last == "d")
        #expect(Set(order[1...2]) == ["b", "c"])
        #expect(summary.steps.first { $0.stepId == "d" }?.outputs["label"] == .string("b+c"))
        #expect(try effects(h).count == 4)
    }

    @Test func independentStepsPrepareConcurrentlyWithinTheBound() async throws {
        let tracker = ConcurrencyTracker()
        let h = try harness(tracker)
        let steps = (1...8).map { "  - id: s\($0)\n    uses: probe.work\n    with: { ms: 60 }" }.joined(separator: "\n")
        let workflow = try h.workflow("name: wide\nsteps:\n\(steps)\n")
        let summary = try await h.engine(maxConcurrency: 3).start(workflow)
        #expect(summary.run.status == .completed)
        // Several at once, never more than the bound (exactly how many overlap depends on the load).
        #expect(tracker.peak > 1)
        #expect(tracker.peak <= 3)
        #expect(try effects(h).count == 8)
    }

    @Test func retriesWithExponentialBackoffOnTheClock() async throws {
        let h = try harness()
        let start = h.clock.now()
        let workflow = try h.workflow("""
            name: flaky
            steps:
              - id: fetch
                uses: core.fail
                retry: { attempts: 3, backoff: 10m, factor: 2 }
                with: { times: 2, message: "the county server did not answer" }
            """)
        let summary = try await h.engine().start(workflow)
        #expect(summary.run.status == .completed)
        let step = try #require(summary.steps.first)
        #expect(step.attempt == 3)
        #expect(step.outputs["attempts"] == .int(3))
        // 10 minutes after the first failure, 20 after the second.
        #expect(h.clock.now().timeIntervalSince(start) == 1800)
        let kinds = try await h.workspace.pool.read { db in
            try String.fetchAll(db, sql: "SELECT kind FROM workflow_event WHERE step_id = 'fetch' ORDER BY id")
        }
        #expect(kinds == ["started", "failed", "started", "failed", "started", "completed"])
    }

    @Test func exhaustedRetriesFailTheRunAndRetryCommandRunsItAgain() async throws {
        let h = try harness()
        let workflow = try h.workflow("""
            name: broken
            steps:
              - id: a
                uses: core.fail
                retry: { attempts: 2, backoff: 1s }
              - id: b
                needs: a
                uses: probe.work
            """)
        let engine = h.engine()
        let failed = try await engine.start(workflow)
        #expect(failed.run.status == .failed)
        #expect(failed.failed.map(\.stepId) == ["a"])
        #expect(failed.steps.first { $0.stepId == "a" }?.error?.contains("failed on purpose") == true)
        #expect(failed.steps.first { $0.stepId == "b" }?.status == .pending)
        #expect(try effects(h).isEmpty)
        // Retrying a step that has not failed is refused with a reason.
        await #expect(throws: WorkflowError.self) { try await engine.retry(campaign: "broken", step: "b") }
        let again = try await engine.retry(campaign: "broken", step: "a")
        #expect(again.steps.first { $0.stepId == "a" }?.attempt == 2)
        #expect(again.run.status == .failed)
    }

    @Test func nonRetryableFailureIsNotRetried() async throws {
        let h = try harness()
        let workflow = try h.workflow("""
            name: final
            steps:
              - id: a
                uses: core.fail
                retry: 5
                with: { retryable: false }
            """)
        let summary = try await h.engine().start(workflow)
        #expect(summary.steps[0].attempt == 1)
        #expect(summary.run.status == .failed)
    }

    @Test func timeoutCancelsTheStepAndWritesNothing() async throws {
        let tracker = ConcurrencyTracker()
        let h = try harness(tracker)
        let workflow = try h.workflow("""
            name: slow
            steps:
              - id: slow
                uses: probe.work
                timeout: 100ms
                with: { ms: 60000 }
            """)
        let summary = try await h.engine().start(workflow)
        #expect(tracker.cancelledCount == 1)  // the step's work was cancelled, not waited out
        #expect(summary.run.status == .failed)
        #expect(summary.steps[0].error?.contains("timed out after 100 ms") == true)
        #expect(try effects(h).isEmpty)
    }

    @Test func waitingForASignalThenSignalling() async throws {
        let h = try harness()
        let workflow = try h.workflow("""
            name: fair
            steps:
              - id: gate
                uses: core.wait
                with: { signal: true, prompt: "gates open" }
              - id: tally
                needs: gate
                uses: probe.work
                with: { label: "${{ steps.gate.outputs.signalled_by }}" }
            """)
        let engine = h.engine()
        let waiting = try await engine.start(workflow)
        #expect(waiting.run.status == .waiting)
        #expect(waiting.waiting.map(\.stepId) == ["gate"])
        #expect(waiting.waiting[0].prompt?.contains("campaign signal fair gate") == true)
        // A signal to a step that is not waiting is refused.
        await #expect(throws: WorkflowError.self) {
            try await engine.signal(campaign: "fair", step: "tally", by: nil, note: nil)
        }
        let done = try await engine.signal(campaign: "fair", step: "gate", by: "Li", note: "closed at noon")
        #expect(done.run.status == .completed)
        #expect(done.steps[0].outputs["ended_by"] == .string("signal"))
        #expect(done.steps[1].outputs["label"] == .string("Li"))
    }

    @Test func timersThatCameDueFireOnResume() async throws {
        let h = try harness()
        let workflow = try h.workflow("""
            name: follow-up
            steps:
              - id: follow-up
                uses: core.wait
                with: { for: 30d, prompt: "booth staff follow up" }
              - id: tally
                needs: follow-up
                uses: probe.work
            """)
        // A short horizon: the drive stops at the 30-day wait instead of sleeping through it.
        let engine = h.engine(waitHorizon: .seconds(60))
        let waiting = try await engine.start(workflow)
        #expect(waiting.run.status == .waiting)
        #expect(try effects(h).isEmpty)
        let stillWaiting = try await engine.resume(campaign: "follow-up")
        #expect(stillWaiting.run.status == .waiting)
        h.clock.advance(by: 31 * 86400)
        let done = try await engine.resume(campaign: "follow-up")
        #expect(done.run.status == .completed)
        #expect(done.steps[0].outputs["ended_by"] == .string("time"))
        #expect(try effects(h) == ["tally"])
    }

    @Test func monthLongCampaignRunsInMilliseconds() async throws {
        let h = try harness()
        let workflow = try h.workflow("""
            name: spring
            timezone: Asia/Shanghai
            steps:
              - id: fair-day
                uses: core.wait
                with: { until: "2026-03-15 08:30" }
              - id: follow-up
                needs: fair-day
                uses: core.wait
                with: { for: 30d }
              - id: tally
                needs: follow-up
                uses: probe.work
            """)
        let summary = try await h.engine().start(workflow)
        #expect(summary.run.status == .completed)
        // 44 days passed on the campaign's clock; the test itself took milliseconds of real time.
        let expected = try #require(TimeFormats.dateTime("2026-04-14 08:30", timeZone: TimeZone(identifier: "Asia/Shanghai")!))
        #expect(h.clock.now() == expected)
    }

    @Test func falseConditionSkipsTheStepAndItsDependents() async throws {
        let h = try harness()
        let workflow = try h.workflow("""
            name: cond
            vars: { walk_ins: false, gates: 2 }
            steps:
              - id: walk-ins
                if: ${{ vars.walk_ins }}
                uses: probe.work
              - id: badges
                needs: walk-ins
                uses: probe.work
              - id: gates
                if: vars.gates >= 2
                uses: probe.work
            """)
        let summary = try await h.engine().start(workflow)
        #expect(summary.run.status == .completed)
        #expect(summary.steps.map(\.status) == [.skipped, .skipped, .succeeded])
        #expect(try effects(h) == ["gates"])
    }

    @Test func varsCanBeOverriddenAtStart() async throws {
        let h = try harness()
        let workflow = try h.workflow("""
            name: vars
            vars: { walk_ins: "no" }
            steps:
              - id: walk-ins
                if: ${{ vars.walk_ins == 'yes' }}
                uses: probe.work
            """)
        let engine = h.engine()
        await #expect(throws: WorkflowError.self) { try await engine.start(workflow, vars: ["walkins": .string("yes")]) }
        let summary = try await engine.start(workflow, vars: ["walk_ins": .string("yes")])
        #expect(summary.steps[0].status == .succeeded)
    }

    @Test func startingTwiceIsRefused() async throws {
        let h = try harness()
        let workflow = try h.workflow("name: once\nsteps:\n  - id: a\n    uses: probe.work\n")
        let engine = h.engine()
        _ = try await engine.start(workflow)
        do {
            _ = try await engine.start(workflow)
            Issue.record("a second start must be refused")
        } catch let error as WorkflowError {
            #expect(error.code == .usage)
            #expect(error.hint?.contains("campaign resume once") == true)
        }
        #expect(try effects(h).count == 1)
    }

    @Test func anInterruptedAttemptRunsAgainOnResume() async throws {
        let h = try harness()
        let workflow = try h.workflow("name: crash\nsteps:\n  - id: a\n    uses: probe.work\n  - id: b\n    needs: a\n    uses: probe.work\n")
        let engine = h.engine()
        _ = try await engine.start(workflow)
        // Simulate a process killed after step b started: its state says running, its effect was never committed.
        try await h.workspace.pool.write { db in
            try db.execute(sql: "DELETE FROM probe_effect WHERE step_id = 'b'")
            try db.execute(sql: "UPDATE workflow_step SET status = 'running', outputs_json = NULL WHERE step_id = 'b'")
            try db.execute(sql: "UPDATE workflow_run SET status = 'running', owner_pid = 999999")
        }
        let summary = try await engine.resume(campaign: "crash")
        #expect(summary.run.status == .completed)
        #expect(try effects(h) == ["a", "b"])
        #expect(summary.steps[1].attempt == 1)
        #expect(h.events.all.contains { if case .interrupted("b") = $0 { true } else { false } })
        #expect(h.events.all.contains { if case .started("b", 1) = $0 { true } else { false } })
    }

    @Test func invalidDefinitionWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("bad.yaml", "name: bad\nsteps:\n  - id: a\n    uses: core.nope\n")
        #expect(throws: WorkflowError.self) {
            try Validator(registry: PluginRegistry([CorePlugin.plugin])).validate(path: path)
        }
        #expect(!FileManager.default.fileExists(atPath: dir.databasePath))
    }
}
