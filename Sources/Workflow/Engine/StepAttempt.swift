import Foundation
import GRDB

/// One attempt of one step, run as a child task: prepare (concurrently, under the step's
/// timeout), then commit the action's writes together with the step's new state.
struct StepAttempt: Sendable {
    let index: Int
    let step: StepDefinition
    /// The stored step id: the step's, or for one instance of a fan-out, e.g. `board[3]`.
    let recordID: String
    let number: Int
    let binding: Result<Value, StepFailure>
    let action: RegisteredAction
    let context: StepContext
    let pool: DatabasePool
    let runID: Int64
    let clock: any WorkflowClock

    func run() async -> AttemptResult {
        let started = ContinuousClock.now
        do {
            let transition = try await attempt(started: started)
            return AttemptResult(index: index, transition: transition, elapsed: ContinuousClock.now - started)
        } catch let superseded as StepSuperseded {
            // Cancelled (or taken over) while it ran: nothing of it was applied, and its state is not ours to write.
            return AttemptResult(index: index, transition: Transition(status: superseded.status, dueAt: nil, wait: nil,
                                                                      outputs: [:], message: nil),
                                 elapsed: ContinuousClock.now - started)
        } catch {
            // The commit itself failed (disk full, database locked too long): record a retryable failure.
            let outcome = StepOutcome.failed(message: RunEventMessages.cannotSave(["error": "\(error)"]).inProcessLanguage, retryable: true)
            let transition = (try? await pool.write { [self] db in
                try Transition.record(db, outcome, step: step, recordID: recordID, attempt: number, runID: runID,
                                      now: clock.now())
            }) ?? Transition(status: .failed, dueAt: nil, wait: nil, outputs: [:], message: "\(error)")
            return AttemptResult(index: index, transition: transition, elapsed: ContinuousClock.now - started)
        }
    }

