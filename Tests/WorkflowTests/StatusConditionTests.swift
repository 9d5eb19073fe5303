import Foundation
import GRDB
import Testing
import Workflow
import WorkflowTesting

/// `if:` with success(), failure(), always(), cancelled() and needs.ID.result: the decision rule
/// as a truth table, then the same rules end to end — a failure notified, a report always written,
/// a blocked step decided again after a retry, a cancelled run.
@Suite struct StatusConditionTests {
    /// R run, S skip, B block (a need failed: retry decides again), C cancel.
    static let table: [(condition: String?, running: String, cancelled: String)] = [
        // condition                                  succeeded failed skipped blocked | succeeded failed skipped cancelled
        (nil,                                         "RBSB",                         "CCCC"),
        ("success()",                                 "RBSB",                         "CCCC"),
        ("failure()",                                 "SRSR",                         "CRCC"),
        ("always()",                                  "RRRR",                         "RRRR"),
        ("cancelled()",                               "SBSB",                         "RRRR"),
        ("!cancelled()",                              "RRRR",                         "CCCC"),
        ("needs.a.result == 'failure'",               "SBSB",                         "CCCC"),
        ("always() && needs.a.result == 'skipped'",   "SBRR",                         "CCRC"),
        ("failure() || cancelled()",                  "SRSR",                         "RRRR"),
        ("needs.a.result != 'success' && always()",   "SRRR",                         "CRRR"),
    ]

    static func condition(_ source: String?) throws -> StepDefinition.Condition? {
        try source.map { .init(source: $0, expression: try ExpressionParser.parse($0),
                               location: SourceFile(path: "t.yaml", text: "").location(line: 1, column: 1)) }
    }

    static func letter(_ decision: StepDecision) -> Character {
        switch decision {
        case .run: "R"
        case .skip: "S"
        case .block: "B"
        case .cancel: "C"
        }
    }

    @Test func everyConditionAgainstEveryWayItsNeedEnded() throws {
        let whileRunning: [StepStatus] = [.succeeded, .failed, .skipped, .blocked]
        let afterCancel: [StepStatus] = [.succeeded, .failed, .skipped, .cancelled]
        for row in Self.table {
            let condition = try Self.condition(row.condition)
            for (statuses, cancelled, expected) in [(whileRunning, false, row.running), (afterCancel, true, row.cancelled)] {
                let got = String(statuses.map { status in
                    Self.letter(StepDecision.decide(condition: condition, needs: [.init("a", status)],
                                                    runCancelled: cancelled, scope: ExpressionScope(vars: [:])))
                })
                #expect(got == expected, "if: \(row.condition ?? "(none)") — run \(cancelled ? "cancelled" : "going")")
            }
        }
    }

