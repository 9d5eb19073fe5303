import Foundation
import Workflow

/// The rows an import refused, written next to the input as `NAME.rejects.csv` — UTF-8 with a
/// byte-order mark so Excel shows the Chinese — with the row number, column and reason added.
/// A clerk fixes the cells and imports that file again: valid rows then simply come in.
struct RejectFile {
    let path: URL
    let header: [String]
    private var handle: FileHandle?
    private var count = 0

    init(input: URL, header: [String]) {
        // Never the input itself, even when a clerk re-imports a reject file.
        let name = input.deletingPathExtension().lastPathComponent + ".rejects.csv"
        path = input.deletingLastPathComponent().appendingPathComponent(name)
        self.header = header
    }

    mutating func append(_ problem: RowProblem) throws {
        if handle == nil {
            guard FileManager.default.createFile(atPath: path.path, contents: Data([0xEF, 0xBB, 0xBF])),
                  let h = FileHandle(forWritingAtPath: path.path) else {
                throw WorkflowError.unavailable("cannot write the reject file '\(path.path)'",
                                                hint: "make the folder of the input file writable")
            }
            h.seekToEndOfFile()
            handle = h
            write(header + ["行号 row", "列 column", "原因 reason"])
        }
        var cells = problem.cells
        while cells.count < header.count { cells.append("") }
        write(Array(cells.prefix(header.count)) + [String(problem.row), problem.column, problem.reason])
        count += 1
    }

    private func write(_ cells: [String]) {
        let line = cells.map { CSVText.quote(CSVText.neutralized($0)) }.joined(separator: ",") + "\r\n"
        handle?.write(Data(line.utf8))
    }

    /// The reject file's path when rows were refused; a stale one from an earlier import is removed.
    mutating func finish() throws -> String? {
        close()
        if count == 0 {
            try? FileManager.default.removeItem(at: path)
            return nil
        }
        return path.path
    }

    mutating func close() {
        try? handle?.close()
        handle = nil
    }
}
