import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: CommandHelp.text(
            zh: "在使用中为工作区做一份一致、经过校验的副本；轮换旧备份。",
            en: "A consistent, verified copy of the workspace, while it is in use; old backups rotated."),
        discussion: CommandHelp.text(zh: """
            用 SQLite 的 VACUUM INTO 写出（一次快照：无论 serve 和守护进程在写什么都不会残缺），
            经过检查（integrity_check，确认是活动工作区），按时间命名：默认为工作区旁的
            backups/campaign-backup-2026-12-02T110500Z.sqlite，除非 --to 另行指定（文件夹或文件名）。
            --keep N 删除该文件夹中超过 N 个的最旧备份。记入审计日志。
            """, en: """
            Written with SQLite's VACUUM INTO (one snapshot: never torn, whatever serve and the daemon write),
            checked (integrity_check, a campaign workspace) and named by its time:
            backups/campaign-backup-2026-12-02T110500Z.sqlite beside the workspace unless --to says otherwise
            (a folder, or a file name). --keep N deletes the oldest backups in that folder beyond N.
            Recorded in the audit log.
            """))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "备份所在的文件夹或文件名（默认：工作区旁的 backups/）。", en: "A folder for the backup, or its file name (default: backups/ beside the workspace)."))) var to: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "文件夹中只保留最新的 N 个备份。", en: "Keep only the newest N backups in the folder."))) var keep: Int?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "执行备份的人，记入审计日志（默认：登录名）。", en: "Who makes the backup, for the audit log (default: the login name)."))) var by: String?
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if let keep, keep < 1 { throw ValidationError(UsageMessages.atLeastOne(["flag": "--keep"])) }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            let now = try CommandSupport.clock().now()
            // A name ending in .sqlite is the file; anything else is the folder the dated file goes in.
            let file: URL
            if let to, to.hasSuffix(".sqlite") {
                file = URL(fileURLWithPath: to)
            } else {
                let folder = to.map { URL(fileURLWithPath: $0) }
                    ?? URL(fileURLWithPath: ws.path).deletingLastPathComponent().appendingPathComponent("backups")
                file = WorkspaceBackup.datedFile(in: folder, at: now)
            }
            let started = Date()
            let report = try WorkspaceBackup.backup(ws, to: file)
            let actor = by ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
            // A backup succeeds audited, or leaves nothing. A read-only workspace (a CD, a share) cannot
            // hold the entry: the backup itself does, where a restore of it keeps it.
            do {
                let detail = "\(report.file.path) (\(report.bytes) bytes)"
                if ws.isReadOnly {
                    try await DatabaseQueue(path: report.file.path).write { db in
                        try AuditLog.record(db, actor: actor, action: "backup", campaign: "",
                                            detail: detail + "; taken of the read-only workspace \(ws.path)", at: now)
                    }
                } else {
                    try await ws.pool.write { db in
                        try AuditLog.record(db, actor: actor, action: "backup", campaign: "", detail: detail, at: now)
                    }
                }
            } catch {
                try? FileManager.default.removeItem(at: report.file)
                throw error
            }
            let language = Language.fromEnvironment()
            t.line(AdminMessages.backedUp(["file": report.file.path, "size": String(format: "%.1f", Double(report.bytes) / 1e6),
                               "seconds": String(format: "%.1f", Date().timeIntervalSince(started))]).text(language))
            t.line("  " + PluginSystem.registry.countedTables.compactMap { table in report.rows[table].map { "\(table) \($0)" } }
                .joined(separator: ", "))
            if let keep {
                let removed = try WorkspaceBackup.rotate(folder: file.deletingLastPathComponent(), keep: keep)
                if !removed.isEmpty {
                    t.line("  " + AdminMessages.removedBackups(["count": "\(removed.count)", "keep": "\(keep)",
                                                    "names": removed.map(\.lastPathComponent).joined(separator: ", ")])
                        .text(language))
                }
            }
        }
    }
}
