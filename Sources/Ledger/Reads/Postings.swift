import GRDB
import Workflow

/// A posting with its enterprise, as booth forms, outcome records and tallies show it.
public struct PostingSummary: Sendable, Equatable {
    public var id: Int64
    /// The short code printed on the posting list (e.g. P7K2M9Q).
    public var code: String
    public var title: String
    public var creditCode: String
    public var enterprise: String
    /// The openings: the campaign's own when read for a campaign, else the latest list's.
    public var openings: Int
    /// The salary range, when the read includes it (the campaign's, for a campaign's list).
    public var salaryMin: Int?
    public var salaryMax: Int?
    /// 岗位要求, when the read includes it.
    public var requirements = ""

    init(_ row: Row) {
        id = row["id"]
        code = row["code"]
        title = row["title"]
        creditCode = row["credit_code"]
        enterprise = row["enterprise"]
        openings = row["openings"]
        salaryMin = row.hasColumn("salary_min") ? row["salary_min"] : nil
        salaryMax = row.hasColumn("salary_max") ? row["salary_max"] : nil
        requirements = row.hasColumn("requirements") ? row["requirements"] : ""
    }

    /// 4000-6000, 5000以上, 至4000, 面议: the range as a list shows it.
    public var salary: String {
        switch (salaryMin, salaryMax) {
        case (nil, nil): "面议"
        case (let low?, nil): "\(low)以上"
        case (nil, let high?): "\(high)以下"
        case (let low?, let high?): low == high ? "\(low)" : "\(low)-\(high)"
        }
    }
}

/// What a campaign offered: its enterprises and postings (with the number of openings).
public struct CampaignOffer: Sendable, Equatable {
    public var enterprises = 0
    public var postings = 0
    public var positions = 0

    public init() {}
}

/// Reads of the postings in the ledger and the campaigns they are offered at.
public enum Postings {
    static let select = """
        SELECT p.id, p.code, p.title, p.credit_code, e.name AS enterprise, p.openings
        FROM posting p JOIN enterprise e ON e.credit_code = p.credit_code
        """

    /// The postings offered at a campaign, by enterprise and title, with the campaign's openings:
    /// the booth form's list and `campaign postings`.
    public static func offered(_ db: Database, at campaign: String) throws -> [PostingSummary] {
        try Row.fetchAll(db, sql: """
            SELECT p.id, p.code, p.title, p.credit_code, e.name AS enterprise, c.openings, c.salary_min, c.salary_max,
                   p.requirements
            FROM campaign_posting c JOIN posting p ON p.id = c.posting_id JOIN enterprise e ON e.credit_code = p.credit_code
            WHERE c.campaign = ? ORDER BY e.name, p.title
            """, arguments: [campaign]).map(PostingSummary.init)
    }

    /// What a code typed at a booth names.
    public enum Lookup: Sendable, Equatable {
        case none
        /// One posting, and whether it is offered at the campaign.
        case found(PostingSummary, offered: Bool)
        /// Several enterprises number their postings alike (001…) and more than one is at the campaign.
        case ambiguous([PostingSummary])
    }

