import ArgumentParser
import BuiltinPlugins
import Foundation
import PluginKit
import Workflow

@main
struct CampaignCommand: AsyncParsableCommand {
    /// The engine's commands, then each plugin's under its own heading.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "campaign",
            abstract: CommandHelp.text(
            zh: "用 YAML 定义运行公共就业服务活动——招聘会、点对点包车、直播带岗。",
            en: "Run public employment campaigns — job fairs, chartered buses, livestreams — from YAML definitions."),
            discussion: CommandHelp.text(zh: """
                工作区：./campaign.sqlite，除非用 --db 路径 或 CAMPAIGN_DB 另行指定。
                语言：中文；英文用 --lang en 或 CAMPAIGN_LANG=en（帮助文字只看 CAMPAIGN_LANG）。
                退出码：0 成功，1 有步骤失败，64 用法错误，65 定义或数据有误，
                69 某物不可用（文件、工作区、正在运行的活动），70 内部错误。
                """, en: """
                Workspace: ./campaign.sqlite unless --db PATH or CAMPAIGN_DB says otherwise.
                Language: Chinese; English with --lang en or CAMPAIGN_LANG=en (help reads only CAMPAIGN_LANG).
                Exit codes: 0 ok, 1 a step failed, 64 wrong usage, 65 invalid definition or data,
                69 something unavailable (file, workspace, busy run), 70 internal error.
                """),
            version: "campaign \(Self.version)",
            subcommands: [
                ValidateCommand.self, StartCommand.self, StatusCommand.self, ResumeCommand.self, SignalCommand.self,
                CancelCommand.self, RetryCommand.self, RunDaemonCommand.self, UnscheduleCommand.self, HistoryCommand.self, GraphCommand.self, PluginsCommand.self, ImportCommand.self,
                ServeCommand.self, StaffCommand.self, BackupCommand.self, RestoreCommand.self, AuditCommand.self, ShredCommand.self,
            ],
            groupedSubcommands: PluginSystem.plugins.commandGroups
        )
    }

    /// The release, printed by `campaign --version` (and to quote in a bug report).
    static let version = "0.9.0"

    /// Parses and runs the command as swift-argument-parser's own `main` does, but says the parser's
    /// words — its headings, help lines and refusals — in the reader's language (`ParserWords`).
    static func main() async {
        PluginSystem.bootstrap(BuiltinPlugins.all)
        let language = ParserWords.language(arguments: Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let text = ParserWords.translated(fullMessage(for: error), to: language)
            if code == .success {
                if !text.isEmpty { print(text) }
            } else if !text.isEmpty {
                FileHandle.standardError.write(Data((text + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
