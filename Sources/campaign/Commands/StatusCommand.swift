import ArgumentParser
import Foundation
import PluginKit
import Workflow

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show where campaigns stand: every campaign, or each step of one.")

    @Argument(help: "A campaign name; all campaigns when omitted.", completion: Completions.campaigns)
    var campaign: String?

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            guard let campaign else {
                let (rows, schedules) = try await ws.pool.read { db in
                    (try RunQueries.runs(in: db).map { run in (run, try RunQueries.steps(runID: run.id, in: db)) },
                     try ScheduleRecord.all(in: db))
                }
                defer { printSchedules(schedules, t: t) }
                if rows.isEmpty && schedules.isEmpty {
                    t.line("No campaigns yet. Start one: campaign start workflows/spring-fair.yaml")
                }
                let width = max(8, rows.map { $0.0.campaign.terminalWidth }.max() ?? 0)
                if !rows.isEmpty {
                    t.line(t.bold(Terminal.pad("CAMPAIGN", width) + "  KIND           STATUS     STEPS   UPDATED"))
                }
                for (run, allSteps) in rows {
                    let steps = allSteps.filter { !$0.isInstance }
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
            let steps = summary.steps.filter { !$0.isInstance }
            let instances = Dictionary(grouping: summary.steps.filter(\.isInstance), by: { $0.parentStep ?? "" })
            let width = max(4, steps.map { $0.stepId.terminalWidth }.max() ?? 0)
            for step in steps {
                t.line(line(for: step, summary: summary, width: width, t: t))
                guard let mine = instances[step.stepId], !mine.isEmpty else { continue }
                let counts = Dictionary(grouping: mine, by: \.status).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
                t.line("      " + t.dim("\(mine.count) instances: " + counts.joined(separator: ", ")))
                let notable = mine.filter { ![.succeeded, .skipped, .pending].contains($0.status) }
                let instanceWidth = max(4, notable.map { $0.stepId.terminalWidth }.max() ?? 0)
                for instance in notable.prefix(Self.instancesShown) {
                    t.line("    " + line(for: instance, summary: summary, width: instanceWidth, t: t))
                }
                if notable.count > Self.instancesShown {
                    t.line("      " + t.dim("… and \(notable.count - Self.instancesShown) more; "
                                         + "`campaign history \(run.campaign)` has every one"))
                }
            }
        }
    }

    private func printSchedules(_ schedules: [ScheduleRecord], t: Terminal) {
        guard !schedules.isEmpty else { return }
        t.line("")
        t.line(t.bold("SCHEDULED") + t.dim("  (started by `campaign run-daemon` or `campaign serve`)"))
        for schedule in schedules {
            let next = schedule.nextFireAt.map { "next \(TimeFormats.display($0, timeZone: schedule.timeZone))" }
                ?? "no time to come"
            let last = schedule.lastCampaign.map { "; last started \($0)" } ?? ""
            t.line("  \(schedule.name)  \(next)\(last)")
        }
    }

    /// Instances listed under a fan-out step (those that wait, failed, or run; the rest are counted).
    static let instancesShown = 20

    private func line(for step: StepRecord, summary: RunSummary, width: Int, t: Terminal) -> String {
        let run = summary.run
        let zone = run.timeZone
        let mark: String
        var detail = ""
        switch step.status {
        case .succeeded:
            mark = t.green("✓")
            // Every output (an import's rows, a tally's placed…): a value is cut, never a key left out.
            detail = step.outputs.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.interpolated.prefix(60))" }.joined(separator: " ")
        case .failed:
            mark = t.red("✗")
            detail = (step.error ?? "") + (step.isInstance ? ""
                : " — run: campaign retry \(run.campaign) \(step.stepId)")
        case .waiting:
            mark = t.yellow("⏸")
            detail = step.prompt ?? ""
        case .retrying:
            mark = t.yellow("↻")
            detail = "\(step.error ?? ""); next try "
                + (step.dueAt.map { TimeFormats.display($0, timeZone: zone, seconds: true) } ?? "soon")
        case .running:
            mark = t.yellow("▶")
            detail = step.fanOut != nil ? "its instances are under way"
                : "running (or interrupted; `campaign resume` continues it)"
        case .skipped:
            mark = t.dim("↷")
        case .blocked:
            mark = t.red("⊘")
            detail = "not run: a step it needs failed; `campaign retry` of that step decides it again"
        case .cancelled:
            mark = t.dim("⊘")
            detail = "cancelled"
        case .pending:
            mark = t.dim("·")
            let waitsFor = summary.definition.step(step.stepId)?.needIDs.filter { need in
                summary.steps.first { $0.stepId == need }?.status.hasEnded == false
            } ?? []
            detail = waitsFor.isEmpty ? "" : "waits for \(waitsFor.joined(separator: ", "))"
        }
        let attempt = step.attempt > 1 ? " (attempt \(step.attempt))" : ""
        let item = step.item.map { " " + $0.itemLabel.prefix(40) } ?? ""
        return "  \(mark) \(Terminal.pad(step.stepId, width))  \(Terminal.pad(step.status.rawValue, 9))"
            + "\(attempt)  \(t.dim(item.isEmpty ? detail : String(item.dropFirst()) + (detail.isEmpty ? "" : " — " + detail)))"
    }
}
