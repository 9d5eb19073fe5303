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
                let accounts = try await workspace.openExisting().pool.read { db in try StaffAccounts.list(db) }
                let t = Terminal.standard
                let lang = Language.fromEnvironment()
                func say(_ text: MessageText, _ values: [String: String] = [:]) -> String { Message(text, values).text(lang) }
                if accounts.isEmpty { t.line(say(StaffMessages.noAccounts)) }
                // Accounts serve every campaign of the workspace: their times are in the campaigns' default zone.
                let zone = WorkflowDefinition.defaultTimeZone
                for (member, created, revoked) in accounts {
                    let state = revoked.map { say(StaffMessages.revoked, ["time": TimeFormats.display($0, timeZone: zone)]) }
                        ?? say(StaffMessages.active)
                    let role = [StaffRole.staff: StaffMessages.roleStaff, .manager: StaffMessages.roleManager,
                                .organizer: StaffMessages.roleOrganizer][member.role].map { say($0) } ?? member.role.rawValue
                    t.line("\(Terminal.pad(member.name, 16)) \(Terminal.pad(role, 10)) "
                           + say(StaffMessages.since, ["time": TimeFormats.display(created, timeZone: zone) + " " + zone.identifier])
                           + "  \(state)")
                }
            }
        }
    }
}
