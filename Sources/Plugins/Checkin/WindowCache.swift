import Foundation
import GRDB
import Ledger
import Workflow

/// Checkpoint windows and campaign time zones read once per transaction: they cannot change while it
/// holds the write lock.
final class WindowCache {
    private var windows: [String: CheckpointWindow?] = [:]

    private var zones: [String: TimeZone] = [:]

    private var admitsByDay: [String: Bool] = [:]

    /// The day a person may pass the request's checkpoint, where it sets days (`AdmissionDays`).
    func admissionDay(_ db: Database, for request: ScanRequest, person: Int64) throws -> (day: String, closedAt: String?)? {
        let key = request.campaign + "\u{1F}" + request.checkpoint
        if admitsByDay[key] == nil {
            admitsByDay[key] = try AdmissionDays.any(db, campaign: request.campaign, checkpoint: request.checkpoint)
        }
        guard admitsByDay[key] == true else { return nil }
        return try AdmissionDays.day(db, campaign: request.campaign, checkpoint: request.checkpoint, person: person)
    }

    private var storedReasons: [Message: (english: String, form: String)] = [:]

    /// A reason as the scan ledger stores it (its English words and its stored form): the same few reasons
    /// recur through a batch (checked in; checked in at 09:12 at the north gate by 王), rendered once each.
    func stored(_ reason: Message) -> (english: String, form: String) {
        if let known = storedReasons[reason] { return known }
        let stored = (reason.text(.en), reason.storedForm)
        if storedReasons.count < 64 { storedReasons[reason] = stored }
        return stored
    }

    private var storedNow: (date: Date, text: String)?

    /// A time as the scan ledger stores it. A batch's scans share their time: written once a batch.
    func stored(_ date: Date) -> String {
        if let storedNow, storedNow.date == date { return storedNow.text }
        let text = StoredTime.text(date)
        storedNow = (date, text)
        return text
    }

    /// The campaign's own time zone: the times a scan's answer names are in it.
    func timeZone(_ db: Database, of campaign: String) throws -> TimeZone {
        if let known = zones[campaign] { return known }
        let zone = try RunQueries.timeZone(db, of: campaign) ?? WorkflowDefinition.defaultTimeZone
        zones[campaign] = zone
        return zone
    }

    func window(_ db: Database, for request: ScanRequest) throws -> CheckpointWindow? {
        let key = request.campaign + "\u{1F}" + request.checkpoint
        if let known = windows[key] { return known }
        let window = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT gates, gate_names, opens_at, closes_at, status, closed_at, walk_ins FROM checkin_window
            WHERE campaign = ? AND checkpoint = ?
            """), arguments: [request.campaign, request.checkpoint]).map { row in
            CheckpointWindow(gates: (row["gates"] as String).split(separator: ",").map(String.init),
                   gateNames: GateNames.decode(row["gate_names"]), opens: row["opens_at"],
                   closes: row["closes_at"], closed: row["status"] == "closed", closedAt: row["closed_at"],
                   walkIns: row["walk_ins"])
        }
        windows[key] = window
        return window
    }
}
