import Foundation
import PluginKit
import Workflow

/// Prints a run's progress as it happens and, at the end, what it waits for and how to continue.
struct RunPrinter: Sendable {
    let terminal: Terminal
    let timeZone: TimeZone
    /// `CAMPAIGN_LANG`, else Chinese.
    let language: Language

    /// `timeZone`: the campaign's, which every time of the run is printed in.
    init(terminal: Terminal = .standard, timeZone: TimeZone, language: Language = .fromEnvironment()) {
        self.terminal = terminal
        self.timeZone = timeZone
        self.language = language
    }

    private func say(_ text: MessageText, _ values: [String: String] = [:]) -> String {
        Message(text, values).text(language)
    }

    /// A printer for a started campaign, in its time zone.
    static func forRun(_ campaign: String, in workspace: Workspace,
                       language: Language = .fromEnvironment()) async throws -> RunPrinter {
        RunPrinter(timeZone: try await workspace.pool.read { db in try RunQueries.requireRun(db, campaign).timeZone },
                   language: language)
    }

    func event(_ event: RunEvent) {
        let t = terminal
        switch event {
        case .started(let step, let attempt):
            if t.isInteractive || attempt > 1 {
                t.line(t.dim("  ▶ \(step)") + (attempt > 1 ? t.dim(say(RunMessages.attempt, ["number": "\(attempt)"])) : ""))
            }
        case .completed(let step, let elapsed, let outputs):
            let shown = outputs.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.interpolated.prefix(60))" }.joined(separator: " ")
            t.line("  \(t.green("✓")) \(step) \(t.dim(TimeFormats.display(elapsed)))" + (shown.isEmpty ? "" : "  \(shown)"))
        case .failed(let step, let message, let retryAt):
            let retry = retryAt.map { say(RunMessages.retryAt, ["time": TimeFormats.display($0, timeZone: timeZone, seconds: true)]) }
            t.line("  \(t.red("✗")) \(step): \(message)\(retry ?? "")")
        case .waiting(let step, let wait):
            t.line("  \(t.yellow("⏸")) \(step): \(wait.message?.text(language) ?? wait.prompt)")
        case .woke(let step, let reason):
            t.line("  \(t.dim("⏵")) \(step): \(reason)")
        case .skipped(let step, let reason):
            t.line("  \(t.dim("↷ \(step): \(reason)"))")
        case .fannedOut(let step, let instances):
            t.line("  \(t.dim("⑂")) " + say(RunMessages.fannedOut, ["step": step, "count": "\(instances)"]))
        case .interrupted(let step):
            t.line("  \(t.yellow("↺")) " + say(RunMessages.interrupted, ["step": step]))
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
        let counts = ["campaign": run.campaign, "done": "\(done)", "total": "\(total)"]
        switch run.status {
        case .completed:
            t.line(t.green(say(RunMessages.completed, counts)))
        case .failed:
            t.line(t.red(say(RunMessages.failed, counts)))
            for step in summary.failed where !step.isInstance {
                t.line("  \(t.red("✗")) \(step.stepId): \(step.error ?? "failed")")
                t.line("    " + say(RunMessages.fixThenRetry, ["campaign": run.campaign, "step": step.stepId]))
            }
        case .waiting, .running:
            t.line(t.yellow(say(RunMessages.waiting, counts)))
        case .cancelled:
            t.line(t.yellow(run.cancelledBy.map { say(RunMessages.cancelledBy, counts.merging(["by": $0]) { _, new in new }) }
                            ?? say(RunMessages.cancelled, counts)))
        }
        let shownWaiting = summary.waiting.prefix(Self.waitingShown)
        for step in shownWaiting {
            if step.status == .retrying, let due = step.dueAt {
                t.line("  ↻ " + say(RunMessages.willRetry, ["step": step.stepId, "campaign": run.campaign,
                                                           "time": TimeFormats.display(due, timeZone: zone, seconds: true)]))
            } else {
                t.line("  ⏸ \(step.stepId): \(StoredWords.text(step.promptForm, else: step.prompt, language) ?? say(StatusMessages.word(StepStatus.waiting)))")
            }
        }
        if summary.waiting.count > shownWaiting.count {
            t.line("  " + say(RunMessages.moreWaiting, ["count": "\(summary.waiting.count - shownWaiting.count)",
                                                        "campaign": run.campaign]))
        }
        if run.status == .waiting {
            let timed = summary.waiting.compactMap(\.dueAt).min()
            t.line(timed.map { say(RunMessages.continueLaterTimer,
                                   ["campaign": run.campaign, "time": TimeFormats.display($0, timeZone: zone)]) }
                   ?? say(RunMessages.continueLater, ["campaign": run.campaign]))
        }
    }
}
