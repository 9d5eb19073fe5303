import ArgumentParser
import Foundation
import PluginKit
import Workflow

/// `--publish-to URL [--publish-every 1m]` on `run-daemon` and `serve`: the workspace's figures sent to
/// the province's database on a schedule, in the background (the province plugin's chore).
struct ScheduledPublishOptions: ParsableArguments {
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "运行期间按时把各活动的数字发布到这个省级数据库（见 campaign publish）。",
                                                en: "While running, publish the campaigns' figures to this province database (see campaign publish).")))
    var publishTo: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "多久发布一次，例如 1m 或 15m（默认 1m）。", en: "How often to publish, e.g. 1m or 15m (default: 1m).")))
    var publishEvery = "1m"

    func validate() throws {
        guard let interval = TimeFormats.duration(publishEvery) else {
            throw ValidationError(UsageMessages.notADuration(["flag": "--publish-every", "text": publishEvery]))
        }
        guard interval >= .seconds(60) else { throw ValidationError(UsageMessages.tooOften(["flag": "--publish-every", "text": publishEvery])) }
    }

    /// The plugins' chores for a daemon of this workspace with these flags.
    func chores(for workspace: Workspace) throws -> [DaemonChore] {
        var flags: [String: String] = ["publish-every": publishEvery]
        flags["publish-to"] = publishTo
        return try PluginSystem.plugins.daemonChores(DaemonSettings(workspace: workspace, flags: flags))
    }
}
