import Foundation
import GRDB
import Logging

/// Drives one run: the single owner of its in-memory state while it runs.
///
/// Each transition (start, commit, wake, skip) is one SQLite transaction that also appends to
/// the event log; a step's domain writes share the commit's transaction. The in-memory mirror
/// only ever follows what was committed, so a crash at any instant leaves a state `resume` can
/// continue from.
final class RunDriver {
    let engine: Engine
    let workflow: ValidatedWorkflow
    var run: RunRecord
    private var states: [StepState]
    private var unmet: [Int]
    private var skippedNeed: [Bool]
    private var ready: [Int] = []
    private var readyHead = 0
    private var expressionScope: ExpressionScope
    /// Attempts a crash interrupted, run again by this drive; reported when it begins.
    private let interrupted: [String]
    /// Steps waiting for a time or a retry: the only ones the timer check looks at.
    private var timed = Set<Int>()

    struct StepState {
        var status: StepStatus
        var attempt: Int
        var dueAt: Date?
        var awaitsSignal: Bool
        var outputs: [String: Value]
    }

    private var definition: WorkflowDefinition { workflow.definition }
    private var pool: DatabasePool { engine.workspace.pool }

    init(engine: Engine, campaign: String) async throws {
        self.engine = engine
        let pid = ProcessInfo.processInfo.processIdentifier
        let host = ProcessInfo.processInfo.hostName
        let now = engine.clock.now()
        // Take ownership of the run, so two processes never drive it at once.
        let (run, records, interrupted) = try await engine.workspace.pool.write { db in
            var run = try RunQueries.requireRun(campaign, in: db)
            if let owner = run.ownerPid, owner != pid, run.ownerHost == host, Self.processIsAlive(owner) {
                throw WorkflowError.unavailable(
                    "campaign '\(campaign)' is being run by another process (pid \(owner)) right now",
                    hint: "wait for it to finish, or stop it; its progress is kept either way")
            }
            try db.execute(sql: "UPDATE workflow_run SET owner_pid = ?, owner_host = ?, updated_at = ? WHERE id = ?",
                           arguments: [pid, host, now, run.id])
            run.ownerPid = pid
            // Attempts a crash interrupted between their start and their commit wrote nothing durable
            // (their effects commit with their end): run them again, without charging the retry budget.
            let interrupted = try String.fetchAll(db, sql: """
                SELECT step_id FROM workflow_step WHERE run_id = ? AND status = 'running'
                """, arguments: [run.id])
            for step in interrupted {
                try db.execute(sql: """
                    UPDATE workflow_step SET status = 'pending', attempt = max(attempt - 1, 0) WHERE run_id = ? AND step_id = ?
                    """, arguments: [run.id, step])
                try RunQueries.appendEvent(db, run: run.id, step: step, attempt: nil, at: now, kind: "interrupted",
                                           message: "the attempt was interrupted (the process stopped); running it again")
            }
            return (run, try RunQueries.steps(runID: run.id, in: db), interrupted)
        }
        self.run = run
        self.interrupted = interrupted
        self.workflow = try engine.loadDefinition(run)
        let byID = Dictionary(records.map { ($0.stepId, $0) }, uniquingKeysWith: { first, _ in first })
        states = try workflow.definition.steps.map { step in
            guard let record = byID[step.id] else {
                throw WorkflowError.internal("step '\(step.id)' of campaign '\(campaign)' has no stored state")
            }
            return StepState(status: record.status, attempt: record.attempt, dueAt: record.dueAt,
                             awaitsSignal: record.awaitsSignal, outputs: record.outputs)
        }
        var outputs: [String: [String: Value]] = [:]
        for (i, state) in states.enumerated() where state.status == .succeeded && !state.outputs.isEmpty {
            outputs[workflow.definition.steps[i].id] = state.outputs
        }
        expressionScope = ExpressionScope(vars: run.vars, stepOutputs: outputs)
        let graph = workflow.graph
        unmet = graph.needs.map { _ in 0 }
        skippedNeed = graph.needs.map { _ in false }
        for i in states.indices {
            unmet[i] = graph.needs[i].filter { !states[$0].status.isFinished }.count
            skippedNeed[i] = graph.needs[i].contains { states[$0].status == .skipped }
        }
        for i in workflow.order where states[i].status == .pending && unmet[i] == 0 { ready.append(i) }
        for i in states.indices where states[i].dueAt != nil && [.waiting, .retrying].contains(states[i].status) {
            timed.insert(i)
        }
    }

    static func processIsAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    // MARK: - The loop

    func drive() async throws -> RunSummary {
        for step in interrupted { engine.observer(.interrupted(step: step)) }
        do {
            try await loop()
        } catch {
            try? await Self.release(run: run, pool: pool)
            throw error
        }
        return try await finish()
    }

