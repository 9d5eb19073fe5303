import Foundation
import GRDB

/// `for_each:` — one durable instance of a step per item, at most `max-parallel` in progress.
extension RunDriver {
    /// Reads the step's list and records one pending instance per item, in one transaction.
    func fanOut(_ node: Int) async throws -> StepAttempt? {
        let stepIndex = nodes[node].step
        let step = definition.steps[stepIndex]
        guard let fanOut = step.fanOut else { return try await begin(node) }
        let list = ParameterBinding.evaluate(fanOut.node, in: expressionScope)
        guard case .array(let items) = list, items.count <= DefinitionLoader.fanOutLimit else {
            let problem = if case .array(let items) = list {
                RunEventMessages.gaveTooMany(["count": "\(items.count)", "limit": "\(DefinitionLoader.fanOutLimit)"])
            } else if list.typeName == "text" {
                RunEventMessages.gave(words: ["type": list.typeWord]) + ValidationMessages.quotedText(["text": String(list.interpolated.prefix(60))])
            } else {
                RunEventMessages.gave(words: ["type": list.typeWord])
            }
            try await failStep(node, message: (RunEventMessages.fanOutNeedsList(["location": "\(fanOut.location)"]) + problem).inProcessLanguage)
            return nil
        }
        let now = engine.clock.now()
        let first = nodes.count
        let instances = try items.enumerated().map { offset, item in
            (id: "\(step.id)[\(offset + 1)]", number: offset + 1, item: item, json: try item.jsonText())
        }
        try await pool.write { [run] db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO workflow_step (run_id, step_id, position, uses, status, parent_step, item_number, item_json)
                VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)
                """)
            for instance in instances {
                try insert.execute(arguments: [run.id, instance.id, stepIndex, step.uses, step.id, instance.number,
                                               instance.json])
            }
            try db.execute(sql: """
                UPDATE workflow_step SET status = 'running', attempt = 1, started_at = ?, fan_out = ?
                WHERE run_id = ? AND step_id = ?
                """, arguments: [now, instances.count, run.id, step.id])
            try RunQueries.appendEvent(db, run: run.id, step: step.id, attempt: 1, at: now, kind: "fanned-out",
                                       said: (instances.count == 1 ? RunEventMessages.oneInstance() : RunEventMessages.instances(["count": "\(instances.count)"])))
        }
        nodes[node].status = .running
        nodes[node].attempt = 1
        for instance in instances {
            nodeByRecord[instance.id] = nodes.count
            nodes.append(Node(step: stepIndex, recordID: instance.id, item: instance.item, itemNumber: instance.number,
                              status: .pending, attempt: 0, dueAt: nil, awaitsSignal: false, outputs: [:]))
        }
        fanOuts[stepIndex] = FanOutProgress(instances: Array(first..<nodes.count),
                                            maxParallel: fanOut.maxParallel ?? Int.max)
        engine.observer(.fannedOut(step: step.id, instances: instances.count))
        launchInstances(of: stepIndex)
        if instances.isEmpty { try await finishFanOut(stepIndex) }
        return nil
    }

    /// Readies pending instances while fewer than `max-parallel` are in progress.
    func launchInstances(of step: Int) {
        guard var progress = fanOuts[step] else { return }
        while progress.inProgress < progress.maxParallel, progress.nextToLaunch < progress.instances.count {
            let node = progress.instances[progress.nextToLaunch]
            progress.nextToLaunch += 1
            guard nodes[node].status == .pending else { continue }
            ready.append(node)
            progress.inProgress += 1
        }
        fanOuts[step] = progress
    }

    /// Ends a fan-out step once all its instances have ended: its outputs are the instances'
    /// outputs as lists (in item order, null where an instance did not succeed).
    func finishFanOut(_ step: Int) async throws {
        guard let progress = fanOuts[step], nodes[step].status == .running else { return }
        let definitionStep = definition.steps[step]
        let instances = progress.instances.map { nodes[$0] }
        let names = workflow.registry.action(definitionStep.uses)?.descriptor.outputs.map(\.name) ?? []
        var outputs: [String: Value] = [:]
        for name in names {
            outputs[name] = .array(instances.map { $0.status == .succeeded ? $0.outputs[name] ?? .null : .null })
        }
        let failed = instances.filter { $0.status == .failed }.map(\.recordID)
        let statuses = Set(instances.map(\.status))
        let status: StepStatus = if !failed.isEmpty { .failed }
            else if statuses.contains(.cancelled) { .cancelled }
            else if statuses.contains(.succeeded) || instances.isEmpty { .succeeded }
            else if statuses.contains(.blocked) { .blocked }
            else { .skipped }
        let message: String? = failed.isEmpty ? nil
            : "\(failed.count) of \(instances.count) instances failed: \(failed.prefix(5).joined(separator: ", "))"
                + (failed.count > 5 ? ", …" : "") + " — `campaign retry \(run.campaign) \(definitionStep.id)` runs them again"
        let now = engine.clock.now()
        let outputsJSON = status == .succeeded ? try outputs.jsonText() : nil
        try await pool.write { [run] db in
            try db.execute(sql: """
                UPDATE workflow_step SET status = ?, outputs_json = ?, error = ?, finished_at = ?
                WHERE run_id = ? AND step_id = ?
                """, arguments: [status.rawValue, outputsJSON, message, now, run.id, definitionStep.id])
            try RunQueries.appendEvent(db, run: run.id, step: definitionStep.id, attempt: nil, at: now,
                                       kind: status == .succeeded ? "completed" : status.rawValue,
                                       message: message ?? "\(instances.count) instances ended")
        }
        nodes[step].status = status
        switch status {
        case .succeeded:
            nodes[step].outputs = outputs
            if !outputs.isEmpty { expressionScope.stepOutputs[definitionStep.id] = outputs }
            engine.observer(.completed(step: definitionStep.id, elapsed: .zero, outputs: [:]))
        case .failed:
            engine.observer(.failed(step: definitionStep.id, message: message ?? "failed", retryAt: nil))
        case .cancelled:
            let stopped = instances.filter { $0.status == .cancelled }.count
            engine.observer(.skipped(step: definitionStep.id,
                                     reason: RunEventMessages.instancesCancelled(["stopped": "\(stopped)", "count": "\(instances.count)"])
                                        .inProcessLanguage))
        default:
            engine.observer(.skipped(step: definitionStep.id,
                                     reason: RunEventMessages.noInstanceRan(["count": "\(instances.count)"]).inProcessLanguage))
        }
        settle(step)
    }

    /// Fails a node for good (a `for_each` that gives no list): retrying would read the same list.
    func failStep(_ node: Int, message: String) async throws {
        let recordID = nodes[node].recordID
        let now = engine.clock.now()
        try await pool.write { [run] db in
            try db.execute(sql: """
                UPDATE workflow_step SET status = 'failed', attempt = attempt + 1, error = ?, finished_at = ?
                WHERE run_id = ? AND step_id = ?
                """, arguments: [message, now, run.id, recordID])
            try RunQueries.appendEvent(db, run: run.id, step: recordID, attempt: nil, at: now, kind: "failed",
                                       message: message)
        }
        nodes[node].status = .failed
        engine.observer(.failed(step: recordID, message: message, retryAt: nil))
        try await ended(node)
    }
}
