import Foundation
import GRDB
import Logging

/// Drives one run: the single owner of its in-memory state while it runs.
///
/// Each transition (start, commit, wake, skip, fan-out) is one SQLite transaction that also appends
/// to the event log; a step's domain writes share the commit's transaction. The in-memory mirror
/// only ever follows what was committed, so a crash at any instant leaves a state `resume` can
/// continue from.
///
/// The units it drives are *nodes*: one per step of the definition, then one per instance of each
/// `for_each` step that has fanned out. A fan-out step's own node ends when all its instances have.
final class RunDriver {
    let engine: Engine
    let workflow: ValidatedWorkflow
    /// The definition's folder and where its reports go, made into URLs once rather than at every attempt.
    let directory: URL, reportsDirectory: URL
    var run: RunRecord
    var nodes: [Node]
    /// Node index by its stored step id (`board`, `board[3]`).
    var nodeByRecord: [String: Int]
    /// For each step: how many of its needs have not ended yet.
    var unmet: [Int]
    /// For each `for_each` step that has fanned out: its instances and how far they are.
    var fanOuts: [Int: FanOutProgress] = [:]
    var ready: [Int] = []
    var readyHead = 0
    var expressionScope: ExpressionScope
    /// Attempts a crash interrupted, run again by this drive; reported when it begins.
    let interrupted: [String]
    /// Nodes waiting for a time or a retry: the only ones the timer check looks at.
    var timed = Set<Int>()
    /// `campaign cancel` asked the run to stop (seen in the workspace, from any process).
    var cancelled: Bool
    /// Fan-out steps whose instances had all ended when this drive began (a crash came in between).
    var unfinishedFanOuts: [Int] = []
    var lastCancelCheck = ContinuousClock.now

    struct Node {
        let step: Int
        let recordID: String
        /// For one instance of a fan-out: its item and number (from 1).
        let item: Value?
        let itemNumber: Int?
        var status: StepStatus
        var attempt: Int
        var dueAt: Date?
        var awaitsSignal: Bool
        var outputs: [String: Value]

        var isInstance: Bool { itemNumber != nil }
    }

    struct FanOutProgress {
        var instances: [Int]
        /// Position in `instances` from which pending instances are still to be started.
        var nextToLaunch = 0
        /// Instances started (or waiting) and not yet ended.
        var inProgress = 0
        var ended = 0
        let maxParallel: Int
    }

    var definition: WorkflowDefinition { workflow.definition }
    var pool: DatabasePool { engine.workspace.pool }

    /// This process's hold on the run (see `ActiveRuns`), given up when the drive ends.
    let processSlot: String

    init(engine: Engine, campaign: String, workflow known: ValidatedWorkflow? = nil) async throws {
        self.engine = engine
        let slot = engine.workspace.path + "\u{0}" + campaign
        processSlot = slot
        guard ActiveRuns.shared.enter(slot) else {
            throw RunBusy(error: WorkflowError.unavailable(Message(EngineMessages.busyHere, ["campaign": campaign]),
                                                           hint: Message(EngineMessages.waitAMoment)))
        }
        do {
            let (run, records, interrupted) = try await Self.takeOwnership(of: campaign, engine: engine)
            self.run = run
            self.interrupted = interrupted
            self.cancelled = run.cancelAppliedAt != nil
            self.workflow = try known ?? engine.loadDefinition(run)
            directory = workflow.definition.directory
            reportsDirectory = workflow.definition.reportsDirectory
            let steps = workflow.definition.steps
            (nodes, fanOuts) = try Self.nodes(of: steps, from: records, campaign: campaign)
            nodeByRecord = Dictionary(nodes.enumerated().map { ($1.recordID, $0) }, uniquingKeysWith: { first, _ in first })
            var outputs: [String: [String: Value]] = [:]
            for node in nodes.prefix(steps.count) where node.status == .succeeded && !node.outputs.isEmpty {
                outputs[steps[node.step].id] = node.outputs
            }
            expressionScope = ExpressionScope(vars: run.vars, stepOutputs: outputs)
            expressionScope.inputs = workflow.definition.inputValues
            let graph = workflow.graph
            unmet = graph.needs.map { _ in 0 }
            for i in steps.indices {
                unmet[i] = graph.needs[i].filter { !nodes[$0].status.hasEnded }.count
            }
            for i in workflow.order where nodes[i].status == .pending && unmet[i] == 0 { ready.append(i) }
            for step in fanOuts.keys.sorted() {
                launchInstances(of: step)
                if let progress = self.fanOuts[step], progress.ended == progress.instances.count {
                    unfinishedFanOuts.append(step)
                }
            }
            for i in nodes.indices where nodes[i].dueAt != nil && [.waiting, .retrying].contains(nodes[i].status) {
                timed.insert(i)
            }
        } catch {
            ActiveRuns.shared.leave(slot)
            throw error
        }
    }