    private func attempt(started: ContinuousClock.Instant) async throws -> Transition {
        var prepared: (input: any Sendable, work: any Sendable)?
        var failure: StepOutcome?
        do {
            let input = try action.box.decode(binding.get())
            let work = try await withTimeout { try await action.box.prepare(input, context: context) }
            prepared = (input, work)
        } catch {
            failure = Self.failure(from: error, timeout: step.timeout)
        }
        return try await pool.write { [self, prepared, failure] db -> Transition in
            // Only the owner of this attempt may end it: a superseded attempt must not apply its effects.
            let current = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT status, attempt FROM workflow_step WHERE run_id = ? AND step_id = ?
                """), arguments: [runID, recordID])
            guard let current, current["status"] == "running", current["attempt"] == number else {
                let status = (current?["status"] as String?).flatMap(StepStatus.init(rawValue:))
                throw StepSuperseded(status: status == .cancelled ? .cancelled : .running)
            }
            var outcome = failure ?? .succeeded
            if let prepared {
                do {
                    outcome = try db.undoableOutcome {
                        let outcome = try action.box.commit(db, prepared.work, input: prepared.input, context: context)
                        if let timeout = step.timeout, ContinuousClock.now - started > timeout {
                            throw StepTimeout(limit: timeout)
                        }
                        return outcome
                    }
                } catch {
                    outcome = Self.failure(from: error, timeout: step.timeout)
                }
            }
            return try Transition.record(db, outcome, step: step, recordID: recordID, attempt: number, runID: runID,
                                         now: clock.now())
        }
    }

    /// Runs `body` under the step's `timeout:` (real elapsed time), cancelling it when the time is up.
    private func withTimeout(_ body: @escaping @Sendable () async throws -> any Sendable) async throws -> any Sendable {
        guard let limit = step.timeout else { return try await body() }
        return try await withThrowingTaskGroup(of: (any Sendable)?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw StepTimeout(limit: limit) }
            return value
        }
    }

    /// How a thrown error reads as an outcome: deliberate failures keep their retryability,
    /// bad input is final, anything else (I/O, locks) is worth another try.
    static func failure(from error: any Error, timeout: Duration? = nil) -> StepOutcome {
        switch error {
        case let failure as StepFailure:
            return .failed(message: failure.message, retryable: failure.retryable)
        case let timeout as StepTimeout:
            return .failed(message: RunEventMessages.timedOut(["limit": TimeFormats.display(timeout.limit)]).inProcessLanguage, retryable: true)
        case let error as WorkflowError:
            let language = Language.fromEnvironment()
            return .failed(message: error.message(in: language) + (error.hint(in: language).map { "\n  " + $0 } ?? ""),
                           retryable: error.code == .unavailable)
        case let error as DecodingError:
            return .failed(message: RunEventMessages.parametersUnreadable(["reason": Self.describe(error)]).inProcessLanguage, retryable: false)
        default:
            return .failed(message: "\(error)", retryable: true)
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            "\(c.codingPath.map(\.stringValue).joined(separator: ".")): \(c.debugDescription)"
        @unknown default: "\(error)"
        }
    }
}

struct StepTimeout: Error {
    let limit: Duration
}

/// The attempt no longer owns its step (the run was cancelled, or another process took it over).
struct StepSuperseded: Error {
    let status: StepStatus
}

/// What an attempt (or a wake) did to its step, as committed.
struct AttemptResult: Sendable {
    let index: Int
    let transition: Transition
    let elapsed: Duration
}

struct Transition: Sendable {
    var status: StepStatus
    var dueAt: Date?
    var wait: Wait?
    var outputs: [String: Value]
    var message: String?

    /// Writes a step's new state and its event; called inside the transaction of the step's effects.
    static func record(_ db: Database, _ outcome: StepOutcome, step: StepDefinition, recordID: String, attempt: Int, runID: Int64,
                       now: Date) throws -> Transition {
        var transition: Transition
        var eventKind: String
        var eventMessage: String?
        var eventForm: String?
        switch outcome {
        case .completed(let outputs):
            transition = Transition(status: .succeeded, dueAt: nil, wait: nil, outputs: outputs, message: nil)
            eventKind = "completed"
            eventMessage = outputs.isEmpty ? nil : try outputs.jsonText()
        case .failed(let message, let retryable):
            if retryable, attempt < step.retry.attempts {
                let due = now.addingTimeInterval(step.retry.delay(afterAttempt: attempt).seconds)
                transition = Transition(status: .retrying, dueAt: due, wait: nil, outputs: [:], message: message)
                eventKind = "failed"
                eventMessage = "\(message) — attempt \(attempt) of \(step.retry.attempts), next try in "
                    + TimeFormats.display(step.retry.delay(afterAttempt: attempt))
            } else {
                transition = Transition(status: .failed, dueAt: nil, wait: nil, outputs: [:], message: message)
                eventKind = "failed"
                eventMessage = message + (attempt > 1 ? " — gave up after \(attempt) attempts" : "")
            }
        case .waiting(let wait):
            transition = Transition(status: .waiting, dueAt: wait.until, wait: wait, outputs: [:], message: wait.prompt)
            eventKind = "waiting"
            eventMessage = wait.prompt
            eventForm = wait.message?.storedForm
        }
        try db.cachedStatement(sql: """
            UPDATE workflow_step SET status = ?, due_at = ?, awaits_signal = ?, prompt = ?, prompt_form = ?, outputs_json = ?,
                error = ?, finished_at = ?
            WHERE run_id = ? AND step_id = ?
            """).execute(arguments: [
                transition.status.rawValue, transition.dueAt, transition.wait?.signal ?? false, transition.wait?.prompt,
                transition.wait?.message?.storedForm,
                transition.outputs.isEmpty ? nil : try transition.outputs.jsonText(),
                transition.status == .failed || transition.status == .retrying ? transition.message : nil,
                transition.status == .succeeded || transition.status == .failed ? StoredTime.text(now) : nil,
                runID, recordID,
            ])
        try RunQueries.appendEvent(db, run: runID, step: recordID, attempt: attempt, at: now, kind: eventKind,
                                   message: eventMessage, form: eventForm)
        return transition
    }
}

extension Database {
    /// Runs an action's writes in a savepoint, undone when it throws or reports a failure, so a
    /// failed attempt leaves nothing behind but its recorded failure.
    func undoableOutcome(_ body: () throws -> StepOutcome) throws -> StepOutcome {
        var outcome = StepOutcome.succeeded
        try inSavepoint {
            outcome = try body()
            if case .failed = outcome { return .rollback }
            return .commit
        }
        return outcome
    }
}
