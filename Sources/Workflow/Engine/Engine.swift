import Foundation
import GRDB
import Logging

/// What happens while a run is driven, for progress output. Sent from the driving task in order.
public enum RunEvent: Sendable {
    case started(step: String, attempt: Int)
    case completed(step: String, elapsed: Duration, outputs: [String: Value])
    case failed(step: String, message: String, retryAt: Date?)
    case waiting(step: String, Wait)
    case woke(step: String, reason: String)
    /// Skipped, blocked by a failure upstream, or cancelled: it ended without running.
    case skipped(step: String, reason: String)
    /// A `for_each` step made one instance per item.
    case fannedOut(step: String, instances: Int)
    case interrupted(step: String)
    case progress(ProgressUpdate)
    /// Something a step wants the organizer to see, e.g. why an import refused rows.
    case note(step: String, message: String)
}

public struct EngineOptions: Sendable {
    /// How many ready steps may prepare at once (commits are serialized by SQLite).
    public var maxConcurrency: Int
    /// Timers due within this span are awaited in-process; later ones end the drive, to be fired by `resume`.
    public var waitHorizon: Duration

    public init(maxConcurrency: Int = 4, waitHorizon: Duration = .seconds(30)) {
        self.maxConcurrency = max(1, maxConcurrency)
        self.waitHorizon = waitHorizon
    }
}

/// A run's state after a drive: what finished, what waits and for what.
public struct RunSummary: Sendable {
    public var run: RunRecord
    public var steps: [StepRecord]
    public var definition: WorkflowDefinition

    public var waiting: [StepRecord] { steps.filter { $0.status == .waiting || $0.status == .retrying } }
    public var failed: [StepRecord] { steps.filter { $0.status == .failed } }
}

/// Starts, resumes, signals and retries campaign runs in a workspace.
public struct Engine: Sendable {
    public let registry: PluginRegistry
    public let workspace: Workspace
    public let clock: any WorkflowClock
    public let options: EngineOptions
    public let logger: Logger
    public let observer: @Sendable (RunEvent) -> Void

    public init(registry: PluginRegistry, workspace: Workspace, clock: any WorkflowClock = SystemClock(),
                options: EngineOptions = EngineOptions(), logger: Logger = Logger(label: "campaign"),
                observer: @escaping @Sendable (RunEvent) -> Void = { _ in }) {
        self.registry = registry
        self.workspace = workspace
        self.clock = clock
        self.options = options
        self.logger = logger
        self.observer = observer
    }

    var validator: Validator { Validator(registry: registry) }

    /// Creates the run of a validated campaign and drives it as far as it can go.
    /// Refuses when the campaign already has a run: starting twice must not duplicate its effects.
    /// `name`: the run's campaign name when it is not the definition's (a scheduled run's, e.g.
    /// `reminders-20260302-0900`).
    public func start(_ workflow: ValidatedWorkflow, vars overrides: [String: Value] = [:],
                      name: String? = nil) async throws -> RunSummary {
        let definition = workflow.definition
        let campaign = name ?? definition.name
        let vars = try definition.variableValues(overriding: overrides)
        let now = clock.now()
        let absolutePath = URL(fileURLWithPath: definition.file.path).standardizedFileURL.path
        let varsJSON = try vars.jsonText()
        let inputsJSON = definition.madeFromTemplate ? try definition.inputValues.jsonText() : nil
        try await workspace.pool.write { db in
            if let existing = try RunQueries.run(db, named: campaign) {
                throw WorkflowError.usage(
                    Message(EngineMessages.alreadyStarted, [
                        "campaign": campaign, "time": TimeFormats.display(existing.createdAt, timeZone: definition.timeZone)])
                        + Message(StatusWords.word(existing.status)) + Message(EngineMessages.alreadyStartedEnd),
                    hint: Message(EngineMessages.startedHint, ["campaign": campaign]))
            }
            try db.execute(sql: """
                INSERT INTO workflow_run (campaign, title, kind, definition_path, definition_text, vars_json, status,
                                          created_at, updated_at, time_zone_identifier, held_on, inputs_json, instance_folder)
                VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)
                """, arguments: [campaign, definition.title, definition.kind.rawValue, absolutePath,
                                 definition.file.text, varsJSON, now, now, definition.timeZone.identifier,
                                 definition.heldOn, inputsJSON, definition.instanceFolder?.path])
            let runID = db.lastInsertedRowID
            let insert = try db.makeStatement(sql: """
                INSERT INTO workflow_step (run_id, step_id, position, uses, status) VALUES (?, ?, ?, ?, 'pending')
                """)
            for (position, step) in definition.steps.enumerated() {
                try insert.execute(arguments: [runID, step.id, position, step.uses])
            }
            try RunQueries.appendEvent(db, run: runID, step: nil, attempt: nil, at: now, kind: "run-started",
                                       said: RunEventMessages.startedFrom(["file": definition.file.path]))
        }
        // The run was made from this very workflow: the driver need not read its definition back.
        return try await drive(campaign: campaign, workflow: workflow)
    }

