import ArgumentParser
import Foundation
import PluginKit
import Workflow

/// `campaign province`: the province's side — every county's published figures, added up.
struct ProvinceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "province",
        abstract: CommandHelp.text(zh: "省级汇总：各县发布到 PostgreSQL 的数字。", en: "The province's view: the figures counties published to PostgreSQL."),
        subcommands: [ProvinceTallyCommand.self, ProvinceServeCommand.self])

    /// The address given, else `$CAMPAIGN_PROVINCE_DB`, else a refusal naming the flag.
    static func address(_ given: String?, flag: String) throws -> String {
        if let given { return given }
        if let fromEnvironment = ProcessInfo.processInfo.environment["CAMPAIGN_PROVINCE_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        throw WorkflowError.usage(ProvinceMessages.addressNeeded(["flag": flag]), hint: ProvinceMessages.addressForm())
    }
}
