import ArgumentParser
import PluginKit
import Workflow

struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: CommandHelp.text(
            zh: "继续活动：触发到期的定时、重跑中断的步骤、尽量往前推进。",
            en: "Continue campaigns: fire timers that came due, re-run interrupted steps, go on as far as possible."),
        discussion: CommandHelp.text(zh: "不写活动名时，继续所有尚未完成的活动。", en: "Without a name, resumes every campaign that has not completed."))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "活动名（即定义中的 name:）；不写时继续所有未完成的活动。", en: "The campaign name (as in its 'name:'); all unfinished campaigns when omitted.")),
              completion: Completions.campaigns)
    var campaign: String?

    @OptionGroup var language: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language.adopt()) {
            let ws = try workspace.openExisting()
            let names: [String]
            if let campaign {
                names = [campaign]
            } else {
                names = try await ws.pool.read { db in
                    try RunQueries.runs(db).filter { $0.status != .completed }.map(\.campaign)
                }
                if names.isEmpty { Terminal.standard.line(AdminMessages.nothingToResume.template(language.language)) }
            }
            // One campaign that cannot go on is reported and left; the others still run on time.
            var exitCode: Int32 = 0
            for name in names {
                do {
                    let printer = try await RunPrinter.forRun(name, in: ws, language: language.language)
                    let engine = try CommandSupport.engine(ws, printer: printer)
                    printer.terminal.line(printer.terminal.bold(Message(RunMessages.resuming, ["campaign": name]).text(language.language)))
                    let summary = try await engine.resume(campaign: name)
                    printer.summary(summary)
                    if summary.run.status == .failed && exitCode == 0 { exitCode = 1 }
                } catch {
                    let code = CommandSupport.report(error, language: language.language)
                    if names.count > 1 { Terminal.error("  " + ToolMessages.othersGoOn(["campaign": name]).text(language.language)) }
                    if exitCode <= 1 { exitCode = code }
                }
            }
            if exitCode != 0 { throw ExitCode(exitCode) }
        }
    }
}
