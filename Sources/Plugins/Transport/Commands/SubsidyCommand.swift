import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

private typealias M = TransportCommandMessages

struct SubsidyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subsidy",
        abstract: CommandHelp.text(
            zh: "谁符合交通补贴、谁不符合及原因；生成发放表。",
            en: "Who qualifies for the transport subsidy and who falls short, why; the payment workbook."),
        discussion: """
            Reads the follow-up records `campaign import employment FILE --campaign C` brought in. A worker
            qualifies after --months calendar months in the job (started 2026-02-22: on 2026-05-22), out of
            --home-province unless --in-province-too. --xlsx writes the payment list (masked; --unmasked with
            --by NAME of a manager, recorded in the audit log).
            """)

    @Option(help: "The bus campaign.") var campaign: String
    @Option(help: "The workers' home province, e.g. 贵州省.") var homeProvince: String
    @Option(help: "Calendar months in the job that qualify.") var months = 3
    @Option(help: "Yuan per qualifying worker.") var amount: Int
    @Flag(help: "Work inside the home province counts too.") var inProvinceToo = false
    @Option(help: "Write the payment workbook (XLSX) to this file.") var xlsx: String?
    @Flag(help: "Full names, ID numbers and phones in the workbook (a manager's act, recorded).") var unmasked = false
    @Option(help: "The manager exporting unmasked data (a staff account).") var by: String?
    @OptionGroup var languageOptions: LanguageOptions
    /// `--lang`, else `CAMPAIGN_LANG`, else Chinese.
    var language: Language { languageOptions.language }
    var lang: String { language.rawValue }
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if unmasked && (by == nil || xlsx == nil) { throw ValidationError("--unmasked needs --xlsx FILE and --by NAME (a manager)") }
        if !(1...36).contains(months) { throw ValidationError("--months must be from 1 to 36") }
        if !(0...100_000).contains(amount) { throw ValidationError("--amount must be from 0 to 100000 yuan") }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language) {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            let now = try CommandSupport.clock().now()
            let rule = SubsidyRule(months: months, outOfProvinceOnly: !inProvinceToo, homeProvince: homeProvince, amount: amount)
            let list = try await ws.pool.write { [campaign, unmasked, by, xlsx] db in
                try Registrations.requireCampaign(campaign, db: db)
                if unmasked, let by, let xlsx {
                    let manager = try AuditLog.requireManager(by, db: db)
                    try AuditLog.record(actor: manager.name, action: "unmasked-export", campaign: campaign,
                                        detail: "transport subsidy list with names, ID numbers and phones: \(xlsx)", at: now, db: db)
                }
                return try SubsidyList.make(campaign: campaign, rule: rule, db: db)
            }
            if let xlsx {
                try list.workbook(campaign: campaign, unmasked: unmasked).write(to: URL(fileURLWithPath: xlsx))
                t.line((M.wroteSubsidy(["qualified": "\(list.qualified.count)", "short": "\(list.entries.count - list.qualified.count)",
                                        "file": xlsx]) + ToolMessages.masking(unmasked)).text(language))
                return
            }
            var table = TextTable(headers: M.subsidyHeaders.columns(language),
                                  numeric: [false, false, false, false, false, false, false, false, false, true])
            for e in list.entries {
                table.rows.append([Masking.name(e.person.name), Masking.idNumber(e.person.idNumber), e.person.township,
                                   e.person.village, e.passenger.destination, e.passenger.province,
                                   e.employment?.startedOn ?? "", e.employment?.leftOn ?? "",
                                   lang == "en" ? e.verdict.words.en : e.verdict.words.zh,
                                   e.verdict.qualifies ? String(rule.amount) : ""])
            }
            if !table.rows.isEmpty { t.line(table.render()) }
            t.line(M.subsidySummary(["qualified": "\(list.qualified.count)", "amount": "\(list.amount)",
                                     "short": "\(list.entries.count - list.qualified.count)"]).text(language))
        }
    }
}
