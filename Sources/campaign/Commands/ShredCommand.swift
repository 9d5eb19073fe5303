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
            en: "Shred the personal data of an ended campaign's people (销毁个人信息); its counts stay."),
        discussion: """
            Names, ID numbers, phones, typed scan input, notes and unmatched livestream leads of the campaign's
            people are removed or replaced by pseudonyms, irreversibly; township, village, target groups and
            every row a count is made from stay, so each tally of the campaign gives the same numbers (and says
            its people were shredded). People still registered in a campaign that is not shredded are kept.
            The database file is then rewritten (VACUUM, WAL emptied) so no old page holds what went.
            A campaign's `retention: 180d` lets the daemon do this by itself 180 days after the run ended.
            --dry-run lists what would go and changes nothing. Recorded in the audit log; backups taken
            before still hold the data until they are rotated out.
            """)

    @Option(help: "The campaign whose people's data to shred.") var campaign: String
    @Flag(help: "List what would go; change nothing.") var dryRun = false
    @Option(help: "The manager who shreds (a staff account with the manager role).") var by: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            if dryRun {
                let plan = try await ws.pool.read { db in try Shredding.plan(campaign: campaign, db: db) }
                t.line("would shred \(plan.people) people of \(campaign) (将销毁 \(plan.people) 人的个人信息); nothing changed")
                printKept(plan, t)
                for line in plan.sample { t.line("  \(line)") }
                if plan.people > plan.sample.count { t.line("  … and \(plan.people - plan.sample.count) more") }
                return
            }
            guard let by else {
                throw WorkflowError.usage(ToolMessages.shredByManager(), hint: ToolMessages.shredHint(["campaign": campaign]))
            }
            let now = try CommandSupport.clock().now()
            let plugins = PluginSystem.plugins
            t.line(t.dim("shredding \(campaign)'s personal data, then rewriting the file (销毁中)…"))
            let plan = try await ws.pool.write { db in
                _ = try AuditLog.requireManager(by, db: db)
                return try Shredding.shred(campaign: campaign, actor: by, reason: "manual", plugins: plugins, now: now, db: db)
            }
            let emptied = try Shredding.compact(ws)
            t.line("✓ shredded the personal data of \(plan.people) people of \(campaign) (已销毁 \(plan.people) 人的个人信息); "
                   + "\(plan.rowsScrubbed) rows rewritten, the file compacted")
            printKept(plan, t)
            if !emptied {
                t.line("  ! another program (campaign serve?) is reading the workspace: the WAL file still holds old pages "
                       + "until it stops; stop it and run campaign shred again, or wait for its next checkpoint")
            }
            let backups = URL(fileURLWithPath: ws.path).deletingLastPathComponent().appendingPathComponent("backups")
            let older = (try? FileManager.default.contentsOfDirectory(atPath: backups.path))?.filter { $0.hasSuffix(".sqlite") } ?? []
            if !older.isEmpty {
                t.line("  ! \(older.count) backup\(older.count == 1 ? "" : "s") in \(backups.path) still hold the data; "
                       + "they go as campaign backup --keep rotates them, or delete them")
            }
        }
    }

    private func printKept(_ plan: Shredding.Plan, _ t: Terminal) {
        guard plan.kept > 0 else { return }
        let by = plan.keptBy.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        t.line("  kept \(plan.kept) people also registered in campaigns not shredded (仍在其他活动中): \(by)")
    }
}
