import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

extension TallyLanguage: ExpressibleByArgument {}

struct TallyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: CommandHelp.text(
            zh: "统计活动的漏斗——岗位、到场、面试、意向、就业——并按维度分组。",
            en: "Count a campaign's funnel — positions, attendance, interviews, intents, placements — with breakdowns."),
        discussion: """
            Counting rules: a person counts once per stage per campaign, however many postings they
            try; a placement implies the interview and the intent; attended = distinct people with an
            accepted check-in, walk-ins included; several campaigns add up (人次).
            Formats: table (terminal), csv, json (stable keys, see README), xlsx and html (written to
            --out, default tally-NAME.xlsx / .html). Reports hold counts only, no personal data.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, xlsx, html
    }

    @Argument(help: "The campaigns to tally (or --all).") var campaigns: [String] = []
    @Flag(help: "Every campaign in the workspace (narrowed by --from/--to).") var all = false
    @Option(help: "Only campaigns started on or after this day, e.g. 2026-01-01.") var from: String?
    @Option(help: "Only campaigns started on or before this day, e.g. 2026-12-31.") var to: String?
    @Option(name: .customLong("by"), parsing: .upToNextOption,
            help: "Breakdowns: campaign, township, village, group, enterprise, posting (repeatable or comma-separated).")
    var breakdowns: [String] = []
    @Option(help: "table, csv, json, xlsx or html.") var format: Format = .table
    @Flag(help: "Add the list of placed people, masked (not in csv).") var listPlaced = false
    @Option(name: .customLong("lang"), help: "zh (Chinese labels) or en (default: $CAMPAIGN_LANG, else zh).")
    var langOption: TallyLanguage?

    /// `--lang`, else `CAMPAIGN_LANG`, else Chinese.
    var lang: TallyLanguage { langOption ?? (Language.fromEnvironment() == .en ? .en : .zh) }
    var language: Language { lang == .en ? .en : .zh }
    @Option(help: "Write to this file (table/csv/json: instead of the terminal; xlsx/html default: tally-NAME.xlsx).")
    var out: String?
    @Option(help: "填报单位: the reporting unit (default: the campaign's vars.report_unit).") var unit: String?
    @Option(help: "负责人: who answers for the figures (default: vars.report_head).") var head: String?
    @Option(help: "填报人: who prepared the report (default: vars.report_preparer).") var preparer: String?
    @Option(help: "联系电话: the phone to call about it (default: vars.report_phone).") var phone: String?
    @Option(name: .customLong("report-date"), help: "日期: the day it is signed, e.g. 2026-03-05 (default: today).")
    var reportDate: String?
    @Option(name: .customLong("compare-from"), help: "Compare with the campaigns held from this day, e.g. 2025-01-01.")
    var compareFrom: String?
    @Option(name: .customLong("compare-to"), help: "… to this day, e.g. 2025-12-31 (an empty period compares as zeros).")
    var compareTo: String?
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        for (flag, day) in [("--compare-from", compareFrom), ("--compare-to", compareTo)] {
            if let day, SheetDate.parse(day) == nil {
                throw ValidationError("\(flag): '\(day)' 不是日期 is not a date; write it like 2025-01-01")
            }
        }
        if let reportDate, SheetDate.parse(reportDate) == nil {
            throw ValidationError("--report-date: '\(reportDate)' 不是日期 is not a date; write it like 2026-03-05")
        }
        if all && !campaigns.isEmpty { throw ValidationError("name campaigns or use --all, not both") }
        if listPlaced && format == .csv {
            throw ValidationError("--list-placed does not fit the one-table CSV; use table, json, xlsx or html, "
                                  + "or `campaign outcomes --stage placement --csv FILE`")
        }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language) {
            let request = TallyRequest(campaigns: campaigns, all: all, from: from, to: to, breakdowns: try TallyDimension.parseList(breakdowns, among: TallyDimension.known(PluginSystem.plugins.tallySections)),
                                       listPlaced: listPlaced)
            let ws = try workspace.openExisting()
            let now = try CommandSupport.clock().now()
            let pool = ws.pool
            let flags = ReportSignature(unit: unit, head: head, preparer: preparer, phone: phone,
                                        date: reportDate.flatMap(SheetDate.parse))
            let (report, stale) = try await pool.read { db in
                var report = try TallyQuery.run(request, sections: PluginSystem.plugins.tallySections, now: now,
                                                parallel: pool, db: db)
                report.signature = report.signature.overridden(by: flags)
                if compareFrom != nil || compareTo != nil {
                    report = try TallyQuery.compare(report, from: compareFrom.flatMap(SheetDate.parse),
                                                    to: compareTo.flatMap(SheetDate.parse),
                                                    sections: PluginSystem.plugins.tallySections, now: now, db: db)
                }
                return (report, try WrittenReports.stale(report, db: db))
            }
            let t = Terminal.standard
            // The report a campaign's step (or an earlier `--out`) wrote no longer holds: say so, not silently.
            if let stale, out == nil || format == .table {
                Terminal.error(TallyCommandMessages.stale([
                    "time": TimeFormats.display(stale.writtenAt, timeZone: report.timeZone), "files": stale.files,
                    "changes": stale.changes(in: language), "campaign": stale.campaign]).text(language))
            }
            switch format {
            case .table, .csv, .json:
                let text: String
                switch format {
                case .csv: text = TallyTextReport.csv(report, lang: lang)
                case .json: text = String(decoding: try TallyJSON.encode(report), as: UTF8.self) + "\n"
                default: text = TallyTextReport.table(report, lang: lang, width: Terminal.width)
                }
                if let out {
                    try write(Data(text.utf8), to: out)
                    t.line(TallyCommandMessages.wrote(["file": out]).text(language))
                } else {
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
            case .xlsx, .html:
                let name = out ?? "tally-\(report.campaigns.count == 1 ? report.campaigns[0].name : "all").\(format.rawValue)"
                let url = URL(fileURLWithPath: name)
                do {
                    try TallyPlugin.write(report, format: format == .xlsx ? .xlsx : .html, lang: lang, to: url)
                } catch let error as WorkflowError {
                    throw error
                } catch {
                    throw WorkflowError.unavailable(ToolMessages.couldNotWrite(["name": name, "reason": error.localizedDescription]),
                                                    hint: ToolMessages.checkFolder())
                }
                let headline = report.peopleMeasures.filter(\.highlight)
                    .map { "\(report.funnel[$0.key] ?? 0) \($0.key)" }.joined(separator: ", ")
                // Bookkeeping only: a read-only workspace still gets its report file.
                _ = try? await pool.write { db in try WrittenReports.record(report, files: [url.path], now: now, db: db) }
                t.line(TallyCommandMessages.wroteWithHeadline(["file": name, "headline": headline]).text(language))
            }
        }
    }

    func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw WorkflowError.unavailable(ToolMessages.couldNotWrite(["name": path, "reason": error.localizedDescription]),
                                            hint: ToolMessages.checkFolder())
        }
    }
}
