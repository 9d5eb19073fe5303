import Foundation
import GRDB

extension Engine {
    /// Records a definition with `on: schedule:` instead of running it; the daemon starts its runs.
    public func schedule(_ workflow: ValidatedWorkflow, vars overrides: [String: Value] = [:]) async throws
        -> ScheduleRecord {
        let definition = workflow.definition
        guard !definition.madeFromTemplate else {
            throw WorkflowError.usage(WorkspaceMessages.templateSchedule(), hint: WorkspaceMessages.templateScheduleHint())
        }
        let vars = try definition.variableValues(overriding: overrides)
        let now = clock.now()
        let record = ScheduleRecord(
            name: definition.name,
            definitionPath: URL(fileURLWithPath: definition.file.path).standardizedFileURL.path,
            definitionText: definition.file.text, varsJson: try vars.jsonText(),
            timeZoneIdentifier: definition.timeZone.identifier, createdAt: now,
            nextFireAt: (definition.runsCurrentPeriod ? definition.latestScheduledTime(atOrBefore: now) : nil)
                ?? definition.nextScheduledTime(after: now),
            lastFiredAt: nil, lastCampaign: nil)
        try await workspace.pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM workflow_schedule WHERE name = ?", arguments: [record.name]) == true {
                throw WorkflowError.usage(WorkspaceMessages.alreadyScheduled(["name": record.name]),
                                          hint: WorkspaceMessages.alreadyScheduledHint(["name": record.name]))
            }
            try db.execute(sql: """
                INSERT INTO workflow_schedule (name, definition_path, definition_text, vars_json, time_zone_identifier,
                                               created_at, next_fire_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.name, record.definitionPath, record.definitionText, record.varsJson,
                                 record.timeZoneIdentifier, now, record.nextFireAt])
        }
        return record
    }

    /// Stops a schedule; the runs it started stay.
    public func unschedule(_ name: String) async throws {
        try await workspace.pool.write { db in
            try db.execute(sql: "DELETE FROM workflow_schedule WHERE name = ?", arguments: [name])
            guard db.changesCount == 1 else {
                let names = try String.fetchAll(db, sql: "SELECT name FROM workflow_schedule ORDER BY name")
                throw WorkflowError.usage(WorkspaceMessages.noSchedule(["name": name]),
                                          hint: Suggestions.message(for: name, among: names)
                                            ?? (names.isEmpty ? WorkspaceMessages.nothingScheduled() : WorkspaceMessages.schedules(["names": names.joined(separator: ", ")])))
            }
        }
    }

    /// Starts a run of every schedule whose time has come (one run per schedule, for its latest
    /// time: times missed while no daemon ran are not made up), then moves each to its next time.
    public func fireDueSchedules() async throws -> [RunSummary] {
        let now = clock.now()
        let due = try await workspace.pool.read { db in
            try ScheduleRecord.fetchAll(db, sql: """
                SELECT * FROM workflow_schedule WHERE next_fire_at IS NOT NULL AND next_fire_at <= ? ORDER BY next_fire_at
                """, arguments: [now])
        }
        var started: [RunSummary] = []
        for schedule in due {
            guard var time = schedule.nextFireAt else { continue }
            let workflow = try validator.validate(file: SourceFile(path: schedule.definitionPath,
                                                                   text: schedule.definitionText))
            // The latest time that has come (a daemon that was off for three days starts one run, not three).
            for _ in 0..<10_000 {
                guard let later = workflow.definition.nextScheduledTime(after: time), later <= now else { break }
                time = later
            }
            let campaign = ScheduleRecord.campaign(schedule.name, firedAt: time, timeZone: schedule.timeZone)
            let vars = try [String: Value].fromJSON(schedule.varsJson)
            do {
                started.append(try await start(workflow, vars: vars, name: campaign))
            } catch let error as WorkflowError where error.code == .usage {
                // Started already (a daemon stopped between the start and the move below): move on.
                logger.info("schedule \(schedule.name): \(error.message)")
            }
            let next = workflow.definition.nextScheduledTime(after: max(now, time))
            try await workspace.pool.write { [time] db in
                try db.execute(sql: """
                    UPDATE workflow_schedule SET next_fire_at = ?, last_fired_at = ?, last_campaign = ? WHERE name = ?
                    """, arguments: [next, time, campaign, schedule.name])
            }
        }
        return started
    }
}
