import Foundation
import GRDB
import Workflow

/// The shared ledger: people, enterprises and postings, and what links them to campaigns. Only the
/// Ledger module writes these tables; plugins read them through its functions.
public enum LedgerSchema {
    static let migrations: [Migration] = [
        Migration("ledger-v1") { db in
            try db.execute(sql: """
                CREATE TABLE person (
                    id INTEGER PRIMARY KEY,                -- rowid: new people append, imports stay fast
                    id_number TEXT NOT NULL UNIQUE,        -- 18 characters, normalized (GB 11643)
                    name TEXT NOT NULL,
                    phone TEXT,                            -- 11 digits, normalized
                    gender TEXT NOT NULL,                  -- from the ID number
                    birth_date TEXT NOT NULL,              -- yyyy-MM-dd, from the ID number
                    township TEXT NOT NULL DEFAULT '',
                    village TEXT NOT NULL DEFAULT '',
                    groups INTEGER NOT NULL DEFAULT 0,     -- bit set of TargetGroup
                    skills TEXT NOT NULL DEFAULT '',
                    desired_job TEXT NOT NULL DEFAULT '',
                    source TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE person_change (
                    id INTEGER PRIMARY KEY,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    field TEXT NOT NULL,
                    old_value TEXT,
                    new_value TEXT,
                    source TEXT NOT NULL,
                    changed_at DATETIME NOT NULL
                );
                CREATE INDEX person_change_person ON person_change(person_id);
                CREATE TABLE registration (
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    channel TEXT NOT NULL,                 -- import or walk-in
                    registered_at TEXT NOT NULL,
                    PRIMARY KEY (campaign, person_id)
                ) WITHOUT ROWID;
                -- The secret each campaign's badge codes are computed with (see BadgeCode).
                CREATE TABLE campaign_badge_key (
                    campaign TEXT PRIMARY KEY NOT NULL,
                    secret INTEGER NOT NULL
                );
                CREATE TABLE enterprise (
                    credit_code TEXT PRIMARY KEY NOT NULL, -- GB 32100
                    name TEXT NOT NULL,
                    industry TEXT NOT NULL DEFAULT '',
                    contact TEXT NOT NULL DEFAULT '',
                    phone TEXT NOT NULL DEFAULT '',
                    address TEXT NOT NULL DEFAULT '',
                    source TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE posting (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    credit_code TEXT NOT NULL REFERENCES enterprise(credit_code),
                    title TEXT NOT NULL,
                    openings INTEGER NOT NULL,
                    salary_min INTEGER,
                    salary_max INTEGER,
                    location TEXT NOT NULL DEFAULT '',
                    requirements TEXT NOT NULL DEFAULT '',
                    source TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL,
                    UNIQUE (credit_code, title)
                );
                CREATE TABLE campaign_enterprise (
                    campaign TEXT NOT NULL,
                    credit_code TEXT NOT NULL REFERENCES enterprise(credit_code),
                    PRIMARY KEY (campaign, credit_code)
                ) WITHOUT ROWID;
                CREATE TABLE campaign_posting (
                    campaign TEXT NOT NULL,
                    posting_id INTEGER NOT NULL REFERENCES posting(id),
                    PRIMARY KEY (campaign, posting_id)
                ) WITHOUT ROWID;
                """)
        },
        // The ID number's uniqueness moves from a constraint inside the table to a named unique
        // index. Same rule, but an index can be dropped for a first, city-wide load and built
        // again from sorted keys at its end: maintained row by row, a million random keys made
        // SQLite rewrite each index page dozens of times (6 GB written for a 260 MB ledger).
        Migration("ledger-v2-id-number-index") { db in
            let otherIndexes = try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person' AND sql IS NOT NULL
                """)
            try db.execute(sql: """
                CREATE TABLE person_v2 (
                    id INTEGER PRIMARY KEY,                -- rowid: new people append, imports stay fast
                    id_number TEXT NOT NULL,               -- 18 characters, normalized (GB 11643); unique, below
                    name TEXT NOT NULL,
                    phone TEXT,                            -- 11 digits, normalized
                    gender TEXT NOT NULL,                  -- from the ID number
                    birth_date TEXT NOT NULL,              -- yyyy-MM-dd, from the ID number
                    township TEXT NOT NULL DEFAULT '',
                    village TEXT NOT NULL DEFAULT '',
                    groups INTEGER NOT NULL DEFAULT 0,     -- bit set of TargetGroup
                    skills TEXT NOT NULL DEFAULT '',
                    desired_job TEXT NOT NULL DEFAULT '',
                    source TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                INSERT INTO person_v2 SELECT id, id_number, name, phone, gender, birth_date, township, village, groups,
                    skills, desired_job, source, created_at, updated_at FROM person;
                DROP TABLE person;
                ALTER TABLE person_v2 RENAME TO person;
                CREATE UNIQUE INDEX person_id_number ON person(id_number);
                """)
            for sql in otherIndexes { try db.execute(sql: sql) }
        },
        // A third of every person row was bookkeeping text written again and again: the source
        // file's name and two timestamps (56 bytes), plus the birth date and gender, which the ID
        // number already holds. A million-row import wrote all of it twice (the WAL, then the
        // checkpoint). Now source names live once in `ledger_source` and times are Unix seconds;
        // birth date and gender are read from the ID number when wanted (`ResidentID.birthDate`,
        // `.gender`; in SQL `substr(id_number, 7, 8)`). Virtual generated columns were measured
        // and refused: SQLite computes them on every insert, which doubled the cost of a row.
        // Registrations keep their time as Unix seconds too. Rows shrink from about 150 to 85 bytes.
        Migration("ledger-v3-compact-rows") { db in
            let personIndexes = try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person' AND sql IS NOT NULL
                """)
            let registrationIndexes = try String.fetchAll(db, sql: """
                SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'registration' AND sql IS NOT NULL
                """)
            try db.execute(sql: """
                CREATE TABLE ledger_source (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE              -- the file an import read, or 'walk-in'
                );
                INSERT INTO ledger_source (name) SELECT DISTINCT source FROM person ORDER BY source;
                CREATE TABLE person_v3 (
                    id INTEGER PRIMARY KEY,                -- rowid: new people append, imports stay fast
                    id_number TEXT NOT NULL,               -- 18 characters, normalized (GB 11643); unique index
                    name TEXT NOT NULL,
                    phone TEXT,                            -- 11 digits, normalized
                    township TEXT NOT NULL DEFAULT '',
                    village TEXT NOT NULL DEFAULT '',
                    groups INTEGER NOT NULL DEFAULT 0,     -- bit set of TargetGroup
                    skills TEXT NOT NULL DEFAULT '',
                    desired_job TEXT NOT NULL DEFAULT '',
                    source_id INTEGER NOT NULL,            -- ledger_source(id); unchecked: the import looks it up
                    created_at INTEGER NOT NULL,           -- Unix time, seconds
                    updated_at INTEGER NOT NULL            -- Unix time, seconds
                );
                INSERT INTO person_v3 (id, id_number, name, phone, township, village, groups, skills, desired_job,
                                       source_id, created_at, updated_at)
                SELECT p.id, p.id_number, p.name, p.phone, p.township, p.village, p.groups, p.skills, p.desired_job,
                       s.id, coalesce(CAST(strftime('%s', p.created_at) AS INTEGER), 0),
                       coalesce(CAST(strftime('%s', p.updated_at) AS INTEGER), 0)
                FROM person p JOIN ledger_source s ON s.name = p.source;
                DROP TABLE person;
                ALTER TABLE person_v3 RENAME TO person;
                CREATE TABLE registration_v3 (
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    channel TEXT NOT NULL,                 -- import or walk-in
                    registered_at INTEGER NOT NULL,        -- Unix time, seconds
                    PRIMARY KEY (campaign, person_id)
                ) WITHOUT ROWID;
                INSERT INTO registration_v3 SELECT campaign, person_id, channel,
                    coalesce(CAST(strftime('%s', registered_at) AS INTEGER), 0) FROM registration;
                DROP TABLE registration;
                ALTER TABLE registration_v3 RENAME TO registration;
                """)
            for sql in personIndexes + registrationIndexes { try db.execute(sql: sql) }
        },
        // Lookups by phone (`WHERE phone = ?`: check-in, outcome records) never look for a missing
        // phone, so people without one stay out of the index (a first million-row import rebuilds
        // it 25 % faster). The check-in plugin used to create this index on the ledger's table; the
        // ledger owns it now, and builds it afresh so every workspace has the same definition.
        Migration("ledger-v4-person-phone-index") { db in
            try db.execute(sql: """
                DROP INDEX IF EXISTS person_phone;
                CREATE INDEX person_phone ON person(phone) WHERE phone IS NOT NULL;
                """)
        },
        // Tallies count walk-ins as attended: the few registered at the desk, found without reading
        // every registration of the campaign (imports never write to this index).
        Migration("ledger-v5-walk-in-index") { db in
            try db.execute(sql: """
                CREATE INDEX registration_walk_in ON registration(campaign, person_id) WHERE channel = 'walk-in'
                """)
        },
        // Each import, as the clerk will later ask about it: which file, which sheets, the header row
        // it took and the title lines above it (a county's file says whose ledger it is there), and
        // what came of the rows.
        Migration("ledger-v6-import-log") { db in
            try db.execute(sql: """
                CREATE TABLE ledger_import (
                    id INTEGER PRIMARY KEY,
                    at INTEGER NOT NULL,                   -- Unix time, seconds
                    kind TEXT NOT NULL,                    -- import-people, import-postings, …
                    source TEXT NOT NULL,                  -- the file's name
                    format TEXT NOT NULL,                  -- CSV, utf-8 / XLSX, sheet '城关镇' / …
                    sheets TEXT NOT NULL,                  -- JSON: name, header row, description, counts per sheet
                    rows INTEGER NOT NULL,
                    inserted INTEGER NOT NULL,
                    updated INTEGER NOT NULL,
                    unchanged INTEGER NOT NULL,
                    rejected INTEGER NOT NULL,
                    skipped INTEGER NOT NULL
                )
                """)
        },
        // Each campaign's offer is its own: the openings (and salary) a posting had at a fair stay
        // with that fair, so loading April's list with new numbers never rewrites March's report.
        // The posting keeps the latest numbers, for lists and forms.
        Migration("ledger-v7-campaign-offer") { db in
            try db.execute(sql: """
                ALTER TABLE campaign_posting ADD COLUMN openings INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE campaign_posting ADD COLUMN salary_min INTEGER;
                ALTER TABLE campaign_posting ADD COLUMN salary_max INTEGER;
                UPDATE campaign_posting SET
                    openings = (SELECT p.openings FROM posting p WHERE p.id = campaign_posting.posting_id),
                    salary_min = (SELECT p.salary_min FROM posting p WHERE p.id = campaign_posting.posting_id),
                    salary_max = (SELECT p.salary_max FROM posting p WHERE p.id = campaign_posting.posting_id);
                """)
        },
        // A clerk's posting list numbers its postings (岗位编号 001, 002 …) per enterprise: a code
        // is unique within an enterprise, not across the ledger. Rebuilt without the ledger-wide
        // constraint; lookups by code go through an index and say when a code is ambiguous.
        Migration("ledger-v8-posting-code-per-enterprise") { db in
            try db.execute(sql: """
                CREATE TABLE posting_v8 (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL,                    -- from the clerk's list, or generated (P + 6)
                    credit_code TEXT NOT NULL REFERENCES enterprise(credit_code),
                    title TEXT NOT NULL,
                    openings INTEGER NOT NULL,             -- the latest list's; each campaign keeps its own
                    salary_min INTEGER,
                    salary_max INTEGER,
                    location TEXT NOT NULL DEFAULT '',
                    requirements TEXT NOT NULL DEFAULT '',
                    source TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL,
                    UNIQUE (credit_code, title),
                    UNIQUE (credit_code, code)
                );
                INSERT INTO posting_v8 SELECT id, code, credit_code, title, openings, salary_min, salary_max, location,
                    requirements, source, created_at, updated_at FROM posting;
                DROP TABLE posting;
                ALTER TABLE posting_v8 RENAME TO posting;
                CREATE INDEX posting_code ON posting(code);
                """)
        },
    ]

    /// The number `person.source_id` stores for a source name, adding the name on first use.
    static func sourceID(_ db: Database, _ name: String) throws -> Int64 {
        try db.execute(sql: "INSERT INTO ledger_source (name) VALUES (?) ON CONFLICT (name) DO NOTHING", arguments: [name])
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM ledger_source WHERE name = ?", arguments: [name]) else {
            throw WorkflowError.internal("the ledger source '\(name)' was not saved")
        }
        return id
    }

    /// Unix seconds, as person and registration times are stored.
    static func unixTime(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}

/// Short random codes for postings: Crockford base-32 (no I, L, O, U), so a code read aloud or
/// typed is not mistaken.
enum ShortCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// 8 characters = 40 random bits.
    static func make(prefix: String = "", length: Int = 8) -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = Array(prefix.utf8)
        var bits = generator.next() as UInt64
        for _ in 0..<length {
            bytes.append(alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
