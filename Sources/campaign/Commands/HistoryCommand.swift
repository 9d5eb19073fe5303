import ArgumentParser
import Foundation
import PluginKit
import Workflow

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: CommandHelp.text(
            zh: "显示活动的事件日志：每次开始、完成、失败、等待、通知和重试。",
            en: "Print a campaign's event log: every start, completion, failure, wait, signal and retry."))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "活动名。", en: "The campaign name.")), completion: Completions.campaigns) var campaign: String
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var language: LanguageOptions

    func run() async throws {
        let lang = language.adopt()
        try await CommandSupport.reportingErrors(language: lang) {
            let ws = try workspace.openExisting()
            let (run, events) = try await ws.pool.read { db in
                let run = try RunQueries.requireRun(db, campaign)
                return (run, try RunQueries.events(db, runID: run.id))
            }
            let zone = run.timeZone
            let t = Terminal.standard
            let width = max(4, events.compactMap { $0.stepId?.terminalWidth }.max() ?? 0)
            for event in events {
                let attempt = (event.attempt ?? 0) > 1 ? " #\(event.attempt!)" : ""
                t.line(TimeFormats.display(event.at, timeZone: zone, seconds: true) + "  "
                       + Terminal.pad(event.stepId ?? "-", width) + "  "
                       + Terminal.pad(HistoryMessages.word(event.kind, lang) + attempt, 16)
                       + (StoredWords.text(event.messageForm, else: event.message, lang).map { "  \($0)" } ?? ""))
            }
        }
    }
}
