import GRDB

/// The line-up as kept, for the run sheet. Its table keeps the name it had when the scheduling
/// plugin planned line-ups (`schedule_stream`): workspaces made before hold their line-ups there.
public enum StreamLineupRecords {
    public static func replace(_ db: Database, campaign: String, slots: [StreamLineup.Slot]) throws {
        try db.execute(sql: "DELETE FROM schedule_stream WHERE campaign = ?", arguments: [campaign])
        let insert = try db.makeStatement(sql: """
            INSERT INTO schedule_stream (campaign, position, start_minute, minutes, code, title, enterprise, host)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for slot in slots {
            try insert.execute(arguments: [campaign, slot.order, slot.startMinute, slot.minutes, slot.item.code, slot.item.title,
                                           slot.item.enterprise, slot.host])
        }
    }

    /// The campaign's line-up, in order (empty when none was planned).
    public static func lineup(_ db: Database, campaign: String) throws -> [StreamLineup.Slot] {
        try Row.fetchAll(db, sql: """
            SELECT position, start_minute, minutes, code, title, enterprise, host FROM schedule_stream
            WHERE campaign = ? ORDER BY position
            """, arguments: [campaign]).map {
            StreamLineup.Slot(order: $0["position"], startMinute: $0["start_minute"], minutes: $0["minutes"],
                              item: .init(code: $0["code"], title: $0["title"], enterprise: $0["enterprise"], openings: 0),
                              host: $0["host"])
        }
    }
}
