import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

extension StaffCommand {
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.text(
            zh: "立即吊销工作人员的令牌。",
            en: "Revoke a staff member's token at once."))
        @Argument(help: ArgumentHelp(CommandHelp.text(zh: "工作人员的名字。", en: "The staff member's name."))) var name: String
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            try await CommandSupport.reportingErrors {
                let now = try CommandSupport.clock().now()
                try await workspace.openExisting().pool.write { db in try StaffAccounts.revoke(db, name: name, now: now) }
                Terminal.standard.line(AdminMessages.revoked(["name": name]).text(.fromEnvironment()))
            }
        }
    }
}
