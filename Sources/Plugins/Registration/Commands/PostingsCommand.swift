import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

/// The postings a campaign offers with their codes: what booth staff look a code up in, and
/// what a clerk checks after importing a posting list.
struct PostingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postings",
        abstract: CommandHelp.text(
            zh: "列出活动提供的岗位及其岗位编号、招聘人数和薪资。",
            en: "List the postings offered at a campaign with their codes, openings and salary."))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "活动。", en: "The campaign."))) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "只看编号、名称或企业中含有这段文字的岗位。", en: "Only postings whose code, title or enterprise contains this text."))) var search: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把名单写入这个 CSV 文件（带 BOM 的 UTF-8）。", en: "Write the list to this CSV file (UTF-8 with BOM)."))) var csv: String?
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var language: LanguageOptions

    func run() async throws {
        let lang = language.adopt()
        try await CommandSupport.reportingErrors(language: lang) {
            let ws = try workspace.openExisting()
            let all = try await ws.pool.read { db in
                try Registrations.requireCampaign(db, campaign)
                return try Postings.offered(db, at: campaign)
            }
            let wanted = search.map { $0.lowercased() }
            let postings = all.filter { posting in
                guard let wanted, !wanted.isEmpty else { return true }
                return [posting.code, posting.title, posting.enterprise].contains { $0.lowercased().contains(wanted) }
            }
            let rows = postings.map { [$0.code, $0.enterprise, $0.title, String($0.openings), $0.salary] }
            if let csv {
                try CSVExport.write([["岗位编号 code", "企业名称 enterprise", "岗位名称 title", "招聘人数 openings", "薪资 salary"]]
                                    + rows, to: csv)
            }
            let t = Terminal.standard
            if csv == nil {
                for row in rows {
                    t.line("\(t.bold(Terminal.pad(row[0], 10))) \(Terminal.pad(row[1], 24)) \(Terminal.pad(row[2], 14)) "
                           + "\(Terminal.pad(row[3], 4)) \(row[4])")
                }
            }
            let positions = postings.reduce(0) { $0 + $1.openings }
            var said = Message(RegistrationMessages.postingsCount,
                               ["count": String(postings.count), "positions": String(positions), "campaign": campaign])
            if postings.count < all.count {
                said = said + Message(RegistrationMessages.postingsMatching, ["search": search ?? "", "all": String(all.count)])
            }
            if let csv { said = said + Message(RegistrationMessages.writtenTo, ["file": csv]) }
            t.line(said.text(lang))
        }
    }
}
