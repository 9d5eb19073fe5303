import Foundation
import PluginKit
import Workflow

/// Prints a run's progress as it happens and, at the end, what it waits for and how to continue.
struct RunPrinter: Sendable {
    let terminal: Terminal
    let timeZone: TimeZone

    /// `timeZone`: the campaign's, which every time of the run is printed in.
    init(terminal: Terminal = .standard, timeZone: TimeZone) {
        self.terminal = terminal
        self.timeZone = timeZone
    }

    /// A printer for a started campaign, in its time zone.
    static func forRun(_ campaign: String, in workspace: Workspace) async throws -> RunPrinter {
        RunPrinter(timeZone: try await workspace.pool.read { db in try RunQueries.requireRun(campaign, in: db).timeZone })
    }

    func event(_ event: RunEvent) {
        let t = terminal
        switch event {
        case .started(let step, let attempt):
            if t.isInteractive || attempt > 1 {
                t.line(t.dim("  ▶ \(step)") + (attempt > 1 ? t.dim(" (attempt \(attempt))") : ""))
            }
        case .completed(let step, let elapsed, let outputs):
            let shown = outputs.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.interpolated.prefix(60))" }.joined(separator: " ")
            t.line("  \(t.green("✓")) \(step) \(t.dim(TimeFormats.display(elapsed)))" + (shown.isEmpty ? "" : "  \(shown)"))
        case .failed(let step, let message, let retryAt):
            let retry = retryAt.map { " — will try again at \(TimeFormats.display($0, timeZone: timeZone, seconds: true))" }
            t.line("  \(t.red("✗")) \(step): \(message)\(retry ?? "")")
        case .waiting(let step, let wait):
            t.line("  \(t.yellow("⏸")) \(step): \(wait.prompt)")
        case .woke(let step, let reason):
            t.line("  \(t.dim("⏵")) \(step): \(reason)")
        case .skipped(let step, let reason):
            t.line("  \(t.dim("↷ \(step): \(reason)"))")
        case .fannedOut(let step, let instances):
            t.line("  \(t.dim("⑂")) \(step): \(instances) instance\(instances == 1 ? "" : "s"), one per item")
        case .interrupted(let step):
            t.line("  \(t.yellow("↺")) \(step): interrupted earlier, running again")
        case .progress:
            break
        case .note(_, let message):
            t.line("      \(t.yellow("!")) \(message)")
        }
    }

    /// The closing lines of start/resume/signal/retry: where the run stands and the next command.
    /// Waiting steps listed at the end of a drive; a fan-out of 36 buses would otherwise fill the screen.
    static let waitingShown = 10

    func summary(_ summary: RunSummary) {
        let t = terminal
        let run = summary.run
        let zone = summary.run.timeZone
        let steps = summary.steps.filter { !$0.isInstance }
        let done = steps.filter { $0.status.isFinished }.count
        let total = steps.count
        switch run.status {
        case .completed:
            t.line(t.green("Campaign \(run.campaign) completed") + " (\(total) steps).")
        case .failed:
            t.line(t.red("Campaign \(run.campaign) stopped: a step failed") + " (\(done) of \(total) steps done).")
            for step in summary.failed where !step.isInstance {
                t.line("  \(t.red("✗")) \(step.stepId): \(step.error ?? "failed")")
                t.line("    fix the cause, then run: campaign retry \(run.campaign) \(step.stepId)")
            }
        case .waiting, .running:
            t.line(t.yellow("Campaign \(run.campaign) is waiting") + " (\(done) of \(total) steps done).")
        case .cancelled:
            t.line(t.yellow("Campaign \(run.campaign) was cancelled") + " (\(done) of \(total) steps done)"
                   + (run.cancelledBy.map { " by \($0)" } ?? "") + ".")
        }
        let shownWaiting = summary.waiting.prefix(Self.waitingShown)
        for step in shownWaiting {
            if step.status == .retrying, let due = step.dueAt {
                t.line("  ↻ \(step.stepId): will try again at \(TimeFormats.display(due, timeZone: zone, seconds: true))"
                       + " — run: campaign resume \(run.campaign)")
            } else {
                t.line("  ⏸ \(step.stepId): \(step.prompt ?? "waiting")")
            }
        }
        if summary.waiting.count > shownWaiting.count {
            t.line("  … and \(summary.waiting.count - shownWaiting.count) more waiting; `campaign status \(run.campaign)` lists them")
        }
        if run.status == .waiting {
            let timed = summary.waiting.compactMap(\.dueAt).min()
            let next = timed.map { " (next timer: \(TimeFormats.display($0, timeZone: zone)))" } ?? ""
            t.line("Continue later with: campaign resume \(run.campaign)\(next); see it with: campaign status \(run.campaign)")
        }
    }
}