    /// Takes ownership of the run, so two processes never drive it at once, and puts back to pending
    /// the attempts a crash interrupted: the run, its steps' stored state, and those steps.
    private static func takeOwnership(of campaign: String, engine: Engine) async throws
        -> (RunRecord, [StepRecord], [String]) {
        let pid = ProcessInfo.processInfo.processIdentifier
        let host = ProcessInfo.processInfo.hostName
        let now = engine.clock.now()
        return try await engine.workspace.pool.write { db in
            var run = try RunQueries.requireRun(db, campaign)
            if let owner = run.ownerPid, owner != pid, run.ownerHost == host, Self.processIsAlive(owner) {
                throw RunBusy(error: WorkflowError.unavailable(
                    Message(EngineMessages.busyElsewhere, ["campaign": campaign, "pid": String(owner)]),
                    hint: Message(EngineMessages.waitOrStop)))
            }
            try db.execute(sql: "UPDATE workflow_run SET owner_pid = ?, owner_host = ?, updated_at = ? WHERE id = ?",
                           arguments: [pid, host, now, run.id])
            run.ownerPid = pid
            // Attempts a crash interrupted between their start and their commit wrote nothing durable
            // (their effects commit with their end): run them again, without charging the retry budget.
            // A fan-out step that is 'running' is waiting for its instances, not interrupted.
            let interrupted = try String.fetchAll(db, sql: """
                SELECT step_id FROM workflow_step WHERE run_id = ? AND status = 'running' AND fan_out IS NULL
                """, arguments: [run.id])
            for step in interrupted {
                try db.execute(sql: """
                    UPDATE workflow_step SET status = 'pending', attempt = max(attempt - 1, 0) WHERE run_id = ? AND step_id = ?
                    """, arguments: [run.id, step])
                try RunQueries.appendEvent(db, run: run.id, step: step, attempt: nil, at: now, kind: "interrupted",
                                           said: RunEventMessages.interrupted())
            }
            return (run, try RunQueries.steps(db, runID: run.id), interrupted)
        }
    }

