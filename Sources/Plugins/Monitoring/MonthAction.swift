import Foundation
import GRDB
import Ledger
import Workflow

/// `monitoring.month`: says which month the campaign monitors — by default the month the run was
/// started in, in the campaign's time zone, so a definition scheduled monthly needs no edit — with
/// last year's figure for the same month when the workspace does not hold it, and, for a first
/// month, the sheets of the month before (`baseline`), imported only to compare against.
struct MonthAction: StepAction {
    struct Input: Decodable, Sendable {
        var month: String?
        var last_year: Int?
        var baseline: [String]?
    }

    static let descriptor = ActionDescriptor(
        name: "month",
        summary: "Sets the month the campaign monitors (default: the run's month), with last year's figure and a baseline.",
        parameters: [
            ParameterSpec("month", .string, doc: "The month, e.g. 2026-03; default the month the run started in."),
            ParameterSpec("last_year", .integer, doc: "务工规模 (people working) in the same month last year, from last year's "
                          + "report; used when the workspace holds no sheet of that month."),
            ParameterSpec("baseline", .stringList, doc: "The sheets of the month before, when the workspace holds none: "
                          + "imported only to compare this month against (e.g. [data/monitoring/上月.csv])."),
        ],
        outputs: [
            OutputSpec("month", doc: "The month monitored."),
            OutputSpec("previous", doc: "The month it is compared against ('' when the workspace holds none)."),
            OutputSpec("baseline_rows", doc: "Rows of the baseline imported (0 when the workspace already held the month before)."),
        ],
        check: { given in
            if case .string(let month)? = given["month"], !Month.isMonth(month) {
                return [ParameterProblem(parameter: "month", MonitoringMessages.notAMonth(["value": month]))]
            }
            return []
        }
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        let month = input.month ?? Month.of(day: SheetDate.day(of: context.clock.now(), in: context.timeZone))
        guard Month.isMonth(month) else { throw StepFailure(context.say(MonitoringMessages.notAMonth, ["value": month])) }
        try db.execute(sql: """
            INSERT INTO monitoring_month (campaign, month, last_year) VALUES (?, ?, ?)
            ON CONFLICT (campaign) DO UPDATE SET month = excluded.month, last_year = excluded.last_year
            """, arguments: [context.campaign, month, input.last_year])
        let before = Month.adding(-1, to: month)
        var rows = 0
        if let files = input.baseline, !files.isEmpty, try !MonitoringRecords.hasSheets(db, month: before) {
            let kind = ImportKind("monitoring-baseline", SheetImport(baselineMonth: before), summary: MonitoringMessages.sheetKind,
                                  needsCampaign: true)
            for path in files {
                let url = context.url(forPath: path)
                do {
                    let summary = try kind.importFile(db, url, options: ImportOptions(campaign: context.campaign, source: url.lastPathComponent,
                                                                                     now: context.clock.now()))
                    rows += summary.inserted + summary.updated
                    if summary.rejected > 0 {
                        context.note(context.say(MonitoringMessages.baselineRejected, ["file": url.lastPathComponent,
                                                                                       "count": "\(summary.rejected)"]))
                    }
                } catch let error as WorkflowError where error.code == .invalidInput || error.code == .usage {
                    throw StepFailure(error.description)
                }
            }
        }
        let previous = try MonitoringRecords.previousMonth(db, before: month) ?? ""
        return .completed(outputs: ["month": .string(month), "previous": .string(previous), "baseline_rows": .int(rows)])
    }
}
