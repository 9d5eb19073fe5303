import ArgumentParser
import Foundation
import PluginKit
import Workflow

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show where campaigns stand: every campaign, or each step of one.")

    @Argument(help: "A campaign name; all campaigns when omitted.")
    var campaign: String?

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            guard let campaign else {
                let rows = try await ws.pool.read { db in
                    try RunQueries.runs(in: db).map { run in
                        (run, try RunQueries.steps(runID: run.id, in: db))
                    }
                }
                if rows.isEmpty { t.line("No campaigns yet. Start one: campaign start workflows/spring-fair.yaml") }
                let width = max(8, rows.map { $0.0.campaign.terminalWidth }.max() ?? 0)
                if !rows.isEmpty {
                    t.line(t.bold(Terminal.pad("CAMPAIGN", width) + "  KIND           STATUS     STEPS   UPDATED"))
                }
                for (run, steps) in rows {
                    let done = steps.filter { $0.status.isFinished }.count
                    t.line(Terminal.pad(run.campaign, width) + "  " + Terminal.pad(run.kind, 13) + "  "
                           + Terminal.pad(run.status.rawValue, 9) + "  " + Terminal.pad("\(done)/\(steps.count)", 6)
                           + "  " + TimeFormats.display(run.updatedAt, timeZone: run.timeZone))
                }
                return
            }
            let engine = try CommandSupport.engine(ws, printer: try await RunPrinter.forRun(campaign, in: ws))
            let summary = try await engine.summary(campaign: campaign)
            let zone = summary.run.timeZone
            let run = summary.run
            t.line(t.bold(run.campaign) + (run.title.map { " — \($0)" } ?? "") + "  [\(run.status.rawValue)]")
            t.line(t.dim("started \(TimeFormats.display(run.createdAt, timeZone: zone)) from \(run.definitionPath)"))
            let width = max(4, summary.steps.map { $0.stepId.terminalWidth }.max() ?? 0)
            for step in summary.steps {
                let mark: String
                var detail = ""
                switch step.status {
                case .succeeded:
                    mark = t.green("✓")
                    let outputs = step.outputs.sorted { $0.key < $1.key }.prefix(4)
                        .map { "\($0.key)=\($0.value.interpolated)" }.joined(separator: " ")
                    detail = outputs
                case .failed:
                    mark = t.red("✗")
                    detail = (step.error ?? "") + " — run: campaign retry \(run.campaign) \(step.stepId)"
                case .waiting:
                    mark = t.yellow("⏸")
                    detail = step.prompt ?? ""
                case .retrying:
                    mark = t.yellow("↻")
                    detail = "\(step.error ?? ""); next try "
                        + (step.dueAt.map { TimeFormats.display($0, timeZone: zone, seconds: true) } ?? "soon")
                case .running:
                    mark = t.yellow("▶")
                    detail = "running (or interrupted; `campaign resume` continues it)"
                case .skipped:
                    mark = t.dim("↷")
                case .pending:
                    mark = t.dim("·")
                    let blocked = summary.definition.step(step.stepId)?.needIDs.filter { need in
                        summary.steps.first { $0.stepId == need }?.status.isFinished == false
                    } ?? []
                    detail = blocked.isEmpty ? "" : "waits for \(blocked.joined(separator: ", "))"
                }
                let attempt = step.attempt > 1 ? " (attempt \(step.attempt))" : ""
                t.line("  \(mark) \(Terminal.pad(step.stepId, width))  \(Terminal.pad(step.status.rawValue, 9))"
                       + "\(attempt)  \(t.dim(detail))")
            }
        }
    }
}
