import Foundation
import Workflow

/// How a step writes a page people print (a run sheet, manifests, a booth map): its folder made, the
/// HTML written — or, for a name ending in `.pdf`, printed at A4 by Chromium (`ChromiumPrinter`). A
/// failure is the step's, worded in its language, with nothing half-written.
public enum PrintedPage {
    public static func write(_ html: String, to file: URL, context: StepContext) throws {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            if ChromiumPrinter.wantsPDF(file) {
                try ChromiumPrinter.print(html: html, to: file)
            } else {
                try Data(html.utf8).write(to: file, options: .atomic)
            }
        } catch let error as WorkflowError {
            let hint = error.hint(in: context.language).map { " (\($0))" } ?? ""
            throw StepFailure(context.say(StepMessages.cannotWrite, ["path": file.path, "why": error.message(in: context.language) + hint]))
        } catch {
            throw context.cannotWrite(file.path, error)
        }
    }
}
