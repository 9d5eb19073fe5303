import ArgumentParser
import Ledger
import PluginKit
import Workflow

struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: CommandHelp.text(
            zh: "重新运行失败的步骤，再运行依赖它的步骤。",
            en: "Run a failed step again, then the steps that depend on it."))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "活动名。", en: "The campaign name.")), completion: Completions.campaigns) var campaign: String
    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "失败的步骤的 id。", en: "The failed step's id.")), completion: Completions.steps) var step: String
    @OptionGroup var language: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language.adopt()) {
            let ws = try workspace.openExisting()
            let printer = try await RunPrinter.forRun(campaign, in: ws, language: language.language)
            try await ws.pool.read { db in try Registrations.requireOpenCampaign(db, campaign) }
            let engine = try CommandSupport.engine(ws, printer: printer)
            let summary = try await engine.retry(campaign: campaign, step: step)
            printer.summary(summary)
            if summary.run.status == .failed { throw ExitCode(1) }
        }
    }
}
