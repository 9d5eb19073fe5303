import ArgumentParser
import Foundation
import GRDB
import Logging
import Workflow

/// What every command shares: the clock, the logger, and how errors become messages and exit codes.
public enum CommandSupport {
    /// The clock: real time, or shifted to `CAMPAIGN_NOW` for rehearsals and tests.
    public static func clock() throws -> any WorkflowClock {
        guard let text = ProcessInfo.processInfo.environment["CAMPAIGN_NOW"], !text.isEmpty else { return SystemClock() }
        guard let date = TimeFormats.dateTime(text, timeZone: WorkflowDefinition.defaultTimeZone) else {
            throw WorkflowError.usage(ToolMessages.badNow(["text": text]), hint: ToolMessages.nowHint())
        }
        return ShiftedClock(startingAt: date)
    }

    public static func logger() -> Logger {
        let level = ProcessInfo.processInfo.environment["CAMPAIGN_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        var logger = Logger(label: "campaign") { QuietMetadataLogHandler(label: $0) }
        logger.logLevel = level ?? .warning
        return logger
    }

    /// Runs a command body, turning engine errors into a clear message and the documented exit code.
    /// `language`: how a refusal is worded (the command's `--lang`, else `CAMPAIGN_LANG`, else Chinese).
    public static func reportingErrors(language: Language = .fromEnvironment(), _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ExitCode(report(error, language: language))
        }
    }

    /// Prints what went wrong as a clerk can act on it and returns the documented exit code: for a
    /// command that goes on with other work after one part failed (`resume` of every campaign).
    public static func report(_ error: any Error, language: Language = .fromEnvironment()) -> Int32 {
        let word = DiagnosticWords.error.template(language)
        let label = (Terminal.errorsColored ? "\u{1B}[1;31m\(word)\u{1B}[0m" : word) + Punctuation.colon.text(language)
        let help = "\n  " + DiagnosticWords.help.template(language)
        if let database = error as? DatabaseError, let storage = WorkflowError(storage: database) {
            return report(storage, language: language)
        }
        switch error {
        case let error as WorkflowError:
            for diagnostic in error.diagnostics {
                Terminal.error(diagnostic.rendered(in: error.file, color: Terminal.errorsColored, language: language))
            }
            Terminal.error(label + error.message(in: language) + (error.hint(in: language).map { help + $0 } ?? ""))
            return error.exitCode
        case let refusal as any Refusal:
            // The command line names the option at fault: `--id-number: the ID number … has …`.
            let option = refusal.field.map { "--" + $0.replacingOccurrences(of: "_", with: "-") + ": " } ?? ""
            Terminal.error(label + option + refusal.reason.text(language)
                           + (refusal.hint.map { help + $0.text(language) } ?? ""))
            return WorkflowError.Code.invalidInput.exitCode
        case let exit as ExitCode:
            return exit.rawValue
        case is CancellationError:
            return 130
        default:
            Terminal.error(label + "\(error)" + help + CommandMessages.unexpected.template(language))
            return 70
        }
    }
}
