import Foundation
import GRDB
import Ledger
import Workflow

/// Checkpoint windows and campaign time zones read once per transaction: they cannot change while it
/// holds the write lock. A batch's scans are nearly all at one checkpoint, so the last one asked for is
/// answered without making a key (#39: the keys' strings showed in a check-in's profile).
final class WindowCache {
    private var windows: [String: CheckpointWindow?] = [:]
    private var lastWindow: (campaign: String, checkpoint: String, window: CheckpointWindow?, admitsByDay: Bool?)?
    private var lastZone: (campaign: String, zone: TimeZone)?

    private var zones: [String: TimeZone] = [:]

    private var admitsByDay: [String: Bool] = [:]

    /// The day a person may pass the request's checkpoint, where it sets days (`AdmissionDays`).
    func admissionDay(_ db: Database, for request: ScanRequest, person: Int64) throws -> (day: String, closedAt: String?)? {
        if let last = lastWindow, let admits = last.admitsByDay, last.campaign == request.campaign,
           last.checkpoint == request.checkpoint {
            return admits ? try AdmissionDays.day(db, campaign: request.campaign, checkpoint: request.checkpoint, person: person) : nil
        }
        let key = request.campaign + "\u{1F}" + request.checkpoint
        if admitsByDay[key] == nil {
            admitsByDay[key] = try AdmissionDays.any(db, campaign: request.campaign, checkpoint: request.checkpoint)
        }
        if let last = lastWindow, last.campaign == request.campaign, last.checkpoint == request.checkpoint {
            lastWindow?.admitsByDay = admitsByDay[key]
        }
        guard admitsByDay[key] == true else { return nil }
        return try AdmissionDays.day(db, campaign: request.campaign, checkpoint: request.checkpoint, person: person)
    }

    private var storedReasons: [String: (english: String, form: String)] = [:]

    /// A reason as the scan ledger stores it (its English words and its stored form). A reason that says
    /// nothing but its words (checked in) recurs through a batch: rendered once, found by its keys.
    func stored(_ reason: Message) -> (english: String, form: String) {
        guard reason.parts.allSatisfy({ $0.values.isEmpty && $0.words.isEmpty }) else { return (reason.text(.en), reason.storedForm) }
        let key = reason.parts.count == 1 ? reason.parts[0].text.key : reason.parts.map(\.text.key).joined(separator: "\u{1F}")
        if let known = storedReasons[key] { return known }
        let stored = (reason.text(.en), reason.storedForm)
        storedReasons[key] = stored
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
        if let lastZone, lastZone.campaign == campaign { return lastZone.zone }
        defer { lastZone = zones[campaign].map { (campaign, $0) } }
        if let known = zones[campaign] { return known }
        let zone = try RunQueries.timeZone(db, of: campaign) ?? WorkflowDefinition.defaultTimeZone
        zones[campaign] = zone
        return zone
    }

    func window(_ db: Database, for request: ScanRequest) throws -> CheckpointWindow? {
        if let last = lastWindow, last.campaign == request.campaign, last.checkpoint == request.checkpoint { return last.window }
        let key = request.campaign + "\u{1F}" + request.checkpoint
        if let known = windows[key] {
            lastWindow = (request.campaign, request.checkpoint, known, nil)
            return known
        }
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
        lastWindow = (request.campaign, request.checkpoint, window, nil)
        return window
    }
}
