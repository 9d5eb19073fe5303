import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: CommandHelp.text(
            zh: "用备份替换工作区，当前工作区另存一边。",
            en: "Puts a backup in place of the workspace, keeping the current one aside."),
        discussion: CommandHelp.text(zh: """
            先检查备份：损坏、截断或不是工作区的文件会被拒绝，什么都不改变。
            当前工作区会被改名另存（campaign.before-restore-时间.sqlite），绝不删除；请先停止 `campaign serve` 和 `run-daemon`。
            记入恢复后工作区的审计日志。
            """, en: """
            The backup is checked first: a damaged, truncated or foreign file is refused and nothing changes.
            The current workspace is renamed aside (campaign.before-restore-TIME.sqlite), never deleted; stop
            `campaign serve` and `run-daemon` first. Recorded in the restored workspace's audit log.
            """))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "备份文件。", en: "The backup file."))) var file: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "执行恢复的人，记入审计日志（默认：登录名）。", en: "Who restores, for the audit log (default: the login name)."))) var by: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let t = Terminal.standard
            let now = try CommandSupport.clock().now()
            let report = try WorkspaceBackup.restore(URL(fileURLWithPath: file), into: workspace.path, now: now,
                                                     registry: PluginSystem.registry)
            let ws = try workspace.open()
            let actor = by ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
            try await ws.pool.write { [file] db in
                try AuditLog.record(db, actor: actor, action: "restore", campaign: "",
                                    detail: "from \(file)" + (report.setAside.map { "; the replaced workspace is \($0.path)" } ?? "")
                                        + (report.repaired.isEmpty ? "" : "; schema rebuilt: " + report.repaired.joined(separator: ", ")),
                                    at: now)
            }
            func counts(_ rows: [String: Int]) -> String {
                PluginSystem.registry.countedTables.compactMap { table in rows[table].map { "\(table) \($0)" } }.joined(separator: ", ")
            }
            let language = Language.fromEnvironment()
            t.line(AdminMessages.restored(["workspace": workspace.path, "file": file]).text(language))
            if let aside = report.setAside {
                t.line("  " + AdminMessages.replaced(["counts": counts(report.before), "aside": aside.path]).text(language))
            }
            t.line("  " + AdminMessages.now(["counts": counts(report.after)]).text(language))
            if !report.repaired.isEmpty {
                t.line("  " + t.yellow("!") + " " + WorkspaceMessages.schemaRepaired(["changes": report.repaired.joined(separator: ", ")])
                    .text(language))
            }
        }
    }
}