    /// A posting by its code: the one offered at `campaign` when enterprises share the code.
    public static func lookup(_ db: Database, code: String, campaign: String) throws -> Lookup {
        let found = try Row.fetchAll(db.cachedStatement(sql: "\(select) WHERE p.code = ? ORDER BY e.name"), arguments: [code])
            .map(PostingSummary.init)
        guard !found.isEmpty else { return .none }
        let offered = try found.filter { posting in
            try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM campaign_posting WHERE campaign = ? AND posting_id = ?)
                """), arguments: [campaign, posting.id]) ?? false
        }
        if offered.count == 1 { return .found(offered[0], offered: true) }
        if offered.count > 1 { return .ambiguous(offered) }
        return found.count == 1 ? .found(found[0], offered: false) : .ambiguous(found)
    }

    /// The codes of the postings an enterprise (by name or credit code) offers at a campaign under a
    /// title: one for a clear match; none or several the caller words as a refusal.
    public static func codes(_ db: Database, enterprise: String, title: String, campaign: String) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT p.code FROM campaign_posting c JOIN posting p ON p.id = c.posting_id
            JOIN enterprise e ON e.credit_code = p.credit_code
            WHERE c.campaign = ? AND p.title = ? AND (e.name = ? OR e.credit_code = ?) LIMIT 2
            """), arguments: [campaign, title, enterprise, enterprise])
    }

    /// Several postings by ledger number.
    public static func summaries(_ db: Database, ids: some Collection<Int64>) throws -> [Int64: PostingSummary] {
        var found: [Int64: PostingSummary] = [:]
        let statement = try db.cachedStatement(sql: "\(select) WHERE p.id = ?")
        for id in Set(ids) {
            if let row = try Row.fetchOne(statement, arguments: [id]) { found[id] = PostingSummary(row) }
        }
        return found
    }

    /// Every posting offered at any of the campaigns, with how many of them offer it and the
    /// openings they offered in all (each campaign its own number).
    public static func offered(_ db: Database, at campaigns: [String])
        throws -> [(posting: PostingSummary, campaigns: Int, positions: Int)] {
        let marks = Array(repeating: "?", count: campaigns.count).joined(separator: ", ")
        return try Row.fetchAll(db, sql: """
            SELECT p.id, p.code, p.title, p.credit_code, e.name AS enterprise, p.openings,
                   count(DISTINCT c.campaign) AS campaigns, sum(c.openings) AS positions
            FROM campaign_posting c JOIN posting p ON p.id = c.posting_id JOIN enterprise e ON e.credit_code = p.credit_code
            WHERE c.campaign IN (\(marks)) GROUP BY p.id
            """, arguments: StatementArguments(campaigns)).map { (PostingSummary($0), $0["campaigns"], $0["positions"]) }
    }

    /// What one campaign offered: enterprises linked to it, postings and their openings.
    public static func offer(_ db: Database, of campaign: String) throws -> CampaignOffer {
        var offer = CampaignOffer()
        if let row = try Row.fetchOne(db, sql: """
            SELECT count(*) AS postings, coalesce(sum(openings), 0) AS positions
            FROM campaign_posting WHERE campaign = ?
            """, arguments: [campaign]) {
            offer.postings = row["postings"]
            offer.positions = row["positions"]
        }
        offer.enterprises = try Int.fetchOne(db, sql: "SELECT count(*) FROM campaign_enterprise WHERE campaign = ?",
                                             arguments: [campaign]) ?? 0
        return offer
    }
}

/// An enterprise as check-in and tallies show it.
public struct EnterpriseSummary: Sendable, Equatable {
    public var creditCode: String
    public var name: String
    /// Whether it is linked to the campaign asked about (its list or postings were imported with it).
    public var invited: Bool
}

/// An enterprise a campaign invited, with its industry (booth zones group by it).
public struct InvitedEnterprise: Sendable, Equatable {
    public var creditCode: String
    public var name: String
    public var industry: String
    /// Where its site is, as the enterprise list gave it (buses carry workers to distant ones).
    public var address: String
}

/// Reads of the enterprises in the ledger.
public enum Enterprises {
    /// The enterprises a campaign invited, by name.
    public static func invited(_ db: Database, at campaign: String) throws -> [InvitedEnterprise] {
        try Row.fetchAll(db, sql: """
            SELECT e.credit_code, e.name, e.industry, e.address
            FROM campaign_enterprise c JOIN enterprise e ON e.credit_code = c.credit_code
            WHERE c.campaign = ? ORDER BY e.name
            """, arguments: [campaign]).map {
            InvitedEnterprise(creditCode: $0["credit_code"], name: $0["name"], industry: $0["industry"], address: $0["address"])
        }
    }

    /// An enterprise by its credit code or its exact name, and whether `campaign` invited it.
    public static func find(_ db: Database, _ text: String, campaign: String) throws -> EnterpriseSummary? {
        let key = text.trimmingCharacters(in: .whitespaces)
        let upper = key.uppercased()
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT credit_code, name FROM enterprise WHERE credit_code = ? OR name = ? LIMIT 1
            """), arguments: [upper, key]) else { return nil }
        let code: String = row["credit_code"]
        let invited = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM campaign_enterprise WHERE campaign = ? AND credit_code = ?)
            """), arguments: [campaign, code]) ?? false
        return EnterpriseSummary(creditCode: code, name: row["name"], invited: invited)
    }

    /// The enterprises whose name holds `part` (a desk types 昆山精工 for 昆山精工机械有限公司): the
    /// campaign's invited ones when any of them match, else every match; at most 10, by name. Nothing
    /// for a part shorter than two characters.
    public static func named(_ db: Database, like part: String, campaign: String) throws -> [EnterpriseSummary] {
        let key = part.trimmingCharacters(in: .whitespaces)
        guard key.count >= 2 else { return [] }
        let pattern = "%" + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.credit_code, e.name,
                   EXISTS (SELECT 1 FROM campaign_enterprise c WHERE c.campaign = ? AND c.credit_code = e.credit_code) AS invited
            FROM enterprise e WHERE e.name LIKE ? ESCAPE '\\' ORDER BY invited DESC, e.name LIMIT 11
            """), arguments: [campaign, pattern])
        let found = rows.map { EnterpriseSummary(creditCode: $0["credit_code"], name: $0["name"], invited: $0["invited"]) }
        let invited = found.filter(\.invited)
        return Array((invited.isEmpty ? found : invited).prefix(10))
    }
}
