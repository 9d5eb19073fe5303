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

    /// Whether the checkpoint has admission days at all (most have none: one look per transaction).
    static func any(_ db: Database, campaign: String, checkpoint: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM checkin_admission WHERE campaign = ? AND checkpoint = ?)
            """), arguments: [campaign, checkpoint]) ?? false
    }

    /// The day a person may pass, if the checkpoint sets one for them.
    static func day(_ db: Database, campaign: String, checkpoint: String, person: Int64) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT day FROM checkin_admission WHERE campaign = ? AND checkpoint = ? AND person_id = ?
            """), arguments: [campaign, checkpoint, person])
    }
}
