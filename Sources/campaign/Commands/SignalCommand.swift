import ArgumentParser
import PluginKit
import Workflow

struct SignalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signal",
        abstract: CommandHelp.text(
            zh: "结束一个等待人工的步骤（例如入口已关闭），然后继续活动。",
            en: "End a step that waits for a person (e.g. the gate has closed), then continue the campaign."))

    @Argument(help: "The campaign name.", completion: Completions.campaigns) var campaign: String
    @Argument(help: "The waiting step's id.", completion: Completions.steps) var step: String
    @Argument(help: "For a step with for_each: which instance — its number (from 1) or its item's text.")
    var item: String?
    @Option(help: "Who gives the signal (recorded in the history).") var by: String?
    @Option(help: "A note recorded with the signal.") var note: String?
    @OptionGroup var language: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language.adopt()) {
            let ws = try workspace.openExisting()
            let printer = try await RunPrinter.forRun(campaign, in: ws, language: language.language)
            let engine = try CommandSupport.engine(ws, printer: printer)
            let summary = try await engine.signal(campaign: campaign, step: step, item: item, by: by, note: note)
            printer.summary(summary)
            if summary.run.status == .failed { throw ExitCode(1) }
        }
    }
}
