import Foundation
import GRDB
import Workflow

/// Which campaigns had their people's personal data shredded, when, by whom and why — so reports can
/// say the people behind their figures were shredded, and so a later shred knows which campaigns
/// no longer hold anyone's data.
public enum ShredRecords {
    public struct Record: Sendable, Equatable {
        public var campaign: String
        public var at: Date
        public var actor: String
        /// `manual` (campaign shred) or `retention` (the daemon, when the campaign's period ended).
        public var reason: String
        /// People pseudonymised by this shred.
        public var people: Int
        /// People of the campaign kept because another campaign still holds them.
        public var kept: Int

        public init(campaign: String, at: Date, actor: String, reason: String, people: Int, kept: Int) {
            self.campaign = campaign
            self.at = at
            self.actor = actor
            self.reason = reason
            self.people = people
            self.kept = kept
        }
    }

    /// The temporary table of the people a shred takes out, which each plugin's shredder reads.
    public static let peopleTable = "temp.shred_person"

    /// What a shredded person's ID number becomes: unique, never a valid ID number, so no import or
    /// look-up finds them again; a person imported again is a new person.
    public static let idPrefix = "已销毁-"
    /// What a shredded person's name becomes.
    public static let shreddedName = "已销毁"

    static let migrations: [Migration] = [
        Migration("shred-v1") { db in
            try db.execute(sql: """
                CREATE TABLE ledger_shred (
                    campaign TEXT PRIMARY KEY NOT NULL,
                    at DATETIME NOT NULL,
                    actor TEXT NOT NULL,
                    reason TEXT NOT NULL,                -- manual or retention
                    people INTEGER NOT NULL,             -- pseudonymised by this shred
                    kept INTEGER NOT NULL                -- still held by another campaign
                ) WITHOUT ROWID
                """)
        },
    ]

    public static func record(_ db: Database, _ record: Record) throws {
        try db.execute(sql: """
            INSERT INTO ledger_shred (campaign, at, actor, reason, people, kept) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [record.campaign, record.at, record.actor, record.reason, record.people, record.kept])
    }

    /// The shred of `campaign`, if it was shredded.
    public static func shred(_ db: Database, of campaign: String) throws -> Record? {
        try all(db).first { $0.campaign == campaign }
    }

    /// Every shred, oldest first.
    public static func all(_ db: Database) throws -> [Record] {
        try Row.fetchAll(db, sql: "SELECT * FROM ledger_shred ORDER BY at, campaign").map { row in
            Record(campaign: row["campaign"], at: row["at"], actor: row["actor"], reason: row["reason"],
                   people: row["people"], kept: row["kept"])
        }
    }

    /// Fills `peopleTable` with the people a shred of `campaign` takes out: registered in it, not
    /// shredded already, and registered in no campaign that still keeps its people's data (one not
    /// shredded). Returns those counts and the campaigns that keep the others.
    public static func choosePeople(_ db: Database, campaign: String) throws -> (people: Int, keptBy: [String: Int], kept: Int) {
        try db.execute(sql: "DROP TABLE IF EXISTS \(peopleTable)")
        try db.execute(sql: "CREATE TABLE \(peopleTable) (id INTEGER PRIMARY KEY)")
        let keeping = """
            SELECT r2.person_id, r2.campaign FROM registration r
            JOIN registration r2 ON r2.person_id = r.person_id AND r2.campaign <> r.campaign
            WHERE r.campaign = ?1 AND r2.campaign NOT IN (SELECT campaign FROM ledger_shred)
            """
        try db.execute(sql: """
            INSERT INTO \(peopleTable) (id)
            SELECT r.person_id FROM registration r JOIN person p ON p.id = r.person_id
            WHERE r.campaign = ?1 AND substr(p.id_number, 1, \(idPrefix.count)) <> ?2
              AND r.person_id NOT IN (SELECT person_id FROM (\(keeping)))
            """, arguments: [campaign, idPrefix])
        let people = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(peopleTable)") ?? 0
        var keptBy: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT campaign, count(DISTINCT person_id) AS n FROM (\(keeping)) GROUP BY campaign",
                                    arguments: [campaign]) {
            keptBy[row["campaign"]] = row["n"]
        }
        let kept = try Int.fetchOne(db, sql: "SELECT count(DISTINCT person_id) FROM (\(keeping))", arguments: [campaign]) ?? 0
        return (people, keptBy, kept)
    }

    /// The names, ID numbers and phones of the people in `peopleTable`, for scrubbing free text.
    public static func values(_ db: Database) throws -> ShredValues {
        var values = ShredValues()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT p.name, p.id_number, p.phone FROM person p JOIN \(peopleTable) s ON s.id = p.id
            """)
        while let row = try rows.next() {
            values.add(name: row["name"], idNumber: row["id_number"], phone: row["phone"])
        }
        return values
    }

    /// A few of them, masked, for a dry run to show.
    public static func sample(_ db: Database, limit: Int) throws -> [String] {
        try Row.fetchAll(db, sql: """
            SELECT p.name, p.id_number, p.township, p.village FROM person p JOIN \(peopleTable) s ON s.id = p.id
            ORDER BY p.id LIMIT ?
            """, arguments: [limit]).map { row in
            let place = [row["township"] as String, row["village"] as String].filter { !$0.isEmpty }.joined(separator: " ")
            return "\(Masking.name(row["name"])) \(Masking.idNumber(row["id_number"]))" + (place.isEmpty ? "" : " \(place)")
        }
    }

    /// Pseudonymises the ledger's rows of the people in `peopleTable`: name, ID number, phone, skills
    /// and wished job go; township, village and target groups — what tallies count by — stay; their
    /// change history goes. Returns the people changed.
    public static func pseudonymise(_ db: Database, now: Date) throws -> Int {
        try db.execute(sql: "DELETE FROM person_change WHERE person_id IN (SELECT id FROM \(peopleTable))")
        // Rewriting a large share of the ledger's ID numbers and phones one index entry at a time costs
        // far more than building the indexes again from the table (as a first import does): with this
        // and ShredValues' byte keys, shredding a million people went from 5× a plain VACUUM to 2.3×.
        let shredding = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(peopleTable)") ?? 0
        let everyone = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0
        let indexes = shredding >= 20_000 && shredding * 4 >= everyone
            ? try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person' AND sql IS NOT NULL
                """).map { (name: $0["name"] as String, sql: $0["sql"] as String) }
            : []
        for index in indexes { try db.execute(sql: "DROP INDEX \(index.name)") }
        try db.execute(sql: """
            UPDATE person SET name = ?, id_number = ? || id, phone = NULL, skills = '', desired_job = '', updated_at = ?
            WHERE id IN (SELECT id FROM \(peopleTable))
            """, arguments: [shreddedName, idPrefix, LedgerSchema.unixTime(now)])
        let changed = db.changesCount
        for index in indexes { try db.execute(sql: index.sql) }
        return changed
    }

    public static func dropPeopleTable(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS \(peopleTable)")
    }
}
