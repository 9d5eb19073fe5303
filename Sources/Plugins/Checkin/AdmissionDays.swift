import Foundation
import GRDB
import Workflow

/// The day each person may pass a checkpoint, for the plugins whose people are due on a given day —
/// a bus passenger boards on their departure day. Check-in refuses a scan on another day with the
/// right day, unless a manager lets them through (recorded in the audit log). Checkpoints without
/// admission days take anyone registered, any day the window is open.
public enum AdmissionDays {
    /// Replaces the days of `checkpoint` in `campaign` with `days` (person → `yyyy-MM-dd`).
    public static func replace(_ db: Database, campaign: String, checkpoint: String, days: [Int64: String]) throws {
        try db.execute(sql: "DELETE FROM checkin_admission WHERE campaign = ? AND checkpoint = ?", arguments: [campaign, checkpoint])
        let insert = try db.cachedStatement(sql: """
            INSERT INTO checkin_admission (campaign, checkpoint, person_id, day) VALUES (?, ?, ?, ?)
            """)
        for (person, day) in days.sorted(by: { $0.key < $1.key }) {
            try insert.execute(arguments: [campaign, checkpoint, person, day])
        }
    }

    /// Closes the admissions of `people` at `checkpoint` (their bus has left): a later scan is refused.
    public static func close(_ db: Database, campaign: String, checkpoint: String, people: [Int64], at time: String) throws {
        let update = try db.cachedStatement(sql: """
            UPDATE checkin_admission SET closed_at = ? WHERE campaign = ? AND checkpoint = ? AND person_id = ? AND closed_at IS NULL
            """)
        for person in people { try update.execute(arguments: [time, campaign, checkpoint, person]) }
    }

    /// Whether the checkpoint has admission days at all (most have none: one look per transaction).
    static func any(_ db: Database, campaign: String, checkpoint: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM checkin_admission WHERE campaign = ? AND checkpoint = ?)
            """), arguments: [campaign, checkpoint]) ?? false
    }

    /// The day a person may pass, if the checkpoint sets one for them, and when it closed early.
    static func day(_ db: Database, campaign: String, checkpoint: String, person: Int64) throws -> (day: String, closedAt: String?)? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT day, closed_at FROM checkin_admission WHERE campaign = ? AND checkpoint = ? AND person_id = ?
            """), arguments: [campaign, checkpoint, person]).map { ($0["day"], $0["closed_at"]) }
    }
}
