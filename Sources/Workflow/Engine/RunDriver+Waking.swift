import Foundation
import GRDB

/// Signals, timers and cancelling: what ends a wait from outside the run.
extension RunDriver {
    /// Hands signals sent with `campaign signal` to their waiting nodes; true when there were any.
    @discardableResult
    func deliverSignals() async throws -> Bool {
        let runID = run.id
        let pending = try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, step_id, sent_by, note, sent_at FROM workflow_signal
                WHERE run_id = ? AND consumed_at IS NULL ORDER BY id
                """, arguments: [runID]).map { row -> (id: Int64, step: String, signal: Signal) in
                (row["id"], row["step_id"], Signal(by: row["sent_by"], note: row["note"], at: row["sent_at"]))
            }
        }
        for (signalID, stepID, signal) in pending {
            guard let index = nodeByRecord[stepID], nodes[index].status == .waiting, nodes[index].awaitsSignal else {
                try await pool.write { [run, engine] db in
                    try db.execute(sql: "UPDATE workflow_signal SET consumed_at = ? WHERE id = ?",
                                   arguments: [engine.clock.now(), signalID])
                    try RunQueries.appendEvent(db, run: run.id, step: stepID, attempt: nil, at: engine.clock.now(),
                                               kind: "signal-ignored", said: RunEventMessages.signalIgnored())
                }
                continue
            }
            let reason = signal.by.map { RunEventMessages.signalledBy(["who": $0]) } ?? RunEventMessages.signalled()
            try await wake(index, .signal(signal), reason: reason, consumingSignal: signalID)
        }
        return !pending.isEmpty
    }

    func fireDueTimers() async throws {
        let now = engine.clock.now()
        for i in timed.sorted() {
            guard let due = nodes[i].dueAt, due <= now else { continue }
            switch nodes[i].status {
            case .waiting:
                try await wake(i, .timer(at: due),
                               reason: RunEventMessages.timeReached(["time": TimeFormats.display(due, timeZone: definition.timeZone)]),
                               consumingSignal: nil)
            case .retrying:
                nodes[i].status = .pending
                nodes[i].dueAt = nil
                timed.remove(i)
                ready.append(i)
            default:
                break
            }
        }
    }

    func wake(_ node: Int, _ wake: Wake, reason: Message, consumingSignal signalID: Int64?) async throws {
        let step = definition.steps[nodes[node].step]
        let recordID = nodes[node].recordID
        let attempt = nodes[node].attempt
        let action = workflow.registry.action(step.uses)!
        let binding = bind(node)
        let context = context(for: node, attempt: attempt)
        let now = engine.clock.now()
        engine.observer(.woke(step: recordID, reason: reason.inProcessLanguage))
        let transition = try await pool.write { [run] db -> Transition in
            if let signalID {
                try db.execute(sql: "UPDATE workflow_signal SET consumed_at = ? WHERE id = ?", arguments: [now, signalID])
            }
            try RunQueries.appendEvent(db, run: run.id, step: recordID, attempt: attempt, at: now, kind: "woke",
                                       said: reason)
            let outcome: StepOutcome
            do {
                let input = try action.box.decode(binding.get())
                outcome = try db.undoableOutcome { try action.box.wake(db, wake, input: input, context: context) }
            } catch {
                outcome = StepAttempt.failure(from: error)
            }
            return try Transition.record(db, outcome, step: step, recordID: recordID, attempt: attempt, runID: run.id,
                                         now: now)
        }
        try await apply(AttemptResult(index: node, transition: transition, elapsed: .zero))
    }

    /// Looks (at most five times a second) whether `campaign cancel` asked this run to stop, and
    /// if so stops every node in progress. True when it has just done so: running attempts are
    /// then cancelled too (their effects are not applied: the node is no longer theirs).
    func noticeCancel() async throws -> Bool {
        guard !cancelled else { return false }
        let now = ContinuousClock.now
        guard now - lastCancelCheck >= .milliseconds(200) else { return false }
        lastCancelCheck = now
        let runID = run.id
        let requested = try await pool.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT cancel_requested_at IS NOT NULL AND cancel_applied_at IS NULL FROM workflow_run WHERE id = ?
                """, arguments: [runID]) ?? false
        }
        guard requested else { return false }
        try await stopEverything()
        return true
    }

    /// Ends every node in progress as cancelled, in one transaction (with the cancel request itself,
    /// when this process is the one asked); what has not started is decided as its needs end (only
    /// `always()` and `cancelled()` steps still run).
    func stopEverything(requestedBy request: CancelRequest? = nil) async throws {
        cancelled = true
        let stopping = nodes.indices.filter { i in
            [.waiting, .retrying].contains(nodes[i].status)
                || nodes[i].status == .running && fanOuts[i] == nil
        }
        let now = engine.clock.now()
        let records = stopping.map { nodes[$0].recordID }
        try await pool.write { [run] db in
            try db.execute(sql: "UPDATE workflow_run SET cancel_applied_at = ? WHERE id = ?", arguments: [now, run.id])
            if let request {
                try db.execute(sql: "UPDATE workflow_run SET cancel_requested_at = ?, cancelled_by = ? WHERE id = ?",
                               arguments: [now, request.by, run.id])
                try RunQueries.appendEvent(db, run: run.id, step: nil, attempt: nil, at: now, kind: "cancel-requested",
                                           message: request.description)
            }
            for record in records {
                try db.execute(sql: """
                    UPDATE workflow_step SET status = 'cancelled', finished_at = ?, due_at = NULL, awaits_signal = 0
                    WHERE run_id = ? AND step_id = ?
                    """, arguments: [now, run.id, record])
                try RunQueries.appendEvent(db, run: run.id, step: record, attempt: nil, at: now, kind: "cancelled",
                                           said: RunEventMessages.stoppedCancelled())
            }
        }
        for node in stopping {
            nodes[node].status = .cancelled
            timed.remove(node)
            engine.observer(.skipped(step: nodes[node].recordID, reason: RunEventMessages.stoppedCancelled().inProcessLanguage))
            try await ended(node)
        }
    }
}

/// Who asked a run to stop, and why: recorded in its history.
struct CancelRequest: Sendable {
    var by: String?
    var reason: String?

    var description: String {
        "cancelled" + (by.map { " by \($0)" } ?? "") + (reason.map { ": \($0)" } ?? "")
    }
}
