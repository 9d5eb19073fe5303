import Foundation
import Workflow

/// The rows an import refused, written next to the input as `NAME.rejects.csv` — UTF-8 with a
/// byte-order mark so Excel shows the Chinese — with the row number, column and reason added.
/// A clerk fixes the cells and imports that file again: valid rows then simply come in. When the
/// input's folder cannot be written (a read-only share, a CD), the file goes beside the workspace.
struct RejectFile {
    private(set) var path: URL
    let header: [String]
    /// Whether rows came from several sheets: a 工作表 column then says which.
    let sheetColumn: Bool
    private let fallbackFolder: URL?
    /// True when the file went to the fallback folder because the input's folder is read-only.
    private(set) var moved = false
    private var handle: FileHandle?
    private var count = 0
    /// The language of the reason column.
    let language: Language

    /// `sheet`: the one sheet imported from a workbook of several. Its rejects get a file of their own
    /// (台账.城关镇.rejects.csv), so importing the workbook sheet by sheet keeps every sheet's rows to
    /// fix; importing that sheet again replaces only its file.
    init(input: URL, header: [String], sheetColumn: Bool = false, sheet: String? = nil, fallbackFolder: URL?,
         language: Language) {
        self.language = language
        // Never the input itself, even when a clerk re-imports a reject file.
        let name = input.deletingPathExtension().lastPathComponent + (sheet.map { "." + Self.fileNamePart($0) } ?? "")
            + ".rejects.csv"
        path = input.deletingLastPathComponent().appendingPathComponent(name)
        self.header = header
        self.sheetColumn = sheetColumn
        self.fallbackFolder = fallbackFolder.map { $0.standardizedFileURL }
    }

    /// A sheet's name as part of a file name: characters no file system takes become "_".
    static func fileNamePart(_ name: String) -> String {
        let refused: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        let part = String(name.map { refused.contains($0) || $0.isNewline ? "_" : $0 }.prefix(60))
        return part.isEmpty || part.hasPrefix(".") ? "_" + part : part
    }

    mutating func append(_ problem: RowProblem) throws {
        if handle == nil {
            if let opened = Self.create(path) {
                handle = opened
            } else if let folder = fallbackFolder, folder != path.deletingLastPathComponent().standardizedFileURL,
                      let opened = Self.create(folder.appendingPathComponent(path.lastPathComponent)) {
                path = folder.appendingPathComponent(path.lastPathComponent)
                handle = opened
                moved = true
            } else {
                throw WorkflowError.unavailable(Message(ImportFileMessages.cannotWriteRejects, ["path": path.path, "why": ""]),
                                                hint: Message(ImportFileMessages.makeWritable))
            }
            try write(header + (sheetColumn ? ["工作表 sheet"] : []) + ["行号 row", "列 column", "原因 reason"])
        }
        var cells = problem.cells
        while cells.count < header.count { cells.append("") }
        try write(Array(cells.prefix(header.count)) + (sheetColumn ? [problem.sheet ?? ""] : [])
                  + [String(problem.row), problem.column, problem.reason.text(language)])
        count += 1
    }

    /// A new file starting with the byte-order mark, or nil when the folder refuses it.
    private static func create(_ url: URL) -> FileHandle? {
        guard FileManager.default.createFile(atPath: url.path, contents: Data([0xEF, 0xBB, 0xBF])),
              let handle = FileHandle(forWritingAtPath: url.path) else { return nil }
        _ = try? handle.seekToEnd()
        return handle
    }

    /// The most of one cell a reject file repeats: enough to find and fix any real value; a longer cell
    /// (garbage, or an attack on the disk) is cut with a note, so the file stays a small multiple of its input.
    static let longestCell = 1_000

    /// A cell as the reject file repeats it: cut past `longestCell` characters, saying how long it was.
    static func shortened(_ cell: String) -> String {
        guard cell.utf8.count > longestCell else { return cell }
        let kept = String(cell.prefix(longestCell))
        guard kept.count < cell.count else { return cell }
        return kept + "…（截断，原有 \(cell.count) 字 / cut, \(cell.count) characters）"
    }

    private func write(_ cells: [String]) throws {
        let line = cells.map { CSVText.quote(CSVText.neutralized(Self.shortened($0))) }.joined(separator: ",") + "\r\n"
        do {
            try handle?.write(contentsOf: Data(line.utf8))
        } catch {
            throw WorkflowError.unavailable(Message(ImportFileMessages.cannotWriteRejects,
                                                    ["path": path.path, "why": ": " + error.localizedDescription]),
                                            hint: Message(ImportFileMessages.freeSpace))
        }
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