    /// Continues a run: fires timers that came due while nothing ran, re-runs attempts a crash
    /// interrupted, and goes on as far as it can.
    /// `patience`: how long to wait when another process is driving it (the daemon gives none).
    public func resume(campaign: String, patience: Duration = .seconds(10)) async throws -> RunSummary {
        try await drive(campaign: campaign, patience: patience)
    }

    /// Ends a human step's wait ("the gate is closed") and continues the run. For a `for_each`
    /// step, `item` names the instance: its number (from 1) or its item's text.
    public func signal(campaign: String, step stepID: String, item: String? = nil, by: String?,
                       note: String?) async throws -> RunSummary {
        let now = clock.now()
        try await workspace.pool.write { db in
            let run = try RunQueries.requireRun(db, campaign)
            let steps = try RunQueries.steps(db, runID: run.id)
            let target = try StepTarget.find(stepID, item: item, campaign: campaign, in: steps)
            guard target.status == .waiting, target.awaitsSignal else {
                let waiting = steps.filter { $0.status == .waiting && $0.awaitsSignal }.map(\.stepId)
                if target.fanOut != nil, item == nil {
                    throw WorkflowError.usage(Message(EngineMessages.runsPerItem, ["step": stepID]),
                                              hint: waiting.isEmpty ? Message(EngineMessages.statusLists, ["campaign": campaign])
                                                : Message(EngineMessages.instancesWaiting, ["list": StepTarget.list(waiting, campaign)]))
                }
                throw WorkflowError.usage(Message(EngineMessages.notWaiting, ["step": target.stepId])
                                            + Message(StatusWords.word(target.status)) + Message(EngineMessages.closingBracket),
                                          hint: waiting.isEmpty ? Message(EngineMessages.statusShows, ["campaign": campaign])
                                            : Message(EngineMessages.stepsWaiting, ["list": StepTarget.list(waiting, campaign)]))
            }
            try db.execute(sql: "INSERT INTO workflow_signal (run_id, step_id, sent_by, note, sent_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [run.id, target.stepId, by, note, now])
        }
        return try await drive(campaign: campaign)
    }

    /// Signals every waiting instance of a `for_each` step whose item is (or holds) `item` — every
    /// departure of a morning — each recorded as its own signal, then continues.
    public func signalEvery(campaign: String, step stepID: String, matching item: String, by: String?,
                            note: String?) async throws -> RunSummary {
        let now = clock.now()
        try await workspace.pool.write { db in
            let run = try RunQueries.requireRun(db, campaign)
            let steps = try RunQueries.steps(db, runID: run.id)
            for target in try StepTarget.waitingInstances(stepID, matching: item, campaign: campaign, in: steps) {
                try db.execute(sql: "INSERT INTO workflow_signal (run_id, step_id, sent_by, note, sent_at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [run.id, target.stepId, by, note, now])
            }
        }
        return try await drive(campaign: campaign)
    }

    /// Runs a failed step again (with a fresh retry budget) — for a `for_each` step, its failed
    /// instances — and decides again every step downstream that did not run because of it.
    public func retry(campaign: String, step stepID: String) async throws -> RunSummary {
        let now = clock.now()
        try await workspace.pool.write { db in
            let run = try RunQueries.requireRun(db, campaign)
            let steps = try RunQueries.steps(db, runID: run.id)
            let target = try StepTarget.find(stepID, item: nil, campaign: campaign, in: steps)
            guard target.status == .failed else {
                let failed = steps.filter { $0.status == .failed && !$0.isInstance }.map(\.stepId)
                throw WorkflowError.usage(Message(EngineMessages.notFailed, ["step": stepID])
                                            + Message(StatusWords.word(target.status)) + Message(EngineMessages.onlyFailedRetried),
                                          hint: failed.isEmpty ? nil
                                            : Message(EngineMessages.failedSteps, ["list": failed.joined(separator: ", ")]))
            }
            let reset = try db.makeStatement(sql: """
                UPDATE workflow_step SET status = 'pending', attempt = 0, error = NULL, due_at = NULL, finished_at = NULL
                WHERE run_id = ? AND step_id = ?
                """)
            // A fan-out runs its failed instances again (or the one named, `board[2]`) and waits for them once more.
            let fanOutStep = target.parentStep ?? (target.fanOut != nil ? target.stepId : nil)
            let again = target.fanOut != nil
                ? steps.filter { $0.parentStep == target.stepId && $0.status == .failed }.map(\.stepId) : [target.stepId]
            for id in again { try reset.execute(arguments: [run.id, id]) }
            if let fanOutStep {
                try db.execute(sql: """
                    UPDATE workflow_step SET status = 'running', error = NULL, finished_at = NULL WHERE run_id = ? AND step_id = ?
                    """, arguments: [run.id, fanOutStep])
            }
            for downstream in try downstreamNotRun(of: fanOutStep ?? target.stepId, run: run, steps: steps) {
                try reset.execute(arguments: [run.id, downstream])
            }
            try RunQueries.appendEvent(db, run: run.id, step: stepID, attempt: nil, at: now, kind: "retry-requested",
                                       said: RunEventMessages.retryRequested(["error": target.error ?? "failure"]))
        }
        return try await drive(campaign: campaign)
    }

    /// The steps downstream of `stepID` that ended without running (blocked or skipped): after a
    /// retry they are decided again, so a step that only waited for the failure to be fixed runs.
    private func downstreamNotRun(of stepID: String, run: RunRecord, steps: [StepRecord]) throws -> [String] {
        let graph = try loadDefinition(run).graph
        guard let start = graph.index[stepID] else { return [] }
        let byID = Dictionary(steps.filter { !$0.isInstance }.map { ($0.stepId, $0) }, uniquingKeysWith: { a, _ in a })
        var found: [String] = []
        var seen = Set<Int>()
        var pending = graph.dependents[start]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted else { continue }
            let id = graph.ids[next]
            if let status = byID[id]?.status, status == .blocked || status == .skipped {
                found.append(id)
            }
            pending.append(contentsOf: graph.dependents[next])
        }
        return found
    }

    /// Stops a run: steps in progress are cancelled (a running attempt's effects are not applied),
    /// steps not yet started do not start — except those whose `if:` says `always()` or
    /// `cancelled()`, which run as their needs end. When another process drives the run, the
    /// request is recorded and that process stops it.
    public func cancel(campaign: String, by: String?, reason: String?) async throws -> RunSummary {
        let run = try await workspace.pool.read { db in try RunQueries.requireRun(db, campaign) }
        if run.cancelRequestedAt != nil || run.status == .cancelled {
            throw WorkflowError.usage(Message(EngineMessages.alreadyCancelled, ["campaign": campaign])
                                        + (run.cancelRequestedAt.map {
                                            Message(EngineMessages.cancelledOn, ["time": TimeFormats.display($0, timeZone: run.timeZone)])
                                        } ?? Message.verbatim("")),
                                      hint: Message(EngineMessages.whereItStands, ["campaign": campaign]))
        }
        if run.status == .completed {
            throw WorkflowError.usage(Message(EngineMessages.alreadyCompleted, ["campaign": campaign]),
                                      hint: Message(EngineMessages.historyShows, ["campaign": campaign]))
        }
        let request = CancelRequest(by: by, reason: reason)
        let driver: RunDriver
        do {
            driver = try await self.driver(campaign: campaign, patience: .seconds(2))
        } catch let error as WorkflowError where error.code == .unavailable {
            // Another process drives it: record the request, which that process notices within a second.
            let now = clock.now()
            try await workspace.pool.write { db in
                try db.execute(sql: "UPDATE workflow_run SET cancel_requested_at = ?, cancelled_by = ? WHERE id = ?",
                               arguments: [now, by, run.id])
                try RunQueries.appendEvent(db, run: run.id, step: nil, attempt: nil, at: now, kind: "cancel-requested",
                                           message: request.description)
            }
            return try await summary(campaign: campaign)
        }
        do {
            try await driver.stopEverything(requestedBy: request)
        } catch {
            try? await RunDriver.release(run: driver.run, pool: workspace.pool)
            driver.leaveProcess()
            throw error
        }
        return try await driver.drive()
    }

    /// The stored state of a run, without driving it.
    public func summary(campaign: String) async throws -> RunSummary {
        let (run, steps) = try await workspace.pool.read { db in
            let run = try RunQueries.requireRun(db, campaign)
            return (run, try RunQueries.steps(db, runID: run.id))
        }
        return RunSummary(run: run, steps: steps, definition: try loadDefinition(run).definition)
    }

    /// The definition a run was started with (its stored snapshot, not today's file).
    func loadDefinition(_ run: RunRecord) throws -> ValidatedWorkflow {
        do {
            let written = try validator.validateAsWritten(file: SourceFile(path: run.definitionPath,
                                                                           text: run.definitionText))
            guard written.definition.isTemplate else { return written }
            let (instantiated, problems) = validator.instantiate(written, with: run.inputs.mapValues { .init($0) })
            guard var made = instantiated else {
                throw WorkflowError.invalidInput(Message.joined(problems.map(\.wording), separator: "; "))
            }
            made.definition.instanceFolder = run.instanceFolder.map { URL(fileURLWithPath: $0) }
            return made
        } catch var error as WorkflowError {
            let wording = EngineMessages.noLongerValidates(["campaign": run.campaign])
                + (error.wording?.message ?? .verbatim(error.message))
            error.message = wording.text(.en)
            error.wording = (wording, error.wording?.hint ?? error.hint.map(Message.verbatim))
            throw error
        }
    }

    /// Drives a run; when another process is driving it (the daemon delivering a signal, say), waits
    /// up to `patience` for it to finish before saying so.
    func drive(campaign: String, patience: Duration = .seconds(10), workflow: ValidatedWorkflow? = nil) async throws -> RunSummary {
        let driver = try await driver(campaign: campaign, patience: patience, workflow: workflow)
        return try await driver.drive()
    }

    /// Takes the run over for driving, waiting up to `patience` while another drive holds it.
    /// `workflow`: the run's definition when the caller has it already (it just started the run).
    func driver(campaign: String, patience: Duration, workflow: ValidatedWorkflow? = nil) async throws -> RunDriver {
        let deadline = ContinuousClock.now + patience
        while true {
            do {
                return try await RunDriver(engine: self, campaign: campaign, workflow: workflow)
            } catch let busy as RunBusy {
                guard ContinuousClock.now < deadline else { throw busy.error }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }
}
