import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

struct CheckinsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkins",
        abstract: CommandHelp.text(
            zh: "列出活动的扫码记录（已打码）及各入口人数；可导出为 CSV。",
            en: "List a campaign's scan ledger (masked), with counts per gate; export it as CSV."))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "活动。", en: "The campaign."))) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "检查点。", en: "The checkpoint."))) var checkpoint = "gate"
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "把全部扫码记录写入这个 CSV 文件（带 BOM 的 UTF-8，已脱敏）。", en: "Write the full scan history to this CSV file (UTF-8 with BOM, masked)."))) var csv: String?
    @OptionGroup var language: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language.adopt()) {
            let ws = try workspace.openExisting()
            let language = language
            let (rows, counts, names) = try await ws.pool.read { db in
                let zone = try RunQueries.requireRun(db, campaign).timeZone
                // Gates by the names people read (北门), where the gate step gave them (#38).
                let names = try Scans.gateNames(db, campaign: campaign, checkpoint: checkpoint)
                let rows = try Scans.history(db, campaign: campaign, checkpoint: checkpoint).map { e in
                    [TimeFormats.display(e.at, timeZone: zone, seconds: true), names[e.gate] ?? e.gate, e.staff, e.method, e.input,
                     e.name ?? "", e.idNumber ?? "", e.result, e.message.text(language.language)]
                }
                return (rows, try Scans.counts(db, campaign: campaign, checkpoint: checkpoint), names)
            }
            let header = ["时间 time", "闸口 gate", "工作人员 staff", "方式 method", "输入 input", "姓名 name",
                          "身份证号 id_number", "结果 result", "原因 reason"]
            if let csv {
                try CSVExport.write([header] + rows, to: csv)
                try await ExportAudit.record(ws, campaign: campaign, file: csv, rows: rows.count, what: AdminMessages.scanHistory)
            }
            let t = Terminal.standard
            let lang = language.language
            if csv == nil {
                for row in rows {
                    let mark = switch ScanAnswer.Result(rawValue: row[7]) {
                    case .accepted: t.green("✓")
                    case .repeat_: t.yellow("•")
                    case .rejected, nil: t.red("✗")
                    }
                    t.line("\(row[0])  \(mark) \(Terminal.pad(row[1], 6)) \(Terminal.pad(row[5], 6)) \(row[6])  \(row[8])"
                           + (row[2].isEmpty ? "" : t.dim(GateMessages.byStaff(["staff": row[2]]).text(lang))))
                }
            }
            let gates = counts.byGate.sorted { $0.key < $1.key }
                .map { "\($0.key.isEmpty ? GateMessages.noGate.template(lang) : names[$0.key] ?? $0.key) \($0.value)" }
            t.line(t.bold(GateMessages.checkedInCount(["count": "\(counts.attended)", "checkpoint": checkpoint]).text(lang))
                   + GateMessages.scans(["count": "\(rows.count)"]).text(lang)
                   + (gates.isEmpty ? "" : Punctuation.colon.text(lang) + gates.joined(separator: ", "))
                   + (csv.map { GateMessages.writtenTo(["file": $0]).text(lang) } ?? ""))
        }
    }
}
