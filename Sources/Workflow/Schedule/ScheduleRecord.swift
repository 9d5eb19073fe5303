import Foundation
import GRDB

/// A definition with `on: schedule:` as stored by `campaign start`: the daemon starts a run of it
/// at each of its times.
public struct ScheduleRecord: Codable, FetchableRecord, Sendable {
    public var name: String
    public var definitionPath: String
    public var definitionText: String
    public var varsJson: String
    public var timeZoneIdentifier: String
    public var createdAt: Date
    /// The next time a run starts; nil when its expressions name no time within five years.
    public var nextFireAt: Date?
    public var lastFiredAt: Date?
    /// The campaign the last firing started.
    public var lastCampaign: String?

    public static let databaseTableName = "workflow_schedule"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? WorkflowDefinition.defaultTimeZone }

    /// The campaign name of the run started at `time`: the schedule's name and the time, e.g.
    /// `reminders-20260302-0900`, so each firing is a campaign of its own in `status` and `tally`.
    public static func campaign(_ name: String, firedAt time: Date, timeZone: TimeZone) -> String {
        let stamp = TimeFormats.display(time, timeZone: timeZone)   // 2026-03-02 09:00
            .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            .replacingOccurrences(of: " ", with: "-")
        return "\(name)-\(stamp)"
    }

    public static func all(_ db: Database) throws -> [ScheduleRecord] {
        try ScheduleRecord.fetchAll(db, sql: "SELECT * FROM workflow_schedule ORDER BY name")
    }
}

extension WorkflowDefinition {
    /// The first time after `date` that any of its schedules names.
    public func nextScheduledTime(after date: Date) -> Date? {
        schedules.compactMap { $0.cron.next(after: date, in: timeZone) }.min()
    }

    /// The latest scheduled time at or before `date`, looking back at most `horizon` (a year and a
    /// month: a yearly schedule still has one), or nil.
    public func latestScheduledTime(atOrBefore date: Date, horizon: TimeInterval = 400 * 86_400) -> Date? {
        var latest: Date?
        var cursor = date.addingTimeInterval(-horizon)
        for _ in 0..<100_000 {
            guard let next = nextScheduledTime(after: cursor), next <= date else { break }
            latest = next
            cursor = next
        }
        return latest
    }
}