    @Test func twoNeedsMixTheirResults() throws {
        func decide(_ source: String?, _ a: StepStatus, _ b: StepStatus) throws -> Character {
            Self.letter(StepDecision.decide(condition: try Self.condition(source), needs: [.init("a", a), .init("b", b)],
                                            runCancelled: false, scope: ExpressionScope(vars: [:])))
        }
        #expect(try decide(nil, .succeeded, .failed) == "B")
        #expect(try decide(nil, .succeeded, .skipped) == "S")
        #expect(try decide("failure()", .succeeded, .failed) == "R")
        #expect(try decide("failure()", .skipped, .blocked) == "R")
        #expect(try decide("success()", .succeeded, .succeeded) == "R")
        #expect(try decide("needs.b.result == 'failure' && needs.a.result == 'success'", .succeeded, .failed) == "B")
        #expect(try decide("always() && needs.b.result == 'failure' && needs.a.result == 'success'",
                           .succeeded, .failed) == "R")
        // The reasons say what happened.
        let blocked = StepDecision.decide(condition: nil, needs: [.init("import", .failed), .init("plan", .succeeded)],
                                          runCancelled: false, scope: ExpressionScope(vars: [:]))
        guard case .block(let why) = blocked else { Issue.record("not blocked: \(blocked)"); return }
        #expect(why.text(.en) == "not run: import did not succeed; `campaign retry` of the failed step decides it again")
        #expect(why.text(.zh) == "未运行：import 没有成功；对失败的步骤执行 `campaign retry` 后会重新决定")
        let skipped = StepDecision.decide(condition: nil, needs: [.init("walk-ins", .skipped)], runCancelled: false,
                                          scope: ExpressionScope(vars: [:]))
        guard case .skip(let because) = skipped else { Issue.record("not skipped: \(skipped)"); return }
        #expect(because.text(.en) == "skipped because walk-ins was skipped")
        #expect(because.text(.zh) == "已跳过：walk-ins 被跳过了")
    }

    func harness() throws -> EngineHarness {
        try EngineHarness(plugins: [CorePlugin.plugin, probePlugin()])
    }

    func journal(_ h: EngineHarness) throws -> [String] {
        try h.workspace.pool.read { db in try String.fetchAll(db, sql: "SELECT step_id FROM core_log ORDER BY id") }
    }

    func status(_ summary: RunSummary, _ step: String) -> StepStatus? {
        summary.steps.first { $0.stepId == step }?.status
    }

    @Test func aFailureIsNotifiedTheReportAlwaysWrittenAndRetryDecidesTheBlockedAgain() async throws {
        let h = try harness()
        try await h.workspace.pool.write { db in
            try db.execute(sql: "INSERT INTO probe_switch (name, on_) VALUES ('ledger', 1)")
        }
        let workflow = try h.workflow("""
            name: fair
            steps:
              - id: import
                uses: probe.flaky
                with: { label: imported, blocked_by: ledger }
              - id: badges
                needs: import
                uses: core.log
                with: { message: badges printed }
              - id: tell-organizer
                needs: import
                if: ${{ failure() }}
                uses: core.log
                with: { message: "the import failed: ${{ needs.import.result }}" }
              - id: report
                needs: [badges, tell-organizer]
                if: always()
                uses: core.log
                with: { message: "report: badges ${{ needs.badges.result }}" }
            """)
        let engine = h.engine()
        let first = try await engine.start(workflow)
        #expect(first.run.status == .failed)
        #expect(status(first, "import") == .failed)
        #expect(status(first, "badges") == .blocked)
        #expect(status(first, "tell-organizer") == .succeeded)
        #expect(status(first, "report") == .succeeded)
        #expect(first.steps.first { $0.stepId == "tell-organizer" }?.outputs["message"]
                == .string("the import failed: failure"))
        #expect(first.steps.first { $0.stepId == "report" }?.outputs["message"] == .string("report: badges skipped"))
        #expect(try journal(h) == ["tell-organizer", "report"])

        // The clerk fixes the ledger and retries: the import runs, the blocked badges follow; the steps
        // that already ran are not repeated.
        try await h.workspace.pool.write { db in try db.execute(sql: "UPDATE probe_switch SET on_ = 0") }
        let second = try await engine.retry(campaign: "fair", step: "import")
        #expect(second.run.status == .completed)
        #expect(status(second, "badges") == .succeeded)
        #expect(try journal(h) == ["tell-organizer", "report", "badges"])
    }

    @Test func cancelStopsTheWaitAndRunsOnlyAlwaysAndCancelledSteps() async throws {
        let h = try harness()
        let workflow = try h.workflow("""
            name: fair
            steps:
              - id: gate
                uses: core.wait
                with: { signal: true, prompt: gate open }
              - id: tally
                needs: gate
                uses: core.log
                with: { message: tally }
              - id: tidy-up
                needs: tally
                if: ${{ always() }}
                uses: core.log
                with: { message: "tidied after ${{ needs.tally.result }}" }
              - id: apologise
                needs: gate
                if: cancelled()
                uses: core.log
                with: { message: sorry }
              - id: unless-cancelled
                needs: gate
                if: "!cancelled()"
                uses: core.log
                with: { message: never }
            """)
        let engine = h.engine()
        let waiting = try await engine.start(workflow)
        #expect(waiting.run.status == .waiting)
        let cancelled = try await engine.cancel(campaign: "fair", by: "王主任", reason: "rain")
        #expect(cancelled.run.status == .cancelled)
        #expect(cancelled.run.cancelledBy == "王主任")
        #expect(status(cancelled, "gate") == .cancelled)
        #expect(status(cancelled, "tally") == .cancelled)
        #expect(status(cancelled, "unless-cancelled") == .cancelled)
        #expect(status(cancelled, "tidy-up") == .succeeded)
        #expect(status(cancelled, "apologise") == .succeeded)
        #expect(cancelled.steps.first { $0.stepId == "tidy-up" }?.outputs["message"] == .string("tidied after cancelled"))
        #expect(try journal(h) == ["tidy-up", "apologise"] || journal(h) == ["apologise", "tidy-up"])
        let history = try await h.workspace.pool.read { db in
            try String.fetchAll(db, sql: "SELECT kind || ':' || coalesce(message, '') FROM workflow_event WHERE step_id IS NULL")
        }
        #expect(history.contains("cancel-requested:cancelled by 王主任: rain"))
        #expect(history.last == "run-cancelled:")

        // A cancelled run stays cancelled: no second cancel, no signal, and resume changes nothing.
        let again = await #expect(throws: WorkflowError.self) {
            try await engine.cancel(campaign: "fair", by: nil, reason: nil)
        }
        #expect(again?.code == .usage)
        #expect(again?.message.hasPrefix("campaign 'fair' was already cancelled on ") == true)
        let signal = await #expect(throws: WorkflowError.self) {
            try await engine.signal(campaign: "fair", step: "gate", by: nil, note: nil)
        }
        #expect(signal?.message == "step 'gate' is not waiting for a signal (it is cancelled)")
        let resumed = try await engine.resume(campaign: "fair")
        #expect(resumed.run.status == .cancelled)
        #expect(try journal(h).count == 2)
    }

    @Test func aCompletedCampaignCannotBeCancelled() async throws {
        let h = try harness()
        let done = try await h.engine().start(try h.workflow("name: done\nsteps:\n  - id: a\n    uses: core.log\n    with: { message: hi }\n"))
        #expect(done.run.status == .completed)
        let error = await #expect(throws: WorkflowError.self) {
            try await h.engine().cancel(campaign: "done", by: nil, reason: nil)
        }
        #expect(error?.code == .usage)
        #expect(error?.message == "campaign 'done' has already completed; there is nothing to cancel")
    }
}
