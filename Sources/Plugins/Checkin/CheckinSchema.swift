import Foundation
import GRDB
import Ledger
import Workflow

/// The check-in tables: open windows (one per campaign and checkpoint) and the append-only scan
/// ledger. A partial unique index makes "one accepted check-in per person and checkpoint" a
/// property of the database, whatever number of staff devices scan at once.
enum CheckinSchema {
    static let migrations: [Migration] = [
        Migration("checkin-v1") { db in
            try db.execute(sql: """
                CREATE TABLE checkin_window (
                    campaign TEXT NOT NULL,
                    checkpoint TEXT NOT NULL,
                    step_id TEXT NOT NULL,
                    gates TEXT NOT NULL,                 -- comma-separated; empty: any gate
                    opens_at TEXT,
                    closes_at TEXT,
                    walk_ins BOOLEAN NOT NULL,
                    status TEXT NOT NULL,                -- open or closed
                    PRIMARY KEY (campaign, checkpoint)
                ) WITHOUT ROWID;
                CREATE TABLE scan (
                    id INTEGER PRIMARY KEY,
                    nonce TEXT NOT NULL UNIQUE,          -- the client's: a retried scan returns the first answer
                    campaign TEXT NOT NULL,
                    checkpoint TEXT NOT NULL,
                    person_id INTEGER REFERENCES person(id),
                    method TEXT NOT NULL,                -- code, id, phone
                    input TEXT NOT NULL,                 -- what was scanned or typed, masked
                    gate TEXT NOT NULL,
                    staff TEXT NOT NULL,
                    device TEXT NOT NULL,
                    client_time TEXT,
                    received_at TEXT NOT NULL,
                    result TEXT NOT NULL,                -- accepted, repeat, rejected
                    reason TEXT NOT NULL,
                    first_scan_id INTEGER REFERENCES scan(id)
                );
                CREATE UNIQUE INDEX scan_once ON scan(campaign, checkpoint, person_id) WHERE result = 'accepted';
                CREATE INDEX scan_campaign ON scan(campaign, checkpoint, id);
                """)
            // Workspaces made before the ledger owned its phone index got it here (as person_phone).
        },
        // Once the phone index without blanks, on the ledger's table; the ledger owns it now
        // (ledger-v4-person-phone-index). Kept, empty, so the name stays known to older workspaces.
        Migration("checkin-v2-phone-index-without-blanks") { _ in },
        // "Attended" was one seek per registration in a tally, whatever the checkpoints (dropped by
        // checkin-v11). Workspaces made before check-in owned it got it from outcomes-v1; hence IF NOT EXISTS.
        Migration("checkin-v3-attended-index") { db in
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS scan_attended ON scan(campaign, person_id) WHERE result = 'accepted'
                """)
        },
        // Registration and attendance became separate acts: a desk registration no longer counts
        // as attended by itself; the desk scans the person when the gate is open. Walk-ins
        // registered before then counted as attended in finished reports, so each gets the scan it
        // stood for (at its registration time, marked as such): no earlier report changes.
        Migration("checkin-v4-walk-ins-as-scans") { db in
            let statement = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO scan (nonce, campaign, checkpoint, person_id, method, input, gate, staff, device,
                                            client_time, received_at, result, reason, first_scan_id)
                SELECT ?, ?, 'gate', ?, 'walk-in', '', '', '', 'desk', NULL, ?, 'accepted',
                       'registered at the desk before registration and check-in were separate acts', NULL
                WHERE NOT EXISTS (SELECT 1 FROM scan WHERE campaign = ? AND person_id = ? AND result = 'accepted')
                """)
            for walkIn in try Registrations.allWalkIns(db) {
                let at = Date(timeIntervalSince1970: TimeInterval(walkIn.at))
                try statement.execute(arguments: ["walk-in-\(walkIn.campaign)-\(walkIn.person)", walkIn.campaign,
                                                  walkIn.person, at, walkIn.campaign, walkIn.person])
            }
        },
        // Enterprises come too: a booth checked in at the gate (its credit code scanned or typed) or at
        // the desk (`campaign attend-enterprise`), once per campaign, apart from the job seekers' scans.
        Migration("checkin-v5-enterprise-attendance") { db in
            try db.execute(sql: """
                CREATE TABLE enterprise_checkin (
                    campaign TEXT NOT NULL,
                    credit_code TEXT NOT NULL,           -- the ledger's enterprise
                    gate TEXT NOT NULL,
                    staff TEXT NOT NULL,
                    checked_in_at TEXT NOT NULL,
                    PRIMARY KEY (campaign, credit_code)
                ) WITHOUT ROWID
                """)
        },
        // A scan's reason as catalogue keys and values (JSON), worded in the reader's language when
        // shown; `reason` keeps the English words (and is all that scans recorded before have).
        Migration("checkin-v6-reason-message") { db in
            try db.execute(sql: "ALTER TABLE scan ADD COLUMN reason_message TEXT")
        },
        // `gate_names:` of a checkin.gate step: the names people read for its gates (JSON object).
        Migration("checkin-v7-gate-names") { db in
            try db.execute(sql: "ALTER TABLE checkin_window ADD COLUMN gate_names TEXT")
        },
        // When a checkpoint was closed: a scan a phone kept offline and sent afterwards is judged by
        // when it happened, so it counts if that was before the close.
        Migration("checkin-v8-closed-at") { db in
            try db.execute(sql: "ALTER TABLE checkin_window ADD COLUMN closed_at TEXT")
        },
        // The day a person may pass a checkpoint, where a plugin says so (a bus passenger boards on
        // their departure day): a scan on another day is refused with the right day.
        Migration("checkin-v9-admission-days") { db in
            try db.execute(sql: """
                CREATE TABLE checkin_admission (
                    campaign TEXT NOT NULL,
                    checkpoint TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    day TEXT NOT NULL,                   -- yyyy-MM-dd in the campaign's time zone
                    PRIMARY KEY (campaign, checkpoint, person_id)
                ) WITHOUT ROWID
                """)
        },
        // An admission closed early (the bus has left): a later scan is refused, saying when.
        Migration("checkin-v10-admission-closed") { db in
            try db.execute(sql: "ALTER TABLE checkin_admission ADD COLUMN closed_at TEXT")
        },
        // Attendance is read from `scan_once` a checkpoint at a time (`AcceptedScans`): a first scan
        // wrote a random leaf page of `scan_attended` into the log as well, and without it the gate
        // takes a third more first scans a second (campaign-bench checkin, docs/benchmarks.md).
        Migration("checkin-v11-attended-from-once") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS scan_attended")
        },
    ]
}