    private func loop() async throws {
        try await withThrowingTaskGroup(of: AttemptResult.self) { group in
            var running = 0
            try await deliverSignals()
            while true {
                try await fireDueTimers()
                while running < engine.options.maxConcurrency, let next = popReady() {
                    if let reason = try await skipReason(next) {
                        try await skip(next, reason: reason)
                        continue
                    }
                    let attempt = try await begin(next)
                    group.addTask { await attempt.run() }
                    running += 1
                }
                if running > 0 {
                    guard let result = try await group.next() else { break }
                    running -= 1
                    apply(result)
                    continue
                }
                if readyHead < ready.count { continue }
                if try await deliverSignals() { continue }
                let now = engine.clock.now()
                guard let due = nextDue(), due.timeIntervalSince(now) <= engine.options.waitHorizon.seconds else { break }
                try await engine.clock.sleep(until: due)
            }
        }
    }

    private func popReady() -> Int? {
        guard readyHead < ready.count else { return nil }
        defer { readyHead += 1 }
        return ready[readyHead]
    }

    private func nextDue() -> Date? {
        timed.compactMap { states[$0].dueAt }.min()
    }

    /// What expressions see: the run's variables and the outputs of succeeded steps, kept up to date
    /// as steps finish (rebuilding it per step would cost O(steps²) on large campaigns).
    private func scope() -> ExpressionScope { expressionScope }

    /// Marks a step finished in memory and readies the dependents whose needs are now all done.
    private func settle(_ index: Int) {
        for d in workflow.graph.dependents[index] {
            unmet[d] -= 1
            if states[index].status == .skipped { skippedNeed[d] = true }
            if unmet[d] == 0, states[d].status == .pending { ready.append(d) }
        }
    }

    // MARK: - Transitions

    private func skipReason(_ index: Int) async throws -> String? {
        let step = definition.steps[index]
        if skippedNeed[index] {
            let skipped = workflow.graph.needs[index].filter { states[$0].status == .skipped }.map { definition.steps[$0].id }
            return "skipped because \(skipped.joined(separator: ", ")) \(skipped.count == 1 ? "was" : "were") skipped"
        }
        if let condition = step.condition, !condition.expression.evaluate(in: scope()).isTruthy {
            return "skipped: condition '\(condition.source)' is false"
        }
        return nil
    }

    private func skip(_ index: Int, reason: String) async throws {
        let stepID = definition.steps[index].id
        let now = engine.clock.now()
        try await pool.write { [run] db in
            try db.execute(sql: """
                UPDATE workflow_step SET status = 'skipped', finished_at = ?, error = NULL WHERE run_id = ? AND step_id = ?
                """, arguments: [now, run.id, stepID])
            try RunQueries.appendEvent(db, run: run.id, step: stepID, attempt: nil, at: now, kind: "skipped",
                                       message: reason)
        }
        states[index].status = .skipped
        engine.observer(.skipped(step: stepID, reason: reason))
        settle(index)
    }

    /// Records the start of an attempt and returns the work to run concurrently.
    private func begin(_ index: Int) async throws -> StepAttempt {
        let step = definition.steps[index]
        let number = states[index].attempt + 1
        let now = engine.clock.now()
        try await pool.write { [run] db in
            try db.cachedStatement(sql: """
                UPDATE workflow_step SET status = 'running', attempt = ?, started_at = ?, due_at = NULL,
                    awaits_signal = 0, prompt = NULL
                WHERE run_id = ? AND step_id = ?
                """).execute(arguments: [number, now, run.id, step.id])
            try RunQueries.appendEvent(db, run: run.id, step: step.id, attempt: number, at: now, kind: "started",
                                       message: nil)
        }
        states[index].status = .running
        states[index].attempt = number
        engine.observer(.started(step: step.id, attempt: number))
        return StepAttempt(index: index, step: step, number: number, binding: bind(step),
                           action: engine.registry.action(step.uses)!, context: context(for: step, attempt: number),
                           pool: pool, runID: run.id, clock: engine.clock)
    }

    private func bind(_ step: StepDefinition) -> Result<Value, StepFailure> {
        let descriptor = engine.registry.action(step.uses)!.descriptor
        do {
            return .success(try ParameterBinding.bind(step: step, descriptor: descriptor, scope: scope(),
                                                      timeZone: definition.timeZone))
        } catch {
            return .failure(error)
        }
    }

    private func context(for step: StepDefinition, attempt: Int) -> StepContext {
        var logger = engine.logger
        logger[metadataKey: "campaign"] = .string(run.campaign)
        logger[metadataKey: "step"] = .string(step.id)
        let observer = engine.observer
        return StepContext(campaign: run.campaign, runID: run.id, stepID: step.id, attempt: attempt, vars: expressionScope.vars,
                           directory: definition.directory, timeZone: definition.timeZone, clock: engine.clock,
                           logger: logger,
                           progress: ProgressReporter(stepID: step.id, sink: { observer(.progress($0)) }),
                           note: { [stepID = step.id] in observer(.note(step: stepID, message: $0)) },
                           reader: pool)
    }

