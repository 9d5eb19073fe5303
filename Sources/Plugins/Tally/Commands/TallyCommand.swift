import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// `--lang zh|en`, read by its raw value.
extension Language: ExpressibleByArgument {}

struct TallyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: CommandHelp.text(
            zh: "统计活动的漏斗——岗位、到场、面试、意向、就业——并按维度分组。",
            en: "Count a campaign's funnel — positions, attendance, interviews, intents, placements — with breakdowns."),
        discussion: CommandHelp.text(zh: """
            计数规则：每人每个活动每个结果只计一次，无论尝试了多少个岗位；成功就业意味着已面试和已达成意向；
            到场 = 签到被接受的不同人数，含现场登记；多个活动相加（人次）。
            格式：table（终端）、csv、json（键名稳定，见 docs/reference.md）、xlsx 和 html（写入 --out，默认 tally-活动名.xlsx / .html）。
            报表只含数字，不含个人信息。
            """, en: """
            Counting rules: a person counts once per stage per campaign, however many postings they
            try; a placement implies the interview and the intent; attended = distinct people with an
            accepted check-in, walk-ins included; several campaigns add up (visits).
            Formats: table (terminal), csv, json (stable keys, see docs/reference.md), xlsx and html (written to
            --out, default tally-NAME.xlsx / .html). Reports hold counts only, no personal data.
            """))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, xlsx, html, pdf
    }

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "要统计的活动（或 --all）。", en: "The campaigns to tally (or --all)."))) var campaigns: [String] = []
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "工作区中的所有活动（可用 --from/--to 缩小范围）。", en: "Every campaign in the workspace (narrowed by --from/--to)."))) var all = false
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "只统计这一天及以后开始的活动，例如 2026-01-01。", en: "Only campaigns started on or after this day, e.g. 2026-01-01."))) var from: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "只统计这一天及以前开始的活动，例如 2026-12-31。", en: "Only campaigns started on or before this day, e.g. 2026-12-31."))) var to: String?
    @Option(name: .customLong("by"), parsing: .upToNextOption,
            help: ArgumentHelp(CommandHelp.text(zh: "分组：campaign、township、village、group、enterprise、posting（可重复或用逗号分隔）。", en: "Breakdowns: campaign, township, village, group, enterprise, posting (repeatable or comma-separated).")))
    var breakdowns: [String] = []
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "table、csv、json、xlsx、html 或 pdf（A4，由 Chromium 打印）。", en: "table, csv, json, xlsx, html or pdf (A4, printed by Chromium)."))) var format: Format = .table
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "附上已就业人员名单，已脱敏（csv 中没有）。", en: "Add the list of placed people, masked (not in csv)."))) var listPlaced = false
    @Option(name: .customLong("lang"), help: ArgumentHelp(CommandHelp.text(zh: "zh（中文标签）或 en（默认：$CAMPAIGN_LANG，否则 zh）。", en: "zh (Chinese labels) or en (default: $CAMPAIGN_LANG, else zh).")))
    var langOption: Language?

    /// `--lang`, else `CAMPAIGN_LANG`, else Chinese.
    var lang: Language { langOption ?? Language.fromEnvironment() }
    var language: Language { lang }
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "写入这个文件（table/csv/json：代替终端输出；xlsx/html 默认：tally-活动名.xlsx）。", en: "Write to this file (table/csv/json: instead of the terminal; xlsx/html default: tally-NAME.xlsx).")))
    var out: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "填报单位：报送单位（默认：活动的 vars.report_unit）。", en: "The reporting unit (default: the campaign's vars.report_unit)."))) var unit: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "单位负责人：对数字负责的人（默认：vars.report_head）。", en: "The head of unit, who answers for the figures (default: vars.report_head)."))) var head: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "统计负责人（默认：vars.report_statistician）。", en: "The statistician in charge (default: vars.report_statistician)."))) var statistician: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "填表人：编制报表的人（默认：vars.report_preparer）。", en: "Who prepared the report (default: vars.report_preparer)."))) var preparer: String?
    @Option(name: .customLong("form-number"), help: ArgumentHelp(CommandHelp.text(zh: "表号，例如 人社统春1表（默认：vars.report_form_number）。", en: "The form's number in the county's statistical system (default: vars.report_form_number)."))) var formNumber: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "制表机关（默认：vars.report_authority）。", en: "The office that issued the form (default: vars.report_authority)."))) var authority: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "联系电话：询问报表时拨打的电话（默认：vars.report_phone）。", en: "The phone to call about it (default: vars.report_phone)."))) var phone: String?
    @Option(name: .customLong("report-date"), help: ArgumentHelp(CommandHelp.text(zh: "报出日期：报表报出的日期，例如 2026-03-05（默认：今天）。", en: "The day it is sent, e.g. 2026-03-05 (default: today).")))
    var reportDate: String?
    @Option(name: .customLong("compare-from"), help: ArgumentHelp(CommandHelp.text(zh: "与从这一天起举办的活动对比，例如 2025-01-01。", en: "Compare with the campaigns held from this day, e.g. 2025-01-01.")))
    var compareFrom: String?
    @Option(name: .customLong("compare-to"), help: ArgumentHelp(CommandHelp.text(zh: "……到这一天，例如 2025-12-31（没有活动的期间按 0 对比）。", en: "… to this day, e.g. 2025-12-31 (an empty period compares as zeros).")))
    var compareTo: String?
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        for (flag, day) in [("--compare-from", compareFrom), ("--compare-to", compareTo)] {
            if let day, SheetDate.parse(day) == nil {
                throw ValidationError(UsageMessages.notADate(["flag": flag, "text": day, "example": "2025-01-01"]), language: language)
            }
        }
        if let reportDate, SheetDate.parse(reportDate) == nil {
            throw ValidationError(UsageMessages.notADate(["flag": "--report-date", "text": reportDate, "example": "2026-03-05"]), language: language)
        }
        if all && !campaigns.isEmpty { throw ValidationError(UsageMessages.campaignsOrAll(), language: language) }
        if listPlaced && format == .csv {
            throw ValidationError(UsageMessages.listPlacedCSV(), language: language)
        }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language) {
            let request = TallyRequest(campaigns: campaigns, all: all, from: from, to: to, breakdowns: try TallyDimension.parseList(breakdowns, among: TallyDimension.known(PluginSystem.plugins.tallySections)),
                                       listPlaced: listPlaced)
            let ws = try workspace.openExisting()
            let now = try CommandSupport.clock().now()
            let pool = ws.pool
            let flags = ReportForm(formNumber: formNumber, authority: authority, unit: unit, head: head,
                                   statistician: statistician, preparer: preparer, phone: phone,
                                   date: reportDate.flatMap(SheetDate.parse))
            let (report, stale) = try await pool.read { db in
                var report = try TallyQuery.run(db, request, sections: PluginSystem.plugins.tallySections, now: now,
                                                parallel: pool)
                report.form = report.form.overridden(by: flags)
                if compareFrom != nil || compareTo != nil {
                    report = try TallyQuery.compare(db, report, from: compareFrom.flatMap(SheetDate.parse),
                                                    to: compareTo.flatMap(SheetDate.parse),
                                                    sections: PluginSystem.plugins.tallySections, now: now)
                }
                return (report, try WrittenReports.stale(db, report))
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
            case .xlsx, .html, .pdf:
                let name = out ?? "tally-\(report.campaigns.count == 1 ? report.campaigns[0].name : "all").\(format.rawValue)"
                let url = URL(fileURLWithPath: name)
                do {
                    try TallyPlugin.write(report, format: TallyPlugin.FileFormat(rawValue: format.rawValue) ?? .html, lang: lang, to: url)
                } catch let error as WorkflowError {
                    throw error
                } catch {
                    throw WorkflowError.unavailable(ToolMessages.couldNotWrite(["name": name, "reason": error.localizedDescription]),
                                                    hint: ToolMessages.checkFolder())
                }
                // The headline figures in the reader's words: 到场求职者 127，达成意向 33 (not the JSON keys).
                let headline = report.peopleMeasures.filter(\.highlight)
                    .map { "\($0.label(language)) \(report.funnel[$0.key] ?? 0)" }
                    .joined(separator: Punctuation.comma.text(language))
                // Bookkeeping only: a read-only workspace still gets its report file.
                _ = try? await pool.write { db in try WrittenReports.record(db, report, files: [url.path], now: now) }
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
