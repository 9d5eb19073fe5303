import GRDB
import Workflow

/// The monitoring plugin's tables: the month each monitoring campaign covers, each monitored worker's
/// status that month (working or not, where, since when, wish to work), the changes found against
/// the month before, and the one-to-one help given to those wanting work. People are ledger numbers.
enum MonitoringSchema {
    static let migrations = [
        Migration("monitoring-v1") { db in
            try db.execute(sql: """
                CREATE TABLE monitoring_month (
                    campaign TEXT PRIMARY KEY NOT NULL,
                    month TEXT NOT NULL,                    -- 2026-03
                    last_year INTEGER                       -- 务工规模 of the same month a year before, as reported then
                ) WITHOUT ROWID;
                CREATE TABLE monitoring_status (
                    campaign TEXT NOT NULL,                 -- '' for a baseline month from before the workspace monitored
                    month TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    working BOOLEAN NOT NULL,
                    area TEXT NOT NULL,                     -- county, province (outside the county), outside (the province); '' when not working
                    place TEXT NOT NULL,
                    since TEXT NOT NULL,                    -- the day (or month) they went out to work, or ''
                    wants_work BOOLEAN NOT NULL,
                    reason TEXT NOT NULL,                   -- 未就业原因, as the sheet says
                    PRIMARY KEY (campaign, month, person_id)
                ) WITHOUT ROWID;
                CREATE INDEX monitoring_status_month ON monitoring_status(month, person_id);
                CREATE TABLE monitoring_change (
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    kind TEXT NOT NULL,                     -- newly-unemployed, returned-home, newly-out-of-province, newly-monitored
                    PRIMARY KEY (campaign, kind, person_id)
                ) WITHOUT ROWID;
                CREATE TABLE monitoring_help (
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    staff TEXT NOT NULL,
                    result TEXT NOT NULL,                   -- open, contacted, placed, public-job, trained, declined, unreachable
                    note TEXT NOT NULL,
                    updated_at DATETIME NOT NULL,
                    PRIMARY KEY (campaign, person_id)
                ) WITHOUT ROWID;
                """)
        },
    ]
}
