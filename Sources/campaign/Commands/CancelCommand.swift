import ArgumentParser
import PluginKit
import Workflow

struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: CommandHelp.text(
            zh: "停止活动：等待中和运行中的步骤被取消，未开始的步骤不再开始——if: 写了 always() 或 cancelled() 的除外，它们会运行。",
            en: "Stop a campaign: waiting and running steps are cancelled, steps not started do not start — "
            + "except those whose 'if:' says always() or cancelled(), which run."))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "活动名。", en: "The campaign name.")), completion: Completions.campaigns) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "取消活动的人（记入运行历史）。", en: "Who cancels (recorded in the history)."))) var by: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "原因（记入运行历史）。", en: "Why (recorded in the history)."))) var reason: String?
    @OptionGroup var language: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language.adopt()) {
            let ws = try workspace.openExisting()
            let printer = try await RunPrinter.forRun(campaign, in: ws, language: language.language)
            let engine = try CommandSupport.engine(ws, printer: printer)
            let summary = try await engine.cancel(campaign: campaign, by: by, reason: reason)
            if summary.run.status != .cancelled, summary.run.ownerPid != nil {
                printer.terminal.line(AdminMessages.cancelRecorded(["campaign": campaign, "pid": "\(summary.run.ownerPid!)"])
                    .text(language.language))
                return
            }
            printer.summary(summary)
            if summary.run.status == .failed { throw ExitCode(1) }
        }
    }
}
