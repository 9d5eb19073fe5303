import Foundation
import GRDB
import Workflow

/// Reads of the monitoring tables for the steps, the page, the command and the tally.
enum MonitoringRecords {
    /// The month a monitoring campaign covers, if its `monitoring.month` step ran.
    static func month(_ db: Database, campaign: String) throws -> (month: String, lastYear: Int?)? {
        try Row.fetchOne(db, sql: "SELECT month, last_year FROM monitoring_month WHERE campaign = ?", arguments: [campaign])
            .map { ($0["month"], $0["last_year"]) }
    }

    /// Each person's status on one campaign's sheets.
    static func statuses(_ db: Database, campaign: String) throws -> [Int64: MonthlyChanges.Status] {
        try statuses(db, sql: "SELECT person_id, working, area, since, wants_work FROM monitoring_status WHERE campaign = ?",
                     argument: campaign)
    }

    /// Each person's status in one month, from whichever campaign (or baseline) holds that month's
    /// sheets — the latest campaign when two covered the same month.
    static func statuses(_ db: Database, month: String) throws -> [Int64: MonthlyChanges.Status] {
        try statuses(db, sql: """
            SELECT person_id, working, area, since, wants_work FROM monitoring_status WHERE month = ? ORDER BY campaign
            """, argument: month)
    }

    /// Read through a cursor by column position: a month is 100,000 rows, read three times a comparison.
    private static func statuses(_ db: Database, sql: String, argument: String) throws -> [Int64: MonthlyChanges.Status] {
        var found: [Int64: MonthlyChanges.Status] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: [argument])
        while let row = try rows.next() {
            let area: String = row[2]
            found[row[0]] = MonthlyChanges.Status(working: row[1], area: area.isEmpty ? nil : WorkArea(rawValue: area),
                                                  since: row[3], wantsWork: row[4])
        }
        return found
    }

    /// The latest month before `month` that has sheets in the workspace.
    static func previousMonth(_ db: Database, before month: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT max(month) FROM monitoring_status WHERE month < ?", arguments: [month])
    }

    /// Whether any sheet of `month` is in the workspace.
    static func hasSheets(_ db: Database, month: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM monitoring_status WHERE month = ?)", arguments: [month]) ?? false
    }

    static func changed(_ db: Database, campaign: String, _ change: MonthlyChanges.Change) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT person_id FROM monitoring_change WHERE campaign = ? AND kind = ? ORDER BY person_id",
                           arguments: [campaign, change.rawValue])
    }

    struct Help: Sendable {
        var person: Int64
        var staff: String
        var result: HelpResult
        var note: String
    }

    static func help(_ db: Database, campaign: String) throws -> [Help] {
        try Row.fetchAll(db, sql: "SELECT person_id, staff, result, note FROM monitoring_help WHERE campaign = ? ORDER BY person_id",
                         arguments: [campaign]).map {
            Help(person: $0["person_id"], staff: $0["staff"], result: HelpResult(rawValue: $0["result"]) ?? .open, note: $0["note"])
        }
    }

    /// The workspace's 务工规模 (people working) in one month, if it has that month's sheets.
    static func workingCount(_ db: Database, month: String) throws -> Int? {
        guard try hasSheets(db, month: month) else { return nil }
        return try statuses(db, month: month).values.filter(\.working).count
    }
}
