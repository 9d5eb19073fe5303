import ArgumentParser
import Foundation
import Workflow

/// `--backup-every 1d [--backup-keep 14] [--backup-to FOLDER]` on `run-daemon` and `serve`: backups on
/// a schedule, taken by whichever daemon holds the workspace.
struct ScheduledBackupOptions: ParsableArguments {
    @Option(help: "Back the workspace up this often while running, e.g. 1d or 6h (default: never).")
    var backupEvery: String?
    @Option(help: "Keep this many scheduled backups in the folder.") var backupKeep = 14
    @Option(help: "The folder for scheduled backups (default: backups/ beside the workspace).") var backupTo: String?

    func validate() throws {
        if let backupEvery {
            guard let interval = TimeFormats.duration(backupEvery) else {
                throw ValidationError("--backup-every: '\(backupEvery)' is not a duration; write it like 6h or 1d")
            }
            guard interval >= .seconds(60) else {
                throw ValidationError("--backup-every: \(backupEvery) is too often; once a minute at most (1m)")
            }
        }
        if backupKeep < 1 { throw ValidationError("--backup-keep must be at least 1") }
    }

    /// The chore, or none when no schedule was asked for.
    func chore(for workspace: Workspace) -> [@Sendable (Date) async throws -> [String]] {
        guard let backupEvery, let interval = TimeFormats.duration(backupEvery) else { return [] }
        let folder = backupTo.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: workspace.path).deletingLastPathComponent().appendingPathComponent("backups")
        return [BackupChore(workspace: workspace, folder: folder, every: interval.seconds, keep: backupKeep).run]
    }
}
