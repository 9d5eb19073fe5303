import PluginKit
import ArgumentParser
import Foundation
import Workflow

/// `--backup-every 1d [--backup-keep 14] [--backup-to FOLDER]` on `run-daemon` and `serve`: backups on
/// a schedule, taken by whichever daemon holds the workspace.
struct ScheduledBackupOptions: ParsableArguments {
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "运行期间每隔多久备份一次工作区，例如 1d 或 6h（默认：不备份）。", en: "Back the workspace up this often while running, e.g. 1d or 6h (default: never).")))
    var backupEvery: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "文件夹中保留这么多个定时备份。", en: "Keep this many scheduled backups in the folder."))) var backupKeep = 14
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "定时备份的文件夹（默认：工作区旁的 backups/）。", en: "The folder for scheduled backups (default: backups/ beside the workspace)."))) var backupTo: String?

    func validate() throws {
        if let backupEvery {
            guard let interval = TimeFormats.duration(backupEvery) else {
                throw ValidationError(UsageMessages.notADuration(["flag": "--backup-every", "text": backupEvery]))
            }
            guard interval >= .seconds(60) else {
                throw ValidationError(UsageMessages.tooOften(["flag": "--backup-every", "text": backupEvery]))
            }
        }
        if backupKeep < 1 { throw ValidationError(UsageMessages.atLeastOne(["flag": "--backup-keep"])) }
    }

    /// The chore, or none when no schedule was asked for.
    func chore(for workspace: Workspace) -> [@Sendable (Date) async throws -> [String]] {
        guard let backupEvery, let interval = TimeFormats.duration(backupEvery) else { return [] }
        let folder = backupTo.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: workspace.path).deletingLastPathComponent().appendingPathComponent("backups")
        return [BackupChore(workspace: workspace, folder: folder, every: interval.seconds, keep: backupKeep).run]
    }
}
