import Foundation
import Workflow

/// How a page people print (badges, slips, manifests, a run sheet, a booth map) reaches the disk: the
/// HTML written — or, for a name ending in `.pdf`, printed at A4 by Chromium (`ChromiumPrinter`) —
/// with nothing half-written after a failure, which is worded for a clerk.
public enum PrintedPage {
    /// For a command: a failure is a `WorkflowError` (exit 69) naming the file and what to do.
    public static func write(_ html: String, to file: URL) throws {
        if ChromiumPrinter.wantsPDF(file) { return try ChromiumPrinter.print(html: html, to: file) }
        do {
            try Data(html.utf8).write(to: file, options: .atomic)
        } catch {
            throw WorkflowError.unavailable(ToolMessages.cannotWrite(["path": file.path, "reason": error.localizedDescription]),
                                            hint: ToolMessages.checkFolder())
        }
    }

    /// For a step: its folder made first; a failure is the step's, worded in its language.
    public static func write(_ html: String, to file: URL, context: StepContext) throws {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try write(html, to: file)
        } catch let error as WorkflowError {
            let hint = error.hint(in: context.language).map { " (\($0))" } ?? ""
            throw StepFailure(context.say(StepMessages.cannotWrite, ["path": file.path, "why": error.message(in: context.language) + hint]))
        } catch {
            throw context.cannotWrite(file.path, error)
        }
    }
}