    /// The nodes as stored: one per step of the definition, then the instances of each fan-out step
    /// still running, with how far each fan-out is.
    private static func nodes(of steps: [StepDefinition], from records: [StepRecord],
                              campaign: String) throws -> ([Node], [Int: FanOutProgress]) {
        var byID: [String: StepRecord] = [:]
        var instancesOf: [String: [StepRecord]] = [:]
        for record in records {
            if let parent = record.parentStep {
                instancesOf[parent, default: []].append(record)
            } else if byID[record.stepId] == nil {
                byID[record.stepId] = record
            }
        }
        var nodes = try steps.enumerated().map { index, step in
            guard let record = byID[step.id] else {
                throw WorkflowError.internal("step '\(step.id)' of campaign '\(campaign)' has no stored state")
            }
            return Node(step: index, recordID: step.id, item: nil, itemNumber: nil, status: record.status,
                        attempt: record.attempt, dueAt: record.dueAt, awaitsSignal: record.awaitsSignal,
                        outputs: record.outputs)
        }
        var fanOuts: [Int: FanOutProgress] = [:]
        for (index, step) in steps.enumerated() {
            guard let fanOut = step.fanOut, byID[step.id]?.fanOut != nil, nodes[index].status == .running else { continue }
            var progress = FanOutProgress(instances: [], maxParallel: fanOut.maxParallel ?? Int.max)
            for record in (instancesOf[step.id] ?? []).sorted(by: { ($0.itemNumber ?? 0) < ($1.itemNumber ?? 0) }) {
                progress.instances.append(nodes.count)
                nodes.append(Node(step: index, recordID: record.stepId, item: record.item, itemNumber: record.itemNumber,
                                  status: record.status, attempt: record.attempt, dueAt: record.dueAt,
                                  awaitsSignal: record.awaitsSignal, outputs: record.outputs))
                if record.status.hasEnded {
                    progress.ended += 1
                } else if record.status != .pending {
                    progress.inProgress += 1
                }
            }
            fanOuts[index] = progress
        }
        return (nodes, fanOuts)
    }

    /// Gives up this process's hold on the run (idempotent).
    func leaveProcess() { ActiveRuns.shared.leave(processSlot) }

    static func processIsAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    // MARK: - The loop

    func drive() async throws -> RunSummary {
        defer { leaveProcess() }
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
            // A cancel recorded while another process drove the run, and not yet applied.
            if !cancelled, run.cancelRequestedAt != nil { try await stopEverything() }
            try await deliverSignals()
            for step in unfinishedFanOuts { try await finishFanOut(step) }
            while true {
                if try await noticeCancel() { group.cancelAll() }
                try await fireDueTimers()
                while running < engine.options.maxConcurrency, let next = popReady() {
                    guard let attempt = try await prepareToRun(next) else { continue }
                    group.addTask { await attempt.run() }
                    running += 1
                }
                if running > 0 {
                    guard let result = try await group.next() else { break }
                    running -= 1
                    try await apply(result)
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
        timed.compactMap { nodes[$0].dueAt }.min()
    }

    /// Marks a step ended in memory and readies the dependents whose needs have now all ended.
    func settle(_ step: Int) {
        for d in workflow.graph.dependents[step] {
            unmet[d] -= 1
            if unmet[d] == 0, nodes[d].status == .pending { ready.append(d) }
        }
    }

    /// A node has ended: its dependents (for a step) or its fan-out (for an instance) move on.
    func ended(_ node: Int) async throws {
        guard nodes[node].isInstance else {
            settle(node)
            return
        }
        let step = nodes[node].step
        guard var progress = fanOuts[step] else { return }
        progress.inProgress -= 1
        progress.ended += 1
        fanOuts[step] = progress
        launchInstances(of: step)
        if progress.ended == progress.instances.count { try await finishFanOut(step) }
    }

    // MARK: - End of a drive

    private func finish() async throws -> RunSummary {
        let statuses = nodes.prefix(definition.steps.count).map(\.status)
        let status: RunStatus
        if statuses.contains(.failed) {
            status = .failed
        } else if statuses.allSatisfy(\.hasEnded) {
            status = cancelled ? .cancelled : .completed
        } else {
            status = .waiting
        }
        let now = engine.clock.now()
        let previous = run.status
        let (run, steps) = try await pool.write { [run] db in
            try db.execute(sql: """
                UPDATE workflow_run SET status = ?, updated_at = ?, owner_pid = NULL, owner_host = NULL,
                    finished_at = CASE WHEN ? IN ('completed', 'cancelled') THEN ? ELSE NULL END
                WHERE id = ?
                """, arguments: [status.rawValue, now, status.rawValue, now, run.id])
            if status != previous || status == .completed {
                try RunQueries.appendEvent(db, run: run.id, step: nil, attempt: nil, at: now, kind: "run-\(status.rawValue)",
                                           message: nil)
            }
            return (try RunQueries.requireRun(db, run.campaign), try RunQueries.steps(db, runID: run.id))
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
