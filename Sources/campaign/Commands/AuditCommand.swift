import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: CommandHelp.text(
            zh: "审计日志：登录、查询、未打码导出、更正、销毁、备份、恢复——谁、何时、做了什么。",
            en: "The audit log: sign-ins, look-ups, unmasked exports, corrections, shreds, backups, restores — who, when, what."),
        discussion: CommandHelp.text(zh: "只追加：程序中没有任何地方会修改或删除一条记录。", en: "Append-only: nothing in the program changes or deletes an entry."))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把日志写入这个 CSV 文件。", en: "Write the log to this CSV file."))) var csv: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            let entries = try await ws.pool.read { db in try AuditLog.entries(db) }
            let zone = WorkflowDefinition.defaultTimeZone
            let language = Language.fromEnvironment()
            let rows = entries.map {
                [TimeFormats.display($0.at, timeZone: zone), AuditWords.word($0.actor, language),
                 AuditWords.word($0.action, language), $0.campaign,
                 StoredWords.text($0.detailForm, else: $0.detail, language) ?? $0.detail]
            }
            let headers = AdminMessages.auditHeaders.columns(language)
            if let csv {
                try CSVExport.write([headers] + rows, to: csv)
                t.line(AdminMessages.wroteEntries(["count": "\(rows.count)", "file": csv]).text(language))
                return
            }
            var table = TextTable(headers: headers, numeric: [false, false, false, false, false])
            table.rows = rows
            if !rows.isEmpty { t.line(table.render()) }
            t.line(AdminMessages.entries(["count": "\(rows.count)"]).text(language))
        }
    }
}
