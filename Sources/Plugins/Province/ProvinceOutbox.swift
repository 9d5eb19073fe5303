import Foundation
import GRDB
import Tally
import Workflow

/// The county's side of publishing, in its own workspace: which county it is (remembered from the
/// first publish, so the same people never count under two codes) and an outbox holding the latest
/// facts of each campaign with their version until the province acknowledges them. A publisher
/// killed at any moment leaves either nothing new or an outbox row the next publish delivers.
enum ProvinceOutbox {
    static let migrations = [
        Migration("province-v1") { db in
            try db.execute(sql: """
                CREATE TABLE province_county (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    code TEXT NOT NULL,                     -- the 6-digit administrative division code
                    name TEXT NOT NULL
                );
                CREATE TABLE province_outbox (
                    campaign TEXT NOT NULL,
                    version INTEGER NOT NULL,               -- grows with each change of the campaign's facts
                    facts BLOB NOT NULL,                    -- TallyFacts as JSON: counts only, no personal data
                    people BLOB,                            -- with --person-key: per person a 32-byte pseudonym
                                                            -- (HMAC-SHA256 of the ID number) and 4 bytes of reach
                    made_at REAL NOT NULL,                  -- when they were counted (seconds since 1970)
                    delivered_at REAL,                      -- when the province acknowledged them; NULL while pending
                    PRIMARY KEY (campaign, version)
                ) WITHOUT ROWID;
                """)
        },
    ]

    struct Entry {
        var campaign: String
        var version: Int64
        var facts: Data
        var people: Data?
        var madeAt: Date
        var deliveredAt: Date?
    }

    static func county(_ db: Database) throws -> (code: String, name: String)? {
        try Row.fetchOne(db, sql: "SELECT code, name FROM province_county WHERE id = 1").map { ($0["code"], $0["name"]) }
    }

    static func remember(_ db: Database, code: String, name: String) throws {
        try db.execute(sql: """
            INSERT INTO province_county VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name
            """, arguments: [code, name])
    }

    static func latest(_ db: Database, campaign: String) throws -> Entry? {
        try Row.fetchOne(db, sql: """
            SELECT * FROM province_outbox WHERE campaign = ? ORDER BY version DESC LIMIT 1
            """, arguments: [campaign]).map { row in
            Entry(campaign: row["campaign"], version: row["version"], facts: row["facts"], people: row["people"],
                  madeAt: Date(timeIntervalSince1970: row["made_at"]),
                  deliveredAt: (row["delivered_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
        }
    }

    /// Keeps `facts` as the campaign's latest unless they equal what is there; a new version is above
    /// both the outbox's and the province's (a workspace restored from an older backup still moves forward).
    /// Older versions go: publishing is state, not events.
    static func stage(_ db: Database, campaign: String, facts: Data, people: Data?, held: Int64?, now: Date) throws -> Entry {
        let latest = try latest(db, campaign: campaign)
        if let latest, latest.facts == facts, latest.people == people, latest.version >= (held ?? 0) { return latest }
        let version = max(latest?.version ?? 0, held ?? 0) + 1
        try db.execute(sql: "INSERT INTO province_outbox VALUES (?, ?, ?, ?, ?, NULL)",
                       arguments: [campaign, version, facts, people, now.timeIntervalSince1970])
        try db.execute(sql: "DELETE FROM province_outbox WHERE campaign = ? AND version < ?", arguments: [campaign, version])
        return Entry(campaign: campaign, version: version, facts: facts, people: people, madeAt: now, deliveredAt: nil)
    }

    static func markDelivered(_ db: Database, _ entries: [Entry], at now: Date) throws {
        for entry in entries {
            try db.execute(sql: "UPDATE province_outbox SET delivered_at = ? WHERE campaign = ? AND version = ?",
                           arguments: [now.timeIntervalSince1970, entry.campaign, entry.version])
        }
    }

    /// The facts as the outbox keeps them: the same bytes for the same facts (sorted keys), so an
    /// unchanged campaign is seen as unchanged.
    static func encode(_ facts: TallyFacts) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        return try encoder.encode(facts)
    }

    static func decode(_ data: Data) throws -> TallyFacts {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return try decoder.decode(TallyFacts.self, from: data)
    }
}
