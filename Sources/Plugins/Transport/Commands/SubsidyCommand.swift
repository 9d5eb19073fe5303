import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

struct SubsidyCommand: AsyncParsableCommand, ChoosesLanguage {
    static let configuration = CommandConfiguration(
        commandName: "subsidy",
        abstract: CommandHelp.text(
            zh: "谁符合交通补贴、谁不符合及原因；生成发放表。",
            en: "Who qualifies for the transport subsidy and who falls short, why; the payment workbook."),
        discussion: CommandHelp.text(zh: """
            读取 `campaign import employment FILE --campaign C` 导入的跟踪记录。
            务工人员在岗满 --months 个自然月后符合条件（2026-02-22 入职：2026-05-22 起），须在 --home-province 省外，
            除非加 --in-province-too。--xlsx 写出发放名单（已脱敏；--unmasked 需加管理员的 --by NAME，会记入审计日志）。
            """, en: """
            Reads the follow-up records `campaign import employment FILE --campaign C` brought in. A worker
            qualifies after --months calendar months in the job (started 2026-02-22: on 2026-05-22), out of
            --home-province unless --in-province-too. --xlsx writes the payment list (masked; --unmasked with
            --by NAME of a manager, recorded in the audit log).
            """))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "包车活动。", en: "The bus campaign."))) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "务工人员的户籍所在省，例如 贵州省。", en: "The workers' home province, e.g. 贵州省."))) var homeProvince: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "在岗满多少个自然月才符合条件。", en: "Calendar months in the job that qualify."))) var months = 3
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "每名符合条件的务工人员补贴多少元。", en: "Yuan per qualifying worker."))) var amount: Int
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "在本省内务工也算。", en: "Work inside the home province counts too."))) var inProvinceToo = false
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把补贴发放工作簿（XLSX）写入这个文件。", en: "Write the payment workbook (XLSX) to this file."))) var xlsx: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把发放名单打印成 PDF（A4，由 Chromium 打印，每页有标题和页码）写入这个文件。", en: "Print the payment list to this PDF file (A4, by Chromium, each page with its title and number)."))) var pdf: String?
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "工作簿中使用完整的姓名、身份证号和手机号（须由管理员执行，会被记录）。", en: "Full names, ID numbers and phones in the workbook (a manager's act, recorded)."))) var unmasked = false
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "导出未脱敏数据的管理员（工作人员账号）。", en: "The manager exporting unmasked data (a staff account)."))) var by: String?
    @OptionGroup var languageOptions: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if unmasked && (by == nil || (xlsx == nil && pdf == nil)) { throw ValidationError(UsageMessages.unmaskedNeedsXLSX(), language: language) }
        if !(1...36).contains(months) {
            throw ValidationError(UsageMessages.inRange(["flag": "--months", "low": "1", "high": "36"]), language: language)
        }
        if !(0...100_000).contains(amount) {
            throw ValidationError(UsageMessages.inRangeYuan(["flag": "--amount", "low": "0", "high": "100000"]), language: language)
        }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language) {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            let now = try CommandSupport.clock().now()
            let rule = SubsidyRule(months: months, outOfProvinceOnly: !inProvinceToo, homeProvince: homeProvince, amount: amount)
            let files = [xlsx, pdf].compactMap { $0 }
            let list = try await ws.pool.write { [campaign, unmasked, by] db in
                try Registrations.requireCampaign(db, campaign)
                if unmasked, let by, !files.isEmpty {
                    let manager = try AuditLog.requireManager(db, by)
                    try AuditLog.record(db, actor: manager.name, action: "unmasked-export", campaign: campaign,
                                        detail: "transport subsidy list with names, ID numbers and phones: "
                                            + files.joined(separator: ", "), at: now)
                    try PersonalFiles.record(db, files, campaign: campaign, kind: "unmasked-export", at: now)
                }
                return try SubsidyList.make(db, campaign: campaign, rule: rule, madeOn: now)
            }
            let workbook = list.workbook(unmasked: unmasked)
            if let xlsx { try workbook.write(to: URL(fileURLWithPath: xlsx)) }
            if let pdf { try ChromiumPrinter.print(html: TablePages.html(workbook, title: list.listTitle), to: URL(fileURLWithPath: pdf)) }
            for file in files {
                t.line((TransportCommandMessages.wroteSubsidy(["qualified": "\(list.qualified.count)", "short": "\(list.entries.count - list.qualified.count)",
                                        "file": file]) + ToolMessages.masking(unmasked)).text(language))
            }
            if !files.isEmpty { return }
            var table = TextTable(headers: TransportCommandMessages.subsidyHeaders.columns(language),
                                  numeric: [false, false, false, false, false, false, false, false, false, true])
            for e in list.entries {
                table.rows.append([Masking.name(e.person.name), Masking.idNumber(e.person.idNumber), e.person.township,
                                   e.person.village, e.passenger.destination, e.passenger.province,
                                   e.employment?.startedOn ?? "", e.employment?.leftOn ?? "",
                                   e.verdict.words.text(language),
                                   e.verdict.qualifies ? String(rule.amount) : ""])
            }
            if !table.rows.isEmpty { t.line(table.render()) }
            t.line(TransportCommandMessages.subsidySummary(["qualified": "\(list.qualified.count)", "amount": "\(list.amount)",
                                     "short": "\(list.entries.count - list.qualified.count)"]).text(language))
        }
    }
}
