import Foundation
import GRDB
import Workflow

/// `monitoring.compare`: reads the month's sheets against the month before by `MonthlyChanges` and
/// keeps the changes found (the tally counts them; `campaign monitoring --changes` lists them).
/// Running it again after a late sheet replaces what it found.
struct CompareAction: StepAction {
    struct Input: Decodable, Sendable {}

    static let descriptor = ActionDescriptor(
        name: "compare",
        summary: "Compares the month's sheets with the month before: newly unemployed, returned home, newly out of province.",
        parameters: [],
        outputs: [
            OutputSpec("monitored", doc: "People on this month's sheets."),
            OutputSpec("working", doc: "Of them working (务工规模)."),
            OutputSpec("out_of_province", doc: "Working outside the province."),
            OutputSpec("away_3_months", doc: "Out of province for three months or more."),
            OutputSpec("wanting_work", doc: "Not working and wanting work: the one-to-one help list."),
            OutputSpec("newly_unemployed", doc: "Working last month, not this month."),
            OutputSpec("returned_home", doc: "Working outside the county last month, at home or in the county now."),
            OutputSpec("newly_out_of_province", doc: "Out of province this month and not last month."),
            OutputSpec("newly_monitored", doc: "On this month's sheets and not last month's."),
            OutputSpec("previous", doc: "The month compared against ('' when none)."),
        ]
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        guard let month = try MonitoringRecords.month(db, campaign: context.campaign)?.month else {
            throw StepFailure(context.say(MonitoringMessages.noMonth, ["campaign": context.campaign]), retryable: false)
        }
        let found = try MonthComparison.make(db, campaign: context.campaign, month: month)
        try db.execute(sql: "DELETE FROM monitoring_change WHERE campaign = ?", arguments: [context.campaign])
        let insert = try db.cachedStatement(sql: "INSERT INTO monitoring_change (campaign, person_id, kind) VALUES (?, ?, ?)")
        for (change, people) in found.changes {
            for person in people { try insert.execute(arguments: [context.campaign, person, change.rawValue]) }
        }
        func count(_ change: MonthlyChanges.Change) -> Value { .int(found.changes[change]?.count ?? 0) }
        return .completed(outputs: [
            "monitored": .int(found.now.count), "working": .int(found.now.values.filter(\.working).count),
            "out_of_province": .int(found.now.values.filter(\.outOfProvince).count), "away_3_months": .int(found.awayThreeMonths.count),
            "wanting_work": .int(found.now.values.filter(\.needsHelp).count),
            "newly_unemployed": count(.newlyUnemployed), "returned_home": count(.returnedHome),
            "newly_out_of_province": count(.newlyOutOfProvince), "newly_monitored": count(.newlyMonitored),
            "previous": .string(found.previous ?? ""),
        ])
    }
}

/// One month's sheets read against the months before.
struct MonthComparison: Sendable {
    var now: [Int64: MonthlyChanges.Status]
    var previous: String?
    var changes: [MonthlyChanges.Change: [Int64]]
    var awayThreeMonths: Set<Int64>

    static func make(_ db: Database, campaign: String, month: String) throws -> MonthComparison {
        let now = try MonitoringRecords.statuses(db, campaign: campaign)
        let previous = try MonitoringRecords.previousMonth(db, before: month)
        let before = try previous.map { try MonitoringRecords.statuses(db, month: $0) } ?? [:]
        let twoBefore = try previous.flatMap { try MonitoringRecords.previousMonth(db, before: $0) }
            .map { try MonitoringRecords.statuses(db, month: $0) } ?? [:]
        var changes: [MonthlyChanges.Change: [Int64]] = [:]
        var away = Set<Int64>()
        for (person, status) in now.sorted(by: { $0.key < $1.key }) {
            // With no earlier month at all, nobody is "newly" anything.
            if previous != nil {
                for change in MonthlyChanges.changes(now: status, before: before[person]) { changes[change, default: []].append(person) }
            }
            if MonthlyChanges.awayThreeMonths(status, month: month, earlier: [before[person], twoBefore[person]]) {
                away.insert(person)
            }
        }
        return MonthComparison(now: now, previous: previous, changes: changes, awayThreeMonths: away)
    }
}
