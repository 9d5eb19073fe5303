import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Tally
import Workflow

/// `campaign province tally`: every county's figures added up, printed as a county's tally is.
struct ProvinceTallyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: CommandHelp.text(zh: "汇总各县发布的数字：漏斗，按县、乡镇、村、人员类别、活动类型分组。",
                                   en: "Add up the counties' published figures: the funnel, by county, township, village, group, kind."),
        discussion: CommandHelp.text(zh: """
            与县级 campaign tally 的格式和用语相同（json 为 campaign.tally/1，另有 counties：各县的截至时间和延迟）。
            人员数字按人次跨县相加；活动数字按各自规则合并（相加或取最大）。
            """, en: """
            The same formats and words as a county's campaign tally (json is campaign.tally/1, with counties: each
            county's as-of time and lag). People figures add up as visits (人次) across counties; campaign figures
            combine by their own rule (a sum, or the largest).
            """))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json, xlsx, html, pdf
    }

    @Option(name: .customLong("db"), help: ArgumentHelp(CommandHelp.text(
        zh: "省级数据库地址（默认：$CAMPAIGN_PROVINCE_DB）。", en: "The province's database (default: $CAMPAIGN_PROVINCE_DB).")))
    var address: String?
    @Option(name: .customLong("by"), parsing: .upToNextOption, help: ArgumentHelp(CommandHelp.text(
        zh: "分组：county、township、village、group、kind、campaign（默认 county）。",
        en: "Breakdowns: county, township, village, group, kind, campaign (default: county).")))
    var breakdowns: [String] = []
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "只统计这一天及以后举办的活动，如 2026-01-01。", en: "Only campaigns held on or after this day, e.g. 2026-01-01.")))
    var from: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "只统计这一天及以前举办的活动，如 2026-12-31。", en: "Only campaigns held on or before this day, e.g. 2026-12-31.")))
    var to: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "table、csv、json、xlsx、html 或 pdf。", en: "table, csv, json, xlsx, html or pdf.")))
    var format: Format = .table
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "写入这个文件（xlsx/html/pdf 默认：province-tally.格式）。", en: "Write to this file (xlsx/html/pdf default: province-tally.FORMAT).")))
    var out: String?
    @Option(name: .customLong("lang"), help: ArgumentHelp(CommandHelp.text(zh: "zh 或 en（默认：$CAMPAIGN_LANG，否则 zh）。", en: "zh or en (default: $CAMPAIGN_LANG, else zh).")))
    var langOption: Language?

    var language: Language { langOption ?? Language.fromEnvironment() }

    func validate() throws {
        for (flag, day) in [("--from", from), ("--to", to)] {
            if let day, SheetDate.parse(day) == nil {
                throw ValidationError(UsageMessages.notADate(["flag": flag, "text": day, "example": "2026-01-01"]), language: language)
            }
        }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language) {
            let dimensions = try TallyDimension.parseList(breakdowns.isEmpty ? ["county"] : breakdowns, among: ProvinceTally.dimensions)
            let address = try ProvinceAddress(try ProvinceCommand.address(address, flag: "--db"))
            let (from, to, now) = (from.flatMap(SheetDate.parse), to.flatMap(SheetDate.parse), try CommandSupport.clock().now())
            let result = try await ProvinceStore.using(address) { store in
                try await ProvinceTally.run(store, from: from, to: to, breakdowns: dimensions,
                                            sections: PluginSystem.plugins.tallySections, now: now)
            }
            try print(result)
        }
    }

    func print(_ result: ProvinceTally.Result) throws {
        let lang = language
        let text: String
        switch format {
        case .json: text = String(decoding: try ProvinceJSON.encode(result), as: UTF8.self) + "\n"
        case .csv: text = TallyTextReport.csv(result.report, lang: lang)
        case .table:
            text = ProvinceJSON.countiesLine(result, lang: lang) + "\n\n"
                + TallyTextReport.table(result.report, lang: lang, width: Terminal.width)
        case .xlsx, .html, .pdf:
            let name = out ?? "province-tally.\(format.rawValue)"
            try TallyPlugin.write(result.report, format: TallyPlugin.FileFormat(rawValue: format.rawValue) ?? .html, lang: lang,
                                  to: URL(fileURLWithPath: name))
            Terminal.standard.line(ProvinceMessages.wrote(["file": name]).text(lang))
            return
        }
        if let out {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw WorkflowError.unavailable(ToolMessages.couldNotWrite(["name": out, "reason": error.localizedDescription]),
                                                hint: ToolMessages.checkFolder())
            }
            Terminal.standard.line(ProvinceMessages.wrote(["file": out]).text(lang))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
