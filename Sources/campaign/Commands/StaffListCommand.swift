import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

extension StaffCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.text(
            zh: "列出工作人员账号（令牌不会再次显示）。",
            en: "List staff accounts (tokens are never shown again)."))
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            try await CommandSupport.reportingErrors {
                let accounts = try await workspace.openExisting().pool.read { db in try StaffAccounts.list(db: db) }
                let t = Terminal.standard
                if accounts.isEmpty { t.line("No staff accounts. Add one: campaign staff add NAME") }
                // Accounts serve every campaign of the workspace: their times are in the campaigns' default zone.
                let zone = WorkflowDefinition.defaultTimeZone
                for (member, created, revoked) in accounts {
                    let state = revoked.map { "revoked \(TimeFormats.display($0, timeZone: zone))" } ?? "active"
                    t.line("\(Terminal.pad(member.name, 16)) \(Terminal.pad(member.role.rawValue, 8)) since "
                           + "\(TimeFormats.display(created, timeZone: zone))  \(state)")
                }
            }
        }
    }
}
