import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Manage staff sign-in tokens for the check-in page.",
        subcommands: [Add.self, List.self, Revoke.self])
}

extension StaffRole: ExpressibleByArgument {}
