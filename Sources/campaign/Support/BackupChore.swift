import Foundation
import Ledger
import PluginKit
import Synchronization
import Workflow

/// The daemon's chore of backing the workspace up on a schedule (`run-daemon --backup-every 1d`):
/// when the newest backup in the folder is older than the interval, a verified backup like
/// `campaign backup`'s, the oldest beyond `keep` rotated out, each in the audit log.
final class BackupChore: Sendable {
    let workspace: Workspace
    let folder: URL
    let every: TimeInterval
    let keep: Int
    /// When the last backup was taken; read from the folder's names at the first round.
    private let last = Mutex<Date??>(nil)

    init(workspace: Workspace, folder: URL, every: TimeInterval, keep: Int) {
        self.workspace = workspace
        self.folder = folder
        self.every = every
        self.keep = keep
    }

    @Sendable func run(now: Date) async throws -> [String] {
        let due = last.withLock { last -> Bool in
            if last == nil { last = .some(WorkspaceBackup.newest(in: folder)) }
            guard let taken = last ?? nil else { return true }
            return now.timeIntervalSince(taken) >= every || now < taken
        }
        guard due else { return [] }
        let report = try WorkspaceBackup.backup(workspace, to: WorkspaceBackup.datedFile(in: folder, at: now))
        last.withLock { $0 = .some(now) }
        try await workspace.pool.write { db in
            try AuditLog.record(db, actor: "daemon", action: "backup", campaign: "",
                                detail: "\(report.file.path) (\(report.bytes) bytes)", at: now)
        }
        let removed = try WorkspaceBackup.rotate(folder: folder, keep: keep)
        let said = AdminMessages.choreBackedUp(["file": report.file.path, "size": String(format: "%.1f", Double(report.bytes) / 1e6)])
        return [(removed.isEmpty ? said : said + AdminMessages.choreRemoved(["count": "\(removed.count)", "keep": "\(keep)"]))
                    .text(.fromEnvironment())]
    }
}
