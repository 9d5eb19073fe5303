import ArgumentParser
import PluginKit
import Workflow

struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue campaigns: fire timers that came due, re-run interrupted steps, go on as far as possible.",
        discussion: "Without a name, resumes every campaign that has not completed.")

    @Argument(help: "The campaign name (as in its 'name:'); all unfinished campaigns when omitted.")
    var campaign: String?

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let names: [String]
            if let campaign {
                names = [campaign]
            } else {
                names = try await ws.pool.read { db in
                    try RunQueries.runs(in: db).filter { $0.status != .completed }.map(\.campaign)
                }
                if names.isEmpty { Terminal.standard.line("Nothing to resume: every campaign has completed.") }
            }
            var failed = false
            for name in names {
                let printer = try await RunPrinter.forRun(name, in: ws)
                let engine = try CommandSupport.engine(ws, printer: printer)
                printer.terminal.line(printer.terminal.bold("Resuming \(name)"))
                let summary = try await engine.resume(campaign: name)
                printer.summary(summary)
                failed = failed || summary.run.status == .failed
            }
            if failed { throw ExitCode(1) }
        }
    }
}
