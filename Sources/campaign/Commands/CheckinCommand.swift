import ArgumentParser
import Checkin
import Foundation
import GRDB
import Ledger
import Workflow

struct CheckinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Check a person in at a gate by badge code, ID number or mobile number.",
        discussion: """
            Green: checked in. Amber: already checked in (says when, where and by whom; counts once).
            Red: refused, with the reason. Exit status 0 for green and amber, 1 for red, so a scanner
            script can beep. A barcode scanner that types the code and Enter works as the input.
            """)

    @Argument(help: "Badge code, 18-digit ID number or 11-digit mobile number.") var input: String
    @Option(help: "The campaign.") var campaign: String
    @Option(help: "The checkpoint (default: gate; bus checkpoints: board, get-off, …).") var checkpoint = "gate"
    @Option(help: "The gate you stand at, e.g. north.") var gate = ""
    @Option(help: "Your name, recorded with the scan.") var staff = ""
    @Option(help: "This device's name.") var device = "terminal"
    @Option(help: "A unique id for this scan; a retried scan with the same nonce is answered, not counted.")
    var nonce: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        var rejected = false
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let now = try CommandSupport.clock().now()
            let request = ScanRequest(campaign: campaign, checkpoint: checkpoint, input: input, gate: gate, staff: staff,
                                      device: device, nonce: nonce ?? UUID().uuidString)
            let answer = try await ws.pool.write { db in
                _ = try RunQueries.requireRun(request.campaign, in: db)
                return try Scans.scan(request, now: now, db: db)
            }
            let t = Terminal.standard
            let who = [answer.maskedName, answer.maskedID].compactMap { $0 }.joined(separator: " ")
            let groups = answer.groups.isEmpty ? "" : " [\(answer.groups.joined(separator: "、"))]"
            switch answer.result {
            case .accepted: t.line(t.green("✓ \(who)\(groups) — \(answer.reason)"))
            case .repeat_: t.line(t.yellow("• \(who)\(groups) — \(answer.reason)"))
            case .rejected:
                t.line(t.red("✗ " + (who.isEmpty ? "" : "\(who)\(groups) — ") + answer.reason))
                rejected = true
            }
        }
        if rejected { throw ExitCode(1) }
    }
}

struct CheckinsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkins",
        abstract: "List a campaign's scan ledger (masked), with counts per gate; export it as CSV.")

    @Option(help: "The campaign.") var campaign: String
    @Option(help: "The checkpoint.") var checkpoint = "gate"
    @Option(help: "Write the full scan history to this CSV file (UTF-8 with BOM, masked).") var csv: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let (rows, counts) = try await ws.pool.read { db in
                _ = try RunQueries.requireRun(campaign, in: db)
                let rows = try Scans.history(campaign: campaign, checkpoint: checkpoint, db: db).map { e in
                    [TimeFormats.display(e.at, timeZone: Scans.zone, seconds: true), e.gate, e.staff, e.method, e.input,
                     e.name ?? "", e.idNumber ?? "", e.result, e.reason]
                }
                return (rows, try CheckinPlugin.counts(campaign: campaign, checkpoint: checkpoint, db: db))
            }
            let header = ["时间 time", "闸口 gate", "工作人员 staff", "方式 method", "输入 input", "姓名 name",
                          "身份证号 id_number", "结果 result", "原因 reason"]
            if let csv {
                var text = "\u{FEFF}" + header.joined(separator: ",") + "\r\n"
                for row in rows { text += row.map(CSVText.quote).joined(separator: ",") + "\r\n" }
                do {
                    try text.write(toFile: csv, atomically: true, encoding: .utf8)
                } catch {
                    throw WorkflowError.unavailable("cannot write '\(csv)': \(error.localizedDescription)")
                }
            }
            let t = Terminal.standard
            if csv == nil {
                for row in rows {
                    let mark = row[7] == "accepted" ? t.green("✓") : row[7] == "repeat" ? t.yellow("•") : t.red("✗")
                    t.line("\(row[0])  \(mark) \(Terminal.pad(row[1], 6)) \(Terminal.pad(row[5], 6)) \(row[6])  \(row[8])"
                           + (row[2].isEmpty ? "" : t.dim("  by \(row[2])")))
                }
            }
            let gates = counts.byGate.sorted { $0.key < $1.key }.map { "\($0.key.isEmpty ? "(no gate)" : $0.key) \($0.value)" }
            t.line(t.bold("\(counts.total) people checked in at \(checkpoint)") + " (\(rows.count) scans)"
                   + (gates.isEmpty ? "" : ": " + gates.joined(separator: ", "))
                   + (csv.map { "; written to \($0)" } ?? ""))
        }
    }
}
