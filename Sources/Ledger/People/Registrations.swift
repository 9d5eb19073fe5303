import Foundation
import GRDB
import Workflow

/// What hangs off a campaign's name when people register: the campaign must exist, and each
/// campaign has its own badge-code secret.
public enum Registrations {
    /// The campaign must have been started: registrations hang off its name.
    public static func requireCampaign(_ db: Database, _ campaign: String) throws {
        _ = try RunQueries.requireRun(db, campaign)
    }

    /// The campaign must have been started and still hold its people's data: a shredded campaign takes
    /// no one new and no new outcome (its figures stand as they were when it was shredded).
    public static func requireOpenCampaign(_ db: Database, _ campaign: String) throws {
        try requireCampaign(db, campaign)
        if let shred = try ShredRecords.shred(db, of: campaign) {
            throw WorkflowError.usage(LedgerMessages.shredded(["campaign": campaign, "reason": shred.reason, "actor": shred.actor]),
                                      hint: LedgerMessages.startNew())
        }
    }

    /// The campaign's badge-code scheme, creating its secret on first use.
    public static func badgeCode(_ db: Database, for campaign: String) throws -> BadgeCode {
        if let secret = try Int64.fetchOne(db.cachedStatement(sql: "SELECT secret FROM campaign_badge_key WHERE campaign = ?"),
                                           arguments: [campaign]) {
            return BadgeCode(key: UInt64(bitPattern: secret))
        }
        let key = BadgeCode.newKey()
        try db.execute(sql: "INSERT INTO campaign_badge_key (campaign, secret) VALUES (?, ?)",
                       arguments: [campaign, Int64(bitPattern: key)])
        return BadgeCode(key: key)
    }
}

/// Reads of who is registered for a campaign, for the plugins that scan, record and count them.
extension Registrations {
    /// Registers someone already in the ledger to a campaign (a bus campaign taking a fair's placed
    /// workers); true when they were not registered yet. `badgeKeyMade`: the caller made the campaign's
    /// badge key already (an import registering thousands looks it up once, not once a person).
    @discardableResult
    public static func register(_ db: Database, _ person: Int64, campaign: String, channel: String, now: Date,
                                badgeKeyMade: Bool = false) throws -> Bool {
        if !badgeKeyMade { _ = try badgeCode(db, for: campaign) }
        try db.cachedStatement(sql: """
            INSERT INTO registration (campaign, person_id, channel, registered_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (campaign, person_id) DO NOTHING
            """).execute(arguments: [campaign, person, channel, LedgerSchema.unixTime(now)])
        return db.changesCount > 0
    }

    public static func isRegistered(_ db: Database, _ person: Int64, campaign: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM registration WHERE campaign = ? AND person_id = ?)
            """), arguments: [campaign, person]) ?? false
    }

    /// When the person was registered for the campaign, or nil when they are not.
    public static func registeredAt(_ db: Database, _ person: Int64, campaign: String) throws -> Date? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT registered_at FROM registration WHERE campaign = ? AND person_id = ?
            """), arguments: [campaign, person]).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// Everyone registered for the campaign, by township, village and name (as badges are printed).
    public static func people(_ db: Database, of campaign: String) throws -> [PersonSummary] {
        try Row.fetchAll(db, sql: """
            SELECT p.id, p.name, p.id_number, p.phone, p.township, p.village, p.groups
            FROM registration r JOIN person p ON p.id = r.person_id
            WHERE r.campaign = ? ORDER BY p.township, p.village, p.name, p.id
            """, arguments: [campaign]).map(PersonSummary.init)
    }

    /// Registered people whose ID number or phone ends with `digits` (the desk types the last four).
    public static func matching(_ db: Database, digits: String, campaign: String, limit: Int) throws -> [PersonSummary] {
        try Row.fetchAll(db, sql: """
            SELECT p.id, p.name, p.id_number, p.phone, p.township, p.village, p.groups
            FROM registration r JOIN person p ON p.id = r.person_id
            WHERE r.campaign = ? AND (p.id_number LIKE '%' || ? OR p.phone LIKE '%' || ?) LIMIT ?
            """, arguments: [campaign, digits, digits, limit]).map(PersonSummary.init)
    }

    /// The people a campaign registered, by ledger number ascending: the stream a tally merges
    /// the plugins' sorted lists into.
    public static func registeredPeople(_ db: Database, campaign: String) throws -> [Int64] {
        try sortedPeople(db, sql: "SELECT person_id FROM registration WHERE campaign = ? ORDER BY person_id",
                         campaign: campaign)
    }

    /// Every desk registration (walk-in) in the workspace, with its time (Unix seconds).
    public static func allWalkIns(_ db: Database) throws -> [(campaign: String, person: Int64, at: Int64)] {
        try Row.fetchAll(db, sql: """
            SELECT campaign, person_id, registered_at FROM registration WHERE channel = 'walk-in' ORDER BY campaign, person_id
            """).map { ($0["campaign"], $0["person_id"], $0["registered_at"]) }
    }

    /// The people who registered at the desk (walk-ins), by ledger number ascending.
    public static func walkIns(_ db: Database, campaign: String) throws -> [Int64] {
        try sortedPeople(db, sql: """
            SELECT person_id FROM registration INDEXED BY registration_walk_in
            WHERE campaign = ? AND channel = 'walk-in' ORDER BY person_id
            """, campaign: campaign)
    }

    private static func sortedPeople(_ db: Database, sql: String, campaign: String) throws -> [Int64] {
        let statement = try RawStatement(db, sql: sql)
        statement.bind(1, campaign)
        var people: [Int64] = []
        while try statement.step() { people.append(statement.int(0)) }
        return people
    }

    /// How many people a set of campaigns registered, counting no further than `limit`: enough to
    /// choose between ways of reading them without counting a million first.
    public static func count(_ db: Database, campaigns: [String], upTo limit: Int) throws -> Int {
        let marks = Array(repeating: "?", count: campaigns.count).joined(separator: ", ")
        return try Int.fetchOne(db, sql: """
            SELECT count(*) FROM (SELECT 1 FROM registration WHERE campaign IN (\(marks)) LIMIT ?)
            """, arguments: StatementArguments(campaigns) + [limit]) ?? 0
    }
}
