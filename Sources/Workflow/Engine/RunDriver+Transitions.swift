import Foundation
import GRDB

/// Deciding, starting and ending nodes.
extension RunDriver {
    /// Decides a ready node: returns the attempt to run, or nil when it was skipped, blocked,
    /// cancelled or fanned out instead.
    func prepareToRun(_ node: Int) async throws -> StepAttempt? {
        let step = definition.steps[nodes[node].step]
        let needs = needsOf(node)
        // A condition that reads the item is decided by each instance; the step itself only applies
        // the implied success() (or, with a status function, leaves everything to its instances).
        var condition = step.condition
        if !nodes[node].isInstance, step.fanOut != nil, let itemCondition = condition, itemCondition.readsItem {
            if itemCondition.usesStatusFunction { return try await fanOut(node) }
            condition = nil
        }
        switch StepDecision.decide(condition: condition, needs: needs, runCancelled: cancelled,
                                    scope: scope(for: node)) {
        case .run:
            if !nodes[node].isInstance, step.fanOut != nil { return try await fanOut(node) }
            return try await begin(node)
        case .skip(let reason):
            try await end(node, as: .skipped, kind: "skipped", reason: reason)
        case .block(let reason):
            try await end(node, as: .blocked, kind: "blocked", reason: reason)
        case .cancel(let reason):
            try await end(node, as: .cancelled, kind: "cancelled", reason: reason)
        }
        return nil
    }

    /// How the node's step's needs ended.
    func needsOf(_ node: Int) -> [StepDecision.Need] {
        workflow.graph.needs[nodes[node].step].map { StepDecision.Need(definition.steps[$0].id, nodes[$0].status) }
    }

    /// What the node's expressions see: the run's values, its item, and how its needs ended.
    func scope(for node: Int) -> ExpressionScope {
        var scope = expressionScope
        scope.item = nodes[node].item
        scope.needs = StepDecision.needsStatus(needsOf(node), runCancelled: cancelled)
        return scope
    }

    /// Ends a node without running it.
    func end(_ node: Int, as status: StepStatus, kind: String, reason: Message) async throws {
        let recordID = nodes[node].recordID
        let now = engine.clock.now()
        try await pool.write { [run] db in
            try db.execute(sql: """
                UPDATE workflow_step SET status = ?, finished_at = ?, error = NULL, due_at = NULL, awaits_signal = 0
                WHERE run_id = ? AND step_id = ?
                """, arguments: [status.rawValue, StoredTime.text(now), run.id, recordID])
            try RunQueries.appendEvent(db, run: run.id, step: recordID, attempt: nil, at: now, kind: kind, said: reason)
        }
        nodes[node].status = status
        timed.remove(node)
        engine.observer(.skipped(step: recordID, reason: reason.inProcessLanguage))
        try await ended(node)
    }

    /// Records the start of an attempt and returns the work to run concurrently.
    func begin(_ node: Int) async throws -> StepAttempt {
        let step = definition.steps[nodes[node].step]
        let recordID = nodes[node].recordID
        let number = nodes[node].attempt + 1
        let now = engine.clock.now()
        try await pool.write { [run] db in
            try db.cachedStatement(sql: """
                UPDATE workflow_step SET status = 'running', attempt = ?, started_at = ?, due_at = NULL,
                    awaits_signal = 0, prompt = NULL, prompt_form = NULL
                WHERE run_id = ? AND step_id = ?
                """).execute(arguments: [number, StoredTime.text(now), run.id, recordID])
            try RunQueries.appendEvent(db, run: run.id, step: recordID, attempt: number, at: now, kind: "started",
                                       message: nil)
        }
        nodes[node].status = .running
        nodes[node].attempt = number
        engine.observer(.started(step: recordID, attempt: number))
        return StepAttempt(index: node, step: step, recordID: recordID, number: number, binding: bind(node),
                           action: workflow.registry.action(step.uses)!, context: context(for: node, attempt: number),
                           pool: pool, runID: run.id, clock: engine.clock)
    }

    func bind(_ node: Int) -> Result<Value, StepFailure> {
        let step = definition.steps[nodes[node].step]
        let descriptor = workflow.registry.action(step.uses)!.descriptor
        do {
            return .success(try ParameterBinding.bind(step: step, descriptor: descriptor, scope: scope(for: node),
                                                      timeZone: definition.timeZone))
        } catch {
            return .failure(error)
        }
    }

    func context(for node: Int, attempt: Int) -> StepContext {
        let recordID = nodes[node].recordID
        var logger = engine.logger
        logger[metadataKey: "campaign"] = .string(run.campaign)
        logger[metadataKey: "step"] = .string(recordID)
        let observer = engine.observer
        return StepContext(campaign: run.campaign, runID: run.id, stepID: recordID, itemNumber: nodes[node].itemNumber,
                           attempt: attempt, vars: expressionScope.vars, directory: directory,
                           outputDirectory: reportsDirectory,
                           timeZone: definition.timeZone, clock: engine.clock, logger: logger,
                           progress: ProgressReporter(stepID: recordID, sink: { observer(.progress($0)) }),
                           note: { observer(.note(step: recordID, message: $0)) },
                           reader: pool)
    }

    /// Takes in what an attempt (or a wake) committed.
    func apply(_ result: AttemptResult) async throws {
        let i = result.index
        // Cancelled while it ran: the cancel already ended it (and its effects were not applied).
        guard nodes[i].status != .cancelled else { return }
        let recordID = nodes[i].recordID
        nodes[i].status = result.transition.status
        nodes[i].dueAt = result.transition.dueAt
        if result.transition.dueAt != nil { timed.insert(i) } else { timed.remove(i) }
        nodes[i].awaitsSignal = result.transition.wait?.signal ?? false
        switch result.transition.status {
        case .succeeded:
            nodes[i].outputs = result.transition.outputs
            if !nodes[i].isInstance, !result.transition.outputs.isEmpty {
                expressionScope.stepOutputs[recordID] = result.transition.outputs
            }
            engine.observer(.completed(step: recordID, elapsed: result.elapsed, outputs: result.transition.outputs))
            try await ended(i)
        case .retrying, .failed:
            engine.observer(.failed(step: recordID, message: result.transition.message ?? "failed",
                                    retryAt: result.transition.status == .retrying ? result.transition.dueAt : nil))
            if result.transition.status == .failed { try await ended(i) }
        case .waiting:
            if let wait = result.transition.wait { engine.observer(.waiting(step: recordID, wait)) }
        case .cancelled:
            try await ended(i)
        default:
            break
        }
    }
}
