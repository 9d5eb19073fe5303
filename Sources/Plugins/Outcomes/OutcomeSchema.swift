import GRDB
import Ledger
import Workflow

/// Outcomes: where each job seeker stands with each posting they tried, and every change to it.
/// The current stage lives in `outcome` (one row per campaign, person and posting), so a tally
/// reads the furthest stage per person without replaying history; `outcome_change` keeps who
/// moved whom from which stage to which, corrections included — nothing is overwritten silently.
enum OutcomeSchema {
    static let migrations: [Migration] = [
        Migration("outcomes-v1") { db in
            try db.execute(sql: """
                CREATE TABLE outcome (
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    posting_id INTEGER NOT NULL REFERENCES posting(id),
                    stage INTEGER NOT NULL,              -- 1 interviewed, 2 intent, 3 placed, 4 retained
                    stage_date TEXT NOT NULL,            -- yyyy-MM-dd the stage was reached
                    note TEXT NOT NULL DEFAULT '',
                    recorded_by TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    PRIMARY KEY (campaign, person_id, posting_id)
                ) WITHOUT ROWID;
                CREATE TABLE outcome_change (
                    id INTEGER PRIMARY KEY,
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    posting_id INTEGER NOT NULL REFERENCES posting(id),
                    from_stage INTEGER NOT NULL,
                    to_stage INTEGER NOT NULL,
                    stage_date TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT '',
                    correction BOOLEAN NOT NULL,         -- a stage moved back or withdrawn on purpose
                    recorded_by TEXT NOT NULL,
                    source TEXT NOT NULL,                -- cli, import file name, web
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX outcome_change_key ON outcome_change(campaign, person_id, posting_id, id);
                """)
            // Workspaces made before check-in owned its attended index got it here (scan_attended).
        },
        // A placement of someone who was never checked in (placed through a follow-up call, say) is
        // kept, said and counted apart: the funnel's "placed" can then exceed "attended" only openly.
        Migration("outcomes-v2-not-attended") { db in
            try db.execute(sql: "ALTER TABLE outcome ADD COLUMN not_attended BOOLEAN NOT NULL DEFAULT 0")
        },
    ]
}
