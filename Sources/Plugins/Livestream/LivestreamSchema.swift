import GRDB
import Workflow

/// The livestream plugin's tables: the stream (platform, start, length, host), the platforms' viewer
/// figures, the sign-ups (leads: one per phone number per campaign, however many platforms and imports
/// brought it), and the call-back tasks with their outcomes.
enum LivestreamSchema {
    static let migrations = [
        Migration("livestream-v1") { db in
            try db.execute(sql: """
                CREATE TABLE livestream_session (
                    campaign TEXT PRIMARY KEY NOT NULL,
                    platform TEXT NOT NULL,
                    starts_at DATETIME NOT NULL,
                    minutes INTEGER NOT NULL,
                    host TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE livestream_metric (
                    id INTEGER PRIMARY KEY,
                    campaign TEXT NOT NULL,
                    source TEXT NOT NULL,                  -- the export file: a re-import replaces its rows
                    platform TEXT NOT NULL,
                    minute TEXT NOT NULL,                  -- the row's time, or '' for a per-posting row
                    posting TEXT NOT NULL,                 -- the posting presented, or ''
                    viewers INTEGER NOT NULL,              -- concurrent viewers
                    views INTEGER NOT NULL,
                    likes INTEGER NOT NULL,
                    shares INTEGER NOT NULL,
                    followers INTEGER NOT NULL
                );
                CREATE INDEX livestream_metric_campaign ON livestream_metric(campaign, source);
                CREATE TABLE livestream_lead (
                    id INTEGER PRIMARY KEY,
                    campaign TEXT NOT NULL,
                    phone TEXT NOT NULL,                   -- 11 digits: who the lead is
                    name TEXT NOT NULL,
                    id_number TEXT NOT NULL,               -- '' until someone gives it
                    platforms TEXT NOT NULL,               -- 抖音,快手: every platform that brought the lead
                    posting_id INTEGER REFERENCES posting(id),
                    posting_text TEXT NOT NULL,            -- as the form said it
                    signed_at TEXT NOT NULL,               -- the earliest sign-up
                    person_id INTEGER REFERENCES person(id),
                    source TEXT NOT NULL,
                    updated_at DATETIME NOT NULL,
                    UNIQUE (campaign, phone)
                );
                CREATE INDEX livestream_lead_person ON livestream_lead(campaign, person_id);
                CREATE TABLE livestream_call (
                    id INTEGER PRIMARY KEY,
                    campaign TEXT NOT NULL,
                    lead_id INTEGER NOT NULL REFERENCES livestream_lead(id),
                    attempt INTEGER NOT NULL,              -- 1, 2, …
                    staff TEXT NOT NULL,                   -- '' while queued (every staff member at the day's quota)
                    assigned_on TEXT NOT NULL,             -- the day (campaign's zone) it was given out
                    due_at DATETIME NOT NULL,
                    status TEXT NOT NULL,                  -- open, reached, not-reached, wrong-number, not-interested, booked
                    note TEXT NOT NULL,
                    updated_at DATETIME NOT NULL
                );
                CREATE INDEX livestream_call_lead ON livestream_call(campaign, lead_id, attempt);
                CREATE INDEX livestream_call_staff ON livestream_call(campaign, staff, status);
                CREATE TABLE livestream_followup (        -- when the call-back period of livestream.follow-up ends
                    campaign TEXT PRIMARY KEY NOT NULL,
                    ends_at DATETIME NOT NULL
                ) WITHOUT ROWID;
                """)
        },
        // The line-up (`livestream.lineup`), planned by the scheduling plugin until 2026-12: workspaces
        // made before hold it already, under the name it had there.
        Migration("livestream-lineup-v1") { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS schedule_stream (
                    campaign TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    start_minute INTEGER NOT NULL,         -- from the stream's start
                    minutes INTEGER NOT NULL,
                    code TEXT NOT NULL,                    -- the posting's code
                    title TEXT NOT NULL,
                    enterprise TEXT NOT NULL,
                    host TEXT NOT NULL,
                    PRIMARY KEY (campaign, position)
                ) WITHOUT ROWID
                """)
        },
    ]
}
