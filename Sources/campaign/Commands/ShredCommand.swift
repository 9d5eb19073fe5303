import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

struct ShredCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shred",
        abstract: CommandHelp.text(
            zh: "销毁已结束活动的人员个人信息；统计数字保留。",
            en: "Shred the personal data of an ended campaign's people; its counts stay."),
        discussion: CommandHelp.text(zh: """
            活动人员的姓名、身份证号、手机号、手工输入的扫码内容、备注和未匹配的直播线索会被删除或替换为假名，不可恢复；
            乡镇、村、重点群体以及统计所依据的每一行都保留，所以活动的每份统计数字都不变（并注明其人员信息已销毁）。
            仍登记在未销毁活动中的人员会被保留。之后重写数据库文件（VACUUM，清空 WAL），使任何旧页面都不再含有被删除的内容。
            活动的 `retention: 180d` 让守护进程在运行结束 180 天后自动执行。--dry-run 只列出将被销毁的内容，不做改动。
            工作区写出的含人员信息的文件（导入旁的 *.rejects.csv、导出的名单）被覆写后删除；已被移动或删除的文件会逐个列出，副本需自行销毁。
            记入审计日志；此前做的备份在轮换删除之前仍含有这些数据。
            """, en: """
            Names, ID numbers, phones, typed scan input, notes and unmatched livestream leads of the campaign's
            people are removed or replaced by pseudonyms, irreversibly; township, village, target groups and
            every row a count is made from stay, so each tally of the campaign gives the same numbers (and says
            its people were shredded). People still registered in a campaign that is not shredded are kept.
            The database file is then rewritten (VACUUM, WAL emptied) so no old page holds what went.
            A campaign's `retention: 180d` lets the daemon do this by itself 180 days after the run ended.
            Files the workspace wrote with people in them (*.rejects.csv beside an import, exported lists) are
            overwritten and removed; one moved or deleted is named, its copies are yours to destroy.
            --dry-run lists what would go and changes nothing. Recorded in the audit log; backups taken
            before still hold the data until they are rotated out.
            """))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "要销毁其人员信息的活动。", en: "The campaign whose people's data to shred."))) var campaign: String
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "列出将被销毁的内容；不做任何改动。", en: "List what would go; change nothing."))) var dryRun = false
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "执行销毁的管理员（角色为 manager 的工作人员账号）。", en: "The manager who shreds (a staff account with the manager role)."))) var by: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            let language = Language.fromEnvironment()
            if dryRun {
                let plan = try await ws.pool.read { db in try Shredding.plan(db, campaign: campaign) }
                t.line(AdminMessages.wouldShred(["count": "\(plan.people)", "campaign": campaign]).text(language))
                printKept(plan, t, language)
                for line in plan.sample { t.line("  \(line)") }
                if plan.people > plan.sample.count {
                    t.line("  " + AdminMessages.andMore(["count": "\(plan.people - plan.sample.count)"]).text(language))
                }
                if !plan.files.isEmpty {
                    t.line(AdminMessages.filesWouldGo(["count": "\(plan.files.count)",
                                           "files": plan.files.map(\.path).joined(separator: ", ")]).text(language))
                }
                return
            }
            guard let by else {
                throw WorkflowError.usage(ToolMessages.shredByManager(), hint: ToolMessages.shredHint(["campaign": campaign]))
            }
            let now = try CommandSupport.clock().now()
            let plugins = PluginSystem.plugins
            t.line(t.dim(AdminMessages.shredding(["campaign": campaign]).text(language)))
            let plan = try await ws.pool.write { db in
                _ = try AuditLog.requireManager(db, by)
                return try Shredding.shred(db, campaign: campaign, actor: by, reason: "manual", plugins: plugins, now: now)
            }
            let files = try Shredding.destroyFiles(plan, actor: by, workspace: ws, now: now)
            let emptied = try Shredding.compact(ws)
            t.line(AdminMessages.shredded(["count": "\(plan.people)", "campaign": campaign, "rows": "\(plan.rowsScrubbed)"]).text(language))
            printKept(plan, t, language)
            if !files.destroyed.isEmpty {
                t.line("  " + AdminMessages.filesDestroyed(["count": "\(files.destroyed.count)"]).text(language))
            }
            for entry in files.unreachable {
                t.line("  ! " + AdminMessages.fileUnreachable(["file": entry.path]).text(language))
            }
            if !emptied {
                t.line("  ! " + AdminMessages.walStillHolds.template(language))
            }
            let backups = URL(fileURLWithPath: ws.path).deletingLastPathComponent().appendingPathComponent("backups")
            let older = (try? FileManager.default.contentsOfDirectory(atPath: backups.path))?.filter { $0.hasSuffix(".sqlite") } ?? []
            if !older.isEmpty {
                t.line("  ! " + AdminMessages.backupsStillHold(["count": "\(older.count)", "folder": backups.path]).text(language))
            }
        }
    }

    private func printKept(_ plan: Shredding.Plan, _ t: Terminal, _ language: Language) {
        guard plan.kept > 0 else { return }
        let by = plan.keptBy.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        t.line("  " + AdminMessages.keptElsewhere(["count": "\(plan.kept)", "by": by]).text(language))
    }
}