    private func apply(_ result: AttemptResult) {
        let i = result.index
        let stepID = definition.steps[i].id
        states[i].status = result.transition.status
        states[i].dueAt = result.transition.dueAt
        if result.transition.dueAt != nil { timed.insert(i) } else { timed.remove(i) }
        states[i].awaitsSignal = result.transition.wait?.signal ?? false
        switch result.transition.status {
        case .succeeded:
            states[i].outputs = result.transition.outputs
            if !result.transition.outputs.isEmpty { expressionScope.stepOutputs[stepID] = result.transition.outputs }
            engine.observer(.completed(step: stepID, elapsed: result.elapsed, outputs: result.transition.outputs))
            settle(i)
        case .retrying, .failed:
            engine.observer(.failed(step: stepID, message: result.transition.message ?? "failed",
                                    retryAt: result.transition.status == .retrying ? result.transition.dueAt : nil))
        case .waiting:
            if let wait = result.transition.wait { engine.observer(.waiting(step: stepID, wait)) }
        default:
            break
        }
    }

    // MARK: - Waking waiting steps

    /// Hands signals sent with `campaign signal` to their waiting steps; true when there were any.
    @discardableResult
    private func deliverSignals() async throws -> Bool {
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
            guard let index = workflow.graph.index[stepID], states[index].status == .waiting,
                  states[index].awaitsSignal else {
                try await pool.write { [run, engine] db in
                    try db.execute(sql: "UPDATE workflow_signal SET consumed_at = ? WHERE id = ?",
                                   arguments: [engine.clock.now(), signalID])
                    try RunQueries.appendEvent(db, run: run.id, step: stepID, attempt: nil, at: engine.clock.now(),
                                               kind: "signal-ignored", message: "the step was no longer waiting")
                }
                continue
            }
            let who = signal.by.map { " by \($0)" } ?? ""
            try await wake(index, .signal(signal), reason: "signalled\(who)", consumingSignal: signalID)
        }
        return !pending.isEmpty
    }

    private func fireDueTimers() async throws {
        let now = engine.clock.now()
        for i in timed.sorted() {
            guard let due = states[i].dueAt, due <= now else { continue }
            switch states[i].status {
            case .waiting:
                try await wake(i, .timer(at: due), reason: "time reached (\(TimeFormats.display(due, timeZone: definition.timeZone)))",
                               consumingSignal: nil)
            case .retrying:
                states[i].status = .pending
                states[i].dueAt = nil
                timed.remove(i)
                ready.append(i)
            default:
                break
            }
        }
    }

    private func wake(_ index: Int, _ wake: Wake, reason: String, consumingSignal signalID: Int64?) async throws {
        let step = definition.steps[index]
        let attempt = states[index].attempt
        let action = engine.registry.action(step.uses)!
        let binding = bind(step)
        let context = context(for: step, attempt: attempt)
        let now = engine.clock.now()
        engine.observer(.woke(step: step.id, reason: reason))
        let transition = try await pool.write { [run] db -> Transition in
            if let signalID {
                try db.execute(sql: "UPDATE workflow_signal SET consumed_at = ? WHERE id = ?", arguments: [now, signalID])
            }
            try RunQueries.appendEvent(db, run: run.id, step: step.id, attempt: attempt, at: now, kind: "woke",
                                       message: reason)
            let outcome: StepOutcome
            do {
                let input = try action.box.decode(binding.get())
                outcome = try db.undoableOutcome { try action.box.wake(wake, input: input, context: context, db: db) }
            } catch {
                outcome = StepAttempt.failure(from: error)
            }
            return try Transition.record(outcome, step: step, attempt: attempt, runID: run.id, now: now, db: db)
        }
        apply(AttemptResult(index: index, transition: transition, elapsed: .zero))
    }

    // MARK: - End of a drive

    private func finish() async throws -> RunSummary {
        let statuses = states.map(\.status)
        let status: RunStatus
        if statuses.contains(.failed) {
            status = .failed
        } else if statuses.contains(where: { $0 == .waiting || $0 == .retrying }) {
            status = .waiting
        } else if statuses.allSatisfy(\.isFinished) {
            status = .completed
        } else {
            status = .waiting
        }
        let now = engine.clock.now()
        let previous = run.status
        let (run, steps) = try await pool.write { [run] db in
            try db.execute(sql: """
                UPDATE workflow_run SET status = ?, updated_at = ?, owner_pid = NULL, owner_host = NULL,
                    finished_at = CASE WHEN ? = 'completed' THEN ? ELSE NULL END
                WHERE id = ?
                """, arguments: [status.rawValue, now, status.rawValue, now, run.id])
            if status != previous || status == .completed {
                try RunQueries.appendEvent(db, run: run.id, step: nil, attempt: nil, at: now, kind: "run-\(status.rawValue)",
                                           message: nil)
            }
            return (try RunQueries.requireRun(run.campaign, in: db), try RunQueries.steps(runID: run.id, in: db))
        }
        self.run = run
        return RunSummary(run: run, steps: steps, definition: definition)
    }

    /// Gives up ownership if the drive ended by an error (a normal end releases it in `finish`).
    static func release(run: RunRecord, pool: DatabasePool) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE workflow_run SET owner_pid = NULL, owner_host = NULL WHERE id = ? AND owner_pid = ?",
                           arguments: [run.id, ProcessInfo.processInfo.processIdentifier])
        }
    }
}
