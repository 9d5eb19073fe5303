import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: CommandHelp.text(
            zh: "管理签到页面的工作人员登录令牌。",
            en: "Manage staff sign-in tokens for the check-in page."),
        subcommands: [Add.self, List.self, Revoke.self])
}

extension StaffRole: ExpressibleByArgument {}
