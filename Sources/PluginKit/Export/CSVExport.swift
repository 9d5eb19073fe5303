import Foundation
import Ledger
import Workflow

/// Tables written as CSV files the way Excel on a Chinese Windows opens them: UTF-8 with a
/// byte-order mark (without it Excel reads the Chinese as GBK and garbles it), CRLF line ends, cells
/// quoted where needed, and none that Excel would run as a formula (see `CSVText.neutralized`).
public enum CSVExport {
    /// The CSV text of `rows` (the header first).
    public static func text(_ rows: [[String]], byteOrderMark: Bool = true) -> String {
        (byteOrderMark ? "\u{FEFF}" : "") + rows.map { $0.map { CSVText.quote(CSVText.neutralized($0)) }.joined(separator: ",") }
            .joined(separator: "\r\n") + "\r\n"
    }

    /// Writes the file at once and whole (a temporary file renamed), or says why it could not.
    public static func write(_ rows: [[String]], to path: String) throws {
        do {
            try Data(text(rows).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw WorkflowError.unavailable(ToolMessages.cannotWrite(["path": path, "reason": error.localizedDescription]),
                                            hint: ToolMessages.checkFolder())
        }
    }
}
