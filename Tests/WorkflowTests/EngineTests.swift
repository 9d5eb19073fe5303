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

    @Test(.timeLimit(.minutes(5))) func independentStepsPrepareConcurrentlyWithinTheBound() async throws {
        let tracker = ConcurrencyTracker()
        let h = try harness(tracker)
        // Each step waits until three prepare at once: the run completes only if the engine runs three
        // together, and the peak shows it never ran a fourth.
        let steps = (1...8).map { "  - id: s\($0)\n    uses: probe.work\n    with: { meet: 3 }" }.joined(separator: "\n")
        let workflow = try h.workflow("name: wide\nsteps:\n\(steps)\n")
        let summary = try await h.engine(maxConcurrency: 3).start(workflow)
        #expect(summary.run.status == .completed)
        #expect(tracker.peak == 3)
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
        #expect(failed.steps.first { $0.stepId == "b" }?.status == .blocked)
        #expect(try effects(h).isEmpty)
        // Retrying a step that has not failed is refused with a reason.
        let notFailed = await #expect(throws: WorkflowError.self) { try await engine.retry(campaign: "broken", step: "b") }
        #expect(notFailed?.code == .usage)
        #expect(notFailed?.message == "step 'b' has not failed (it is blocked); only failed steps can be retried")
        #expect(notFailed?.hint == "failed steps: a")
        let again = try await engine.retry(campaign: "broken", step: "a")
        #expect(again.steps.first { $0.stepId == "a" }?.attempt == 2)
        #expect(again.run.status == .failed)
    }

    /// `campaign serve` drives runs from its daemon and from the run page in one process: a second
    /// drive of a run waits for the first, never runs beside it.
    @Test(.timeLimit(.minutes(5))) func oneProcessNeverDrivesARunTwiceAtOnce() async throws {
        let tracker = ConcurrencyTracker()
        let h = try harness(tracker)
        let engine = h.engine()
        let workflow = try h.workflow("""
            name: slow
            steps:
              - id: a
                uses: probe.work
                with: { ms: 400 }
            """)
        let first = Task { try await engine.start(workflow) }
        await tracker.waitForPeak(1)  // the first drive is preparing its step
        let busy = await #expect(throws: WorkflowError.self) {
            try await engine.resume(campaign: "slow", patience: .zero)
        }
        #expect(busy?.code == .unavailable)
        #expect(busy?.message == "campaign 'slow' is being run by this process right now (the daemon, or the run page)")
        // Waits for the first, then finds nothing to do. The patience is wide because a loaded CI machine
        // can stretch the first drive's 400 ms well past the 10 s default (stop 29's CI did).
        let patient = try await engine.resume(campaign: "slow", patience: .seconds(240))
        #expect(patient.run.status == .completed)
        #expect(try await first.value.run.status == .completed)
        #expect(try effects(h) == ["a"])
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
        #expect(summary.steps[0].error?.contains("超过 100 ms 未完成") == true, "\(summary.steps[0].error ?? "")")
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
        let notWaiting = await #expect(throws: WorkflowError.self) {
            try await engine.signal(campaign: "fair", step: "tally", by: nil, note: nil)
        }
        #expect(notWaiting?.code == .usage)
        #expect(notWaiting?.message == "step 'tally' is not waiting for a signal (it is pending)")
        #expect(notWaiting?.hint == "steps waiting for a signal: gate")
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

    /// The engine sleeps on the injected clock, so a wait of weeks passes when the clock jumps: the
    /// follow-up ends 30 days after the fair day, to the second.
    @Test func waitsEndOnTheCampaignClockAtTheirDeadlines() async throws {
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
        let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let fairDay = try #require(TimeFormats.dateTime("2026-03-15 08:30", timeZone: zone))
        let followUpEnds = try #require(TimeFormats.dateTime("2026-04-14 08:30", timeZone: zone))
        #expect(summary.steps[0].finishedAt == fairDay)
        #expect(summary.steps[1].finishedAt == followUpEnds)
        #expect(h.clock.now() == followUpEnds)
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
        let unknown = await #expect(throws: WorkflowError.self) {
            try await engine.start(workflow, vars: ["walkins": .string("yes")])
        }
        #expect(unknown?.code == .usage)
        #expect(unknown?.message == "the campaign declares no variable 'walkins'")
        #expect(unknown?.hint == "did you mean 'walk_ins'?")
        let summary = try await engine.start(workflow, vars: ["walk_ins": .string("yes")])
        #expect(summary.steps[0].status == .succeeded)
    }

    @Test func startingTwiceIsRefused() async throws {
        let h = try harness()
        let workflow = try h.workflow("name: once\nsteps:\n  - id: a\n    uses: probe.work\n")
        let engine = h.engine()
        _ = try await engine.start(workflow)
        let twice = await #expect(throws: WorkflowError.self) { try await engine.start(workflow) }
        #expect(twice?.code == .usage)
        #expect(twice?.message.hasPrefix("campaign 'once' was already started on ") == true)
        #expect(twice?.message.hasSuffix("(status: completed); starting it again would repeat its steps") == true)
        #expect(twice?.hint?.contains("campaign resume once") == true)
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

    /// Starting an invalid definition is refused with every problem, and the workspace — here one
    /// with a campaign already in it — is left exactly as it was: no run, no step, no event.
    @Test func invalidDefinitionWritesNothing() async throws {
        let h = try harness()
        _ = try await h.engine().start(try h.workflow("name: good\nsteps:\n  - id: a\n    uses: probe.work\n"))
        func snapshot() async throws -> [String: Int] {
            try await h.workspace.pool.read { db in
                var counts: [String: Int] = [:]
                for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                    counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"")
                }
                return counts
            }
        }
        let before = try await snapshot()
        let error = await #expect(throws: WorkflowError.self) {
            let bad = "name: bad\nsteps:\n  - id: a\n    uses: core.nope\n    needs: zz\n"
            _ = try await h.engine().start(try h.workflow(bad))
        }
        #expect(error?.code == .invalidInput)
        #expect(error?.diagnostics.map(\.message) == ["plugin 'core' has no action 'nope'",
                                                     "step 'a' needs 'zz', but no step has that id"])
        #expect(try await snapshot() == before)
        #expect(before["workflow_run"] == 1 && before["workflow_event"] ?? 0 > 0)
    }
}
