import ArgumentParser
import BuiltinPlugins
import Foundation
import Logging
import Workflow

/// `--db PATH`, shared by every command that touches the workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "Workspace database (default: $CAMPAIGN_DB or ./campaign.sqlite).")
    var db: String?

    var path: String { Workspace.defaultPath(explicit: db) }

    func open() throws -> Workspace {
        try Workspace(path: path, registry: BuiltinPlugins.registry)
    }

    /// Opens an existing workspace only: reading commands must not create an empty file by accident.
    func openExisting() throws -> Workspace {
        guard FileManager.default.fileExists(atPath: path) else {
            throw WorkflowError.unavailable("no workspace at '\(path)'",
                                            hint: "start a campaign first (`campaign start workflows/spring-fair.yaml`), "
                                                + "or point to the workspace with --db PATH")
        }
        return try open()
    }
}

enum CommandSupport {
    /// The clock: real time, or shifted to `CAMPAIGN_NOW` for rehearsals and tests.
    static func clock() throws -> any WorkflowClock {
        guard let text = ProcessInfo.processInfo.environment["CAMPAIGN_NOW"], !text.isEmpty else { return SystemClock() }
        guard let date = TimeFormats.dateTime(text, timeZone: TimeZone(identifier: "Asia/Shanghai")!) else {
            throw WorkflowError.usage("CAMPAIGN_NOW='\(text)' is not a date and time",
                                      hint: "write it like 2026-03-01T08:00:00+08:00")
        }
        return ShiftedClock(startingAt: date)
    }

    static func logger() -> Logger {
        let level = ProcessInfo.processInfo.environment["CAMPAIGN_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        var logger = Logger(label: "campaign") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = level ?? .warning
        return logger
    }

    static func engine(_ workspace: Workspace, printer: RunPrinter) throws -> Engine {
        Engine(registry: BuiltinPlugins.registry, workspace: workspace, clock: try clock(), logger: logger(),
               observer: { printer.event($0) })
    }

    /// Runs a command body, turning engine errors into a clear message and the documented exit code.
    static func reportingErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as WorkflowError {
            for diagnostic in error.diagnostics {
                Terminal.error(diagnostic.rendered(in: error.file, color: Terminal.errorsColored))
            }
            let label = Terminal.errorsColored ? "\u{1B}[1;31merror\u{1B}[0m" : "error"
            Terminal.error("\(label): \(error.message)" + (error.hint.map { "\n  help: \($0)" } ?? ""))
            throw ExitCode(error.exitCode)
        } catch let error as ExitCode {
            throw error
        } catch is CancellationError {
            throw ExitCode(130)
        } catch {
            Terminal.error("error: \(error)\n  help: this is unexpected; please report it with the command you ran")
            throw ExitCode(70)
        }
    }
}
