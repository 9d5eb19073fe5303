import GRDB
import Workflow

/// The training plugin's tables: the classes (trade, base, sessions, capacity, completion rule), who
/// is enrolled in each (or waiting), attendance per session, exam results and certificates, the
/// subsidy decisions and employment after training. Every row names its campaign; people are ledger
/// numbers, so no name, ID number or phone is kept here.
enum TrainingSchema {
    static let migrations = [
        Migration("training-v1") { db in
            try db.execute(sql: """
                CREATE TABLE training_class (
                    campaign TEXT NOT NULL,
                    class TEXT NOT NULL,                    -- the class's id in the definition, e.g. zl-2026-01
                    trade TEXT NOT NULL,                    -- 工种, e.g. 足部修护师
                    base TEXT NOT NULL,                     -- 培训基地
                    mode TEXT NOT NULL,                     -- 订单培训, 定向培训, … or ''
                    capacity INTEGER NOT NULL,
                    sessions INTEGER NOT NULL,
                    schedule TEXT NOT NULL,                 -- the sessions' days, comma-separated, or ''
                    completion REAL NOT NULL,               -- share of sessions to attend, e.g. 0.8
                    subsidised BOOLEAN NOT NULL,
                    PRIMARY KEY (campaign, class)
                ) WITHOUT ROWID;
                CREATE TABLE training_enrolment (
                    campaign TEXT NOT NULL,
                    class TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    status TEXT NOT NULL,                   -- enrolled or waiting
                    rank INTEGER NOT NULL,                  -- the order enrolment took them in
                    PRIMARY KEY (campaign, class, person_id)
                ) WITHOUT ROWID;
                CREATE INDEX training_enrolment_person ON training_enrolment(campaign, person_id);
                CREATE TABLE training_attendance (
                    campaign TEXT NOT NULL,
                    class TEXT NOT NULL,
                    session INTEGER NOT NULL,               -- 1, 2, …
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    source TEXT NOT NULL,                   -- the sheet, or 'page' for the phone
                    staff TEXT NOT NULL,
                    at DATETIME NOT NULL,
                    PRIMARY KEY (campaign, class, session, person_id)
                ) WITHOUT ROWID;
                CREATE TABLE training_open_session (
                    campaign TEXT PRIMARY KEY NOT NULL,
                    class TEXT NOT NULL,
                    session INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE training_result (
                    campaign TEXT NOT NULL,
                    class TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    score REAL,
                    passed BOOLEAN NOT NULL,
                    certificate TEXT NOT NULL,              -- 职业技能等级证书编号, or ''
                    level TEXT NOT NULL,                    -- 五级/初级工, …
                    issued_on TEXT NOT NULL,
                    PRIMARY KEY (campaign, class, person_id)
                ) WITHOUT ROWID;
                CREATE TABLE training_employment (
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    employer TEXT NOT NULL,
                    place TEXT NOT NULL,
                    started_on TEXT NOT NULL,
                    PRIMARY KEY (campaign, person_id)
                ) WITHOUT ROWID;
                CREATE TABLE training_subsidy (
                    campaign TEXT NOT NULL,
                    class TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    trade TEXT NOT NULL,
                    eligible BOOLEAN NOT NULL,
                    reason TEXT NOT NULL,                   -- the verdict's key: eligible, not-completed, …
                    amount INTEGER NOT NULL,
                    decided_on TEXT NOT NULL,               -- the day, in the campaign's time zone
                    PRIMARY KEY (campaign, class, person_id)
                ) WITHOUT ROWID;
                CREATE INDEX training_subsidy_person ON training_subsidy(person_id, trade);
                """)
        },
    ]
}
