import GRDB
import Workflow

/// The scheduling plugin's tables: job seekers' ranked wishes, the interviews planned from them,
/// the wishes left out with their reason, and the booth each enterprise was given.
enum SchedulingSchema {
    static let migrations = [
        Migration("schedule-v1") { db in
            try db.execute(sql: """
                CREATE TABLE schedule_wish (
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    posting_id INTEGER NOT NULL REFERENCES posting(id),
                    rank INTEGER NOT NULL,                 -- 1: first wish
                    source TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    PRIMARY KEY (campaign, person_id, posting_id)
                ) WITHOUT ROWID;
                CREATE TABLE schedule_interview (
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    posting_id INTEGER NOT NULL REFERENCES posting(id),
                    rank INTEGER NOT NULL,
                    starts_at DATETIME NOT NULL,
                    ends_at DATETIME NOT NULL,
                    interviewer INTEGER NOT NULL,          -- which of the booth's interviewers, from 1
                    sequence INTEGER NOT NULL DEFAULT 0,   -- iCalendar SEQUENCE: raised when the slot moves
                    PRIMARY KEY (campaign, person_id, posting_id)
                ) WITHOUT ROWID;
                CREATE TABLE schedule_booth (
                    campaign TEXT NOT NULL,
                    booth TEXT NOT NULL,                   -- A01, B12, … or the venue's own numbers
                    credit_code TEXT NOT NULL REFERENCES enterprise(credit_code),
                    x REAL NOT NULL,
                    y REAL NOT NULL,
                    accessible BOOLEAN NOT NULL,
                    zone TEXT NOT NULL,                    -- the enterprise's industry
                    PRIMARY KEY (campaign, booth)
                ) WITHOUT ROWID;
                CREATE TABLE schedule_unmet (
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    posting_id INTEGER NOT NULL REFERENCES posting(id),
                    rank INTEGER NOT NULL,
                    reason_zh TEXT NOT NULL,
                    reason_en TEXT NOT NULL,
                    PRIMARY KEY (campaign, person_id, posting_id)
                ) WITHOUT ROWID;
                """)
        },
        // A venue drawn by the organizer (展位表), used by schedule.booths instead of a grid; a livestream's line-up.
        Migration("schedule-v2-venue-and-stream") { db in
            try db.execute(sql: """
                CREATE TABLE schedule_venue (
                    campaign TEXT NOT NULL,
                    booth TEXT NOT NULL,
                    position INTEGER NOT NULL,             -- the walking order: the list's order
                    x REAL NOT NULL,                       -- column from the left
                    y REAL NOT NULL,                       -- row from the entrance
                    accessible BOOLEAN NOT NULL,
                    PRIMARY KEY (campaign, booth)
                ) WITHOUT ROWID
                """)
            // A livestream's line-up was kept here too (schedule_stream) until the livestream plugin
            // took it over: its migration `livestream-lineup-v1` creates it where this one did not.
        },
    ]
}
