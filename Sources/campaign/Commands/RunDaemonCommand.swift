import ArgumentParser
import Foundation
import PluginKit
import Workflow

struct RunDaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-daemon",
        abstract: CommandHelp.text(
            zh: "让工作区里的活动按时自行运行：定时、重试、定时活动、通知。",
            en: "Run the workspace's campaigns on time, by themselves: timers, retries, schedules, signals."),
        discussion: CommandHelp.text(zh: """
            到时触发每个计时和重试，按定时开始定时活动（on: schedule:），传递其他命令发来的通知和取消，
            继续因崩溃而中断的运行；销毁 retention: 已到期的活动；加 --backup-every 时按计划备份工作区（轮换保存，记入审计日志）。
            同一工作区上有多个守护进程时（campaign serve 也运行一个），只有一个工作，其余待命。按 Ctrl-C 停止；docs/reference.md 里有 systemd 单元。
            """, en: """
            Fires every timer and retry when it is due, starts the runs of scheduled campaigns
            (on: schedule:), delivers signals and cancels sent from other commands, and resumes runs a
            crash left behind; shreds campaigns whose retention: has ended; with --backup-every, backs the
            workspace up on a schedule (rotated, in the audit log). Of several daemons on one workspace (campaign serve runs one too), one
            works and the others stand by. Stop with Ctrl-C; a systemd unit is in docs/reference.md.
            """))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "多久查看一次其他命令发来的工作，单位为秒。", en: "How often to look for work sent by other commands, in seconds."))) var poll: Double = 1
    @OptionGroup var backups: ScheduledBackupOptions
    @OptionGroup var publishing: ScheduledPublishOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let printer = RunPrinter(timeZone: WorkflowDefinition.defaultTimeZone)
            let engine = try CommandSupport.engine(ws, printer: printer)
            let daemon = Daemon(engine: engine, pollInterval: .milliseconds(Int(max(0.05, poll) * 1000)),
                                chores: [RetentionChore(workspace: ws).run] + backups.chore(for: ws) + (try publishing.chores(for: ws)),
                                report: DaemonReporter(terminal: printer.terminal, clock: engine.clock).report)
            let task = Task { try await daemon.run() }
            let stop = StopSignals { task.cancel() }
            defer { stop.cancel() }
            do {
                try await task.value
            } catch is CancellationError {
                // Stopped by Ctrl-C or SIGTERM: a clean end.
            }
        }
    }
}

/// One line per thing a daemon does, with the time, for a terminal or the system journal.
struct DaemonReporter: Sendable {
    let terminal: Terminal
    let clock: any WorkflowClock

    func report(_ event: DaemonEvent) {
        let time = terminal.dim(TimeFormats.display(clock.now(), timeZone: WorkflowDefinition.defaultTimeZone, seconds: true))
        let language = Language.fromEnvironment()
        func say(_ message: Message) { terminal.line("\(time) " + message.text(language)) }
        switch event {
        case .started(let pid):
            say(AdminMessages.daemonStarted(["pid": "\(pid)"]))
        case .standingBy(let pid, let host):
            say(AdminMessages.standingBy(["pid": "\(pid)", "host": host]))
        case .tookOver:
            say(AdminMessages.tookOver())
        case .scheduled(let campaign, let status):
            say(AdminMessages.startedScheduled(["campaign": campaign], words: ["status": StatusWords.word(status)()]))
        case .drove(let campaign, let status):
            say(AdminMessages.drove(["campaign": campaign], words: ["status": StatusWords.word(status)()]))
        case .skipped(let campaign, let reason):
            say(AdminMessages.cannotGoOn(["campaign": campaign, "reason": reason]))
        case .chore(let message):
            terminal.line("\(time) \(message)")
        case .choreFailed(let reason):
            terminal.line("\(time) ! \(reason)")
        case .stopped:
            say(AdminMessages.daemonStopped())
        }
    }
}

/// Calls `handler` once on Ctrl-C or `kill` (SIGINT, SIGTERM), so a daemon stops cleanly and gives
/// up its lease instead of being cut off.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(handler: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
