import Foundation
import GRDB
import Workflow

/// What hangs off a campaign's name when people register: the campaign must exist, and each
/// campaign has its own badge-code secret.
public enum Registrations {
    /// The campaign must have been started: registrations hang off its name.
    public static func requireCampaign(_ campaign: String, db: Database) throws {
        _ = try RunQueries.requireRun(campaign, in: db)
    }

    /// The campaign's badge-code scheme, creating its secret on first use.
    public static func badgeCode(for campaign: String, db: Database) throws -> BadgeCode {
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
