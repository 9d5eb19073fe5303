import ArgumentParser
import PluginKit
import Workflow

struct SignalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signal",
        abstract: CommandHelp.text(
            zh: "结束一个等待人工的步骤（例如入口已关闭），然后继续活动。",
            en: "End a step that waits for a person (e.g. the gate has closed), then continue the campaign."))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "活动名。", en: "The campaign name.")), completion: Completions.campaigns) var campaign: String
    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "正在等待的步骤的 id。", en: "The waiting step's id.")), completion: Completions.steps) var step: String
    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "对带 for_each 的步骤：哪一个实例——它的序号（从 1 开始）或它那一项的文字。", en: "For a step with for_each: which instance — its number (from 1) or its item's text.")))
    var item: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "对带 for_each 的步骤：通知这一天的每个实例（例如一个早上的全部发车），每个各记一次通知。",
                                                en: "For a step with for_each: signal every waiting instance of this day (every departure of a morning), each recorded as its own signal.")))
    var day: String?
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "通知与 ITEM 相符的每个正在等待的实例，而不是只有一个。",
                                              en: "Signal every waiting instance that ITEM matches, not just one.")))
    var every = false
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "发出通知的人（记入运行历史）。", en: "Who gives the signal (recorded in the history)."))) var by: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "随通知一起记录的备注。", en: "A note recorded with the signal."))) var note: String?
    @OptionGroup var language: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if every && item == nil && day == nil { throw ValidationError(UsageMessages.everyNeedsItem(), language: language.language) }
        if day != nil && item != nil { throw ValidationError(UsageMessages.dayOrItem(), language: language.language) }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language.adopt()) {
            let ws = try workspace.openExisting()
            let printer = try await RunPrinter.forRun(campaign, in: ws, language: language.language)
            let engine = try CommandSupport.engine(ws, printer: printer)
            let summary: RunSummary
            if let matching = day ?? (every ? item : nil) {
                summary = try await engine.signalEvery(campaign: campaign, step: step, matching: matching, by: by, note: note)
            } else {
                summary = try await engine.signal(campaign: campaign, step: step, item: item, by: by, note: note)
            }
            printer.summary(summary)
            if summary.run.status == .failed { throw ExitCode(1) }
        }
    }
}
