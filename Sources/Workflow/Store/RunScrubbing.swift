import GRDB

/// Free text a run keeps — steps' prompts, outputs and errors, the history's messages, signals' notes,
/// `core.log` lines — passed through a scrubber when the campaign's people are shredded, so a name or
/// phone a step once printed does not outlive the people's own records.
public enum RunScrubbing {
    /// Rewrites the text of `campaign`'s run that `scrub` changes; returns the values rewritten.
    public static func scrub(_ db: Database, campaign: String, _ scrub: (String) -> String) throws -> Int {
        guard let runID = try Int64.fetchOne(db, sql: "SELECT id FROM workflow_run WHERE campaign = ?", arguments: [campaign])
        else { return 0 }
        var changed = 0
        let columns: [(table: String, key: String, column: String)] = [
            ("workflow_step", "step_id", "prompt"), ("workflow_step", "step_id", "prompt_form"),
            ("workflow_step", "step_id", "outputs_json"), ("workflow_event", "id", "message_form"),
            ("workflow_step", "step_id", "error"), ("workflow_step", "step_id", "item_json"),
            ("workflow_event", "id", "message"), ("workflow_signal", "id", "note"), ("core_log", "id", "message"),
        ]
        for (table, key, column) in columns {
            let rows = try Row.fetchAll(db, sql: "SELECT \(key) AS k, \(column) AS t FROM \(table) WHERE run_id = ?",
                                        arguments: [runID])
            for row in rows {
                guard let text = row["t"] as String? else { continue }
                let scrubbed = scrub(text)
                guard scrubbed != text else { continue }
                try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE run_id = ? AND \(key) = ?",
                               arguments: [scrubbed, runID, row["k"] as DatabaseValue])
                changed += 1
            }
        }
        return changed
    }
}
