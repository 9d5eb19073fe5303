import Foundation
import GRDB
import Yams

/// The engine's tables: runs, their steps, an append-only event log and the signal inbox.
enum EngineSchema {
    static let migrations: [Migration] = [
        Migration("engine-v1") { db in
            try db.execute(sql: """
                CREATE TABLE workflow_run (
                    id INTEGER PRIMARY KEY,
                    campaign TEXT NOT NULL UNIQUE,
                    title TEXT,
                    kind TEXT NOT NULL,
                    definition_path TEXT NOT NULL,
                    definition_text TEXT NOT NULL,
                    vars_json TEXT NOT NULL,
                    status TEXT NOT NULL,
                    owner_pid INTEGER,
                    owner_host TEXT,
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL,
                    finished_at DATETIME
                );
                CREATE TABLE workflow_step (
                    run_id INTEGER NOT NULL REFERENCES workflow_run(id) ON DELETE CASCADE,
                    step_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    uses TEXT NOT NULL,
                    status TEXT NOT NULL,
                    attempt INTEGER NOT NULL DEFAULT 0,
                    due_at DATETIME,
                    awaits_signal BOOLEAN NOT NULL DEFAULT 0,
                    prompt TEXT,
                    outputs_json TEXT,
                    error TEXT,
                    started_at DATETIME,
                    finished_at DATETIME,
                    PRIMARY KEY (run_id, step_id)
                ) WITHOUT ROWID;
                CREATE TABLE workflow_event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id INTEGER NOT NULL REFERENCES workflow_run(id) ON DELETE CASCADE,
                    step_id TEXT,
                    attempt INTEGER,
                    at DATETIME NOT NULL,
                    kind TEXT NOT NULL,
                    message TEXT
                );
                CREATE INDEX workflow_event_run ON workflow_event(run_id, id);
                CREATE TABLE workflow_signal (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id INTEGER NOT NULL REFERENCES workflow_run(id) ON DELETE CASCADE,
                    step_id TEXT NOT NULL,
                    sent_by TEXT,
                    note TEXT,
                    sent_at DATETIME NOT NULL,
                    consumed_at DATETIME
                );
                """)
        },
        // Each run keeps its campaign's time zone, so every view — the scan ledger, outcome dates,
        // tallies, status — prints its times in the campaign's zone without parsing the definition
        // again. Runs started before read theirs from the definition they were started with.
        Migration("engine-v2-run-time-zone") { db in
            try db.execute(sql: "ALTER TABLE workflow_run ADD COLUMN time_zone_identifier TEXT")
            for row in try Row.fetchAll(db, sql: "SELECT id, definition_text FROM workflow_run") {
                let declared = (try? Yams.load(yaml: row["definition_text"] as String) as? [String: Any])?["timezone"]
                let zone = (declared as? String).flatMap(TimeZone.init(identifier:)) ?? WorkflowDefinition.defaultTimeZone
                try db.execute(sql: "UPDATE workflow_run SET time_zone_identifier = ? WHERE id = ?",
                               arguments: [zone.identifier, row["id"]])
            }
        },
        // The day a campaign is held (`date:`), which periods select on; runs started before read it
        // from the definition they were started with (none: the day they were started stands in).
        Migration("engine-v3-run-held-on") { db in
            try db.execute(sql: "ALTER TABLE workflow_run ADD COLUMN held_on TEXT")
            for row in try Row.fetchAll(db, sql: "SELECT id, definition_text FROM workflow_run") {
                let declared = (try? Yams.load(yaml: row["definition_text"] as String) as? [String: Any])?["date"]
                let text: String? = switch declared {
                case let day as String: day
                case let date as Date: String(ISO8601DateFormatter().string(from: date).prefix(10))
                default: nil
                }
                guard let day = text.flatMap(TimeFormats.day) else { continue }
                try db.execute(sql: "UPDATE workflow_run SET held_on = ? WHERE id = ?", arguments: [day, row["id"]])
            }
        },
        // Fan-out (`for_each:`): each instance is a step row of its own — retried, timed out and
        // signalled on its own — that names the step it belongs to, its number and its item; the
        // step itself records how many instances it made. Cancelling (`campaign cancel`) is a request
        // on the run that whichever process drives it honours.
        Migration("engine-v4-fan-out-and-cancel") { db in
            try db.execute(sql: """
                ALTER TABLE workflow_step ADD COLUMN parent_step TEXT;
                ALTER TABLE workflow_step ADD COLUMN item_number INTEGER;
                ALTER TABLE workflow_step ADD COLUMN item_json TEXT;
                ALTER TABLE workflow_step ADD COLUMN fan_out INTEGER;
                ALTER TABLE workflow_run ADD COLUMN cancel_requested_at DATETIME;
                ALTER TABLE workflow_run ADD COLUMN cancelled_by TEXT;
                """)
        },
        // Schedules (`on: schedule:`): a definition the daemon starts a run of at each cron time; the
        // daemon's lease, so that of two daemons (or a daemon and `serve`) only one drives runs; when a
        // cancel was applied; and the inputs a campaign made from a template was given.
        Migration("engine-v5-schedules-and-daemon") { db in
            try db.execute(sql: """
                CREATE TABLE workflow_schedule (
                    name TEXT PRIMARY KEY,
                    definition_path TEXT NOT NULL,
                    definition_text TEXT NOT NULL,
                    vars_json TEXT NOT NULL,
                    time_zone_identifier TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    next_fire_at DATETIME,
                    last_fired_at DATETIME,
                    last_campaign TEXT
                );
                ALTER TABLE workflow_run ADD COLUMN cancel_applied_at DATETIME;
                ALTER TABLE workflow_run ADD COLUMN inputs_json TEXT;
                CREATE TABLE workflow_daemon (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    owner TEXT NOT NULL,
                    owner_pid INTEGER NOT NULL,
                    owner_host TEXT NOT NULL,
                    heartbeat_at DATETIME NOT NULL
                );
                """)
        },
        // A campaign made by an instance file (`uses:` a template) writes its reports beside that file.
        Migration("engine-v6-instance-folder") { db in
            try db.execute(sql: "ALTER TABLE workflow_run ADD COLUMN instance_folder TEXT")
        },
        // A waiting step's prompt and a history entry kept as catalogue words too (`Message.storedForm`),
        // so they read in the reader's language, not the one of the process that wrote them.
        Migration("engine-v7-stored-words") { db in
            try db.execute(sql: """
                ALTER TABLE workflow_step ADD COLUMN prompt_form TEXT;
                ALTER TABLE workflow_event ADD COLUMN message_form TEXT;
                """)
        },
    ]
}
