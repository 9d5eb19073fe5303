import ArgumentParser
import BuiltinPlugins
import PluginKit

@main
struct CampaignCommand: AsyncParsableCommand {
    /// The engine's commands, then each plugin's under its own heading.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "campaign",
            abstract: "Run public employment campaigns — job fairs, chartered buses, livestreams — from YAML definitions.",
            discussion: """
                Workspace: ./campaign.sqlite unless --db PATH or CAMPAIGN_DB says otherwise.
                Exit codes: 0 ok, 1 a step failed, 64 wrong usage, 65 invalid definition or data,
                69 something unavailable (file, workspace, busy run), 70 internal error.
                """,
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

    static func main() async {
        PluginSystem.bootstrap(BuiltinPlugins.all)
        await main(nil)
    }
}
