import Foundation
import Messages
import ZIPFoundation

/// An .xlsx workbook (Office Open XML): its sheets, in the workbook's order, and the shared
/// strings their text cells point into, read once for all sheets. A workbook is not trusted: each
/// part's size and compression ratio are checked before it is read (see `XLSXReader.check`).
public final class XLSXWorkbook: @unchecked Sendable {
    public let url: URL
    public let file: String
    /// Each sheet's name and the path of its part inside the archive.
    public let sheets: [(name: String, part: String)]
    public let totalBytes: Int
    private var shared: [String]?

    public init(url: URL) throws {
        self.url = url
        file = url.lastPathComponent
        let archive = try Self.archive(url)
        totalBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard let workbook = try XLSXReader.tokens(of: "xl/workbook.xml", in: archive, file: file,
                                                   limit: XLSXReader.largestSmallPart) else {
            throw WorkflowError.invalidInput(TableMessages.noWorkbookPart(["file": file]), hint: TableMessages.saveAgain())
        }
        var listed: [(name: String, relation: String)] = []
        for case .start("sheet", let attributes, _) in workbook {
            let relation = attributes.first { $0.key.hasSuffix(":id") || $0.key == "id" }?.value ?? ""
            listed.append((attributes["name"] ?? "Sheet\(listed.count + 1)", relation))
        }
        var relations: [String: String] = [:]
        for case .start("Relationship", let attributes, _) in try XLSXReader.tokens(
            of: "xl/_rels/workbook.xml.rels", in: archive, file: file, limit: XLSXReader.largestSmallPart) ?? [] {
            if let id = attributes["Id"], let target = attributes["Target"] { relations[id] = target }
        }
        guard !listed.isEmpty else { throw WorkflowError.invalidInput(TableMessages.noWorksheet(["file": file])) }
        sheets = listed.enumerated().map { index, sheet in
            var target = relations[sheet.relation] ?? "worksheets/sheet\(index + 1).xml"
            if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
            return (sheet.name, target)
        }
    }

    static func archive(_ url: URL) throws -> Archive {
        do {
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw WorkflowError.invalidInput(TableMessages.notReadable(["file": url.lastPathComponent]), hint: TableMessages.saveAgain())
        }
    }

    /// The position of the sheet named `name`, or a usage error listing the sheets there are.
    public func sheetIndex(named name: String) throws -> Int {
        guard let index = sheets.firstIndex(where: { $0.name == name }) else {
            throw WorkflowError.usage(TableMessages.noSuchSheet(["name": name]),
                                      hint: TableMessages.itsSheets(["names": sheets.map { "'\($0.name)'" }.joined(separator: ", ")]))
        }
        return index
    }

    /// A reader of one sheet, streaming it on its own thread (each reader opens the archive anew:
    /// an archive is read by one thread only).
    public func reader(sheet index: Int) throws -> XLSXReader {
        let archive = try Self.archive(url)
        let (name, part) = sheets[index]
        guard let entry = archive[part] else {
            throw WorkflowError.invalidInput(TableMessages.sheetMissing(["name": name, "file": file]))
        }
        try XLSXReader.check(entry, of: file, limit: XLSXReader.largestPart)
        if shared == nil { shared = try SharedStrings.read(archive, file: file) }
        return XLSXReader(sheetName: name, totalBytes: totalBytes,
                          sheet: SheetStream(archive: archive, entry: entry, file: file, sharedStrings: shared ?? []))
    }
}

/// Reads the rows of one worksheet as the sheet is unzipped and parsed: a background thread
/// extracts the sheet with ZIPFoundation and tokenizes it (`XMLTokenizer`), handing rows over in
/// small batches, so a million-row workbook never sits in memory. Cell references and
/// shared-string indices are checked, and a sheet that breaks a limit is refused with what it broke.
/// Cells keep their text as shown, trimmed; empty cells between filled ones are kept as "".
public final class XLSXReader: TableReader, @unchecked Sendable {
    /// The most of one cell's text a workbook gives (in UTF-8 bytes): a ledger's longest field is a
    /// few dozen characters, so a cell longer than this is not data; the rest is dropped as it is read,
    /// and nothing downstream ever works through megabytes of one cell.
    static let longestCell = 32 << 10

    /// `text` added to a cell's value read so far, up to `longestCell`.
    static func appending(_ text: String, to value: String) -> String {
        guard value.utf8.count < longestCell else { return value }
        let room = longestCell - value.utf8.count
        guard text.utf8.count > room else { return value + text }
        // Cut at a character, never inside one.
        var kept = String.UnicodeScalarView()
        var size = 0
        for scalar in text.unicodeScalars {
            size += String(scalar).utf8.count
            guard size <= room else { break }
            kept.append(scalar)
        }
        return value + String(kept)
    }

    public private(set) var row = 0
    /// Cells come from the workbook's own typed XML: there is no encoding to get wrong.
    public let problem: CellProblem? = nil
    public let totalBytes: Int
    public var bytesRead: Int { sheet.progress(of: totalBytes) }
    public let sheetName: String
    private let sheet: SheetStream
    private var batch: [(number: Int, cells: [String])] = []
    private var index = 0

    /// The largest part read whole (the workbook, its relationships): a few KiB in any real file.
    static let largestSmallPart: UInt64 = 16 << 20
    /// The largest sheet or shared-string table, unzipped (a million-row sheet is ~150 MiB).
    static let largestPart: UInt64 = 2 << 30
    /// How much larger than zipped a part may be: XML packs 5–20 times; a zip bomb, thousands.
    static let largestRatio: UInt64 = 250

    fileprivate init(sheetName: String, totalBytes: Int, sheet: SheetStream) {
        self.sheetName = sheetName
        self.totalBytes = totalBytes
        self.sheet = sheet
    }

    deinit { sheet.cancel() }

    public func next() throws -> [String]? {
        while true {
            if index == batch.count {
                guard let more = try sheet.take() else { return nil }
                batch = more
                index = 0
                continue
            }
            let cells = batch[index].cells.map(CellText.trimmed)
            row = batch[index].number
            index += 1
            if cells.allSatisfy({ $0.isEmpty }) { continue }
            return cells
        }
    }

    /// Refuses a part bigger, or packed tighter, than any real workbook's.
    static func check(_ entry: Entry, of file: String, limit: UInt64) throws {
        if entry.uncompressedSize > limit {
            throw WorkflowError.invalidInput(TableMessages.partTooLarge(["file": file, "part": entry.path,
                                                             "size": "\(entry.uncompressedSize >> 20)", "limit": "\(limit >> 20)"]),
                                             hint: TableMessages.splitIt())
        }
        if entry.uncompressedSize > 1 << 20 && entry.uncompressedSize > max(1, entry.compressedSize) * largestRatio {
            throw WorkflowError.invalidInput(TableMessages.zipBomb(["file": file, "part": entry.path,
                                                        "ratio": "\(entry.uncompressedSize / max(1, entry.compressedSize))"]),
                                             hint: TableMessages.saveAgainPlain())
        }
    }

    /// The tokens of a small part, read whole (nil when the workbook has no such part).
    static func tokens(of path: String, in archive: Archive, file: String, limit: UInt64) throws -> [XMLTokenizer.Token]? {
        guard let entry = archive[path] else { return nil }
        try check(entry, of: file, limit: limit)
        var tokenizer = XMLTokenizer()
        var tokens: [XMLTokenizer.Token] = []
        var unpacked: UInt64 = 0
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                unpacked += UInt64(chunk.count)
                guard unpacked <= limit else { throw Limit.partTooLarge }
                tokenizer.append(chunk)
                while let token = try tokenizer.next() { tokens.append(token) }
            }
        } catch {
            throw refusal(error, part: WorkbookPartWords.part(["path": path]), file: file,
                          tooLarge: WorkflowError.invalidInput(TableMessages.partOverLimit(["file": file, "part": path,
                                                                                 "limit": "\(limit >> 20)"])))
        }
        return tokens
    }

    enum Limit: Error {
        case partTooLarge
        case cancelled
    }

    /// What stopped reading a part, in the clerk's words: XML the tokenizer refuses, more bytes than
    /// a limit allows (`tooLarge`), a zip that does not unpack. Our own errors and a cancelled read
    /// pass through as they are.
    static func refusal(_ error: any Error, part: Message, file: String, tooLarge: WorkflowError) -> any Error {
        switch error {
        case let problem as XMLTokenizer.Problem:
            WorkflowError.invalidInput(TableMessages.cannotBeRead(["file": file], words: ["part": part]) + problem.message)
        case Limit.partTooLarge: tooLarge
        case is WorkflowError, Limit.cancelled: error
        default:
            WorkflowError.invalidInput(TableMessages.cannotUnpack(["file": file, "reason": "\(error)"], words: ["part": part]),
                                       hint: TableMessages.saveAgain())
        }
    }

    /// A part that unpacks to more than it declared.
    static func forged(_ file: String, part: Message) -> WorkflowError {
        WorkflowError.invalidInput(WorkbookPartWords.forged(["file": file], words: ["part": part]),
                                   hint: WorkbookPartWords.saveAsXLSX())
    }
}

/// The workbook's shared strings (text cells point into this table by index).
enum SharedStrings {
    static func read(_ archive: Archive, file: String) throws -> [String] {
        guard let entry = archive["xl/sharedStrings.xml"] else { return [] }
        try XLSXReader.check(entry, of: file, limit: XLSXReader.largestPart)
        var tokenizer = XMLTokenizer()
        var strings: [String] = []
        var current = ""
        var inText = false, inPhonetic = false
        var unpacked: UInt64 = 0
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                unpacked += UInt64(chunk.count)
                guard unpacked <= max(entry.uncompressedSize, 1) + (1 << 16) else { throw XLSXReader.Limit.partTooLarge }
                tokenizer.append(chunk)
                while let token = try tokenizer.next() {
                    switch token {
                    case .start("si", _, let selfClosing):
                        current = ""
                        if selfClosing { strings.append("") }
                    case .start("rPh", _, _): inPhonetic = true
                    case .end("rPh"): inPhonetic = false
                    case .start("t", _, false) where !inPhonetic:
                        inText = true
                        tokenizer.wantsText = true
                    case .end("t") where inText:
                        inText = false
                        tokenizer.wantsText = false
                    case .text(let text) where inText: current = XLSXReader.appending(text, to: current)
                    case .end("si"): strings.append(current)
                    default: break
                    }
                }
            }
        } catch {
            throw XLSXReader.refusal(error, part: WorkbookPartWords.sharedStrings(), file: file,
                                     tooLarge: XLSXReader.forged(file, part: WorkbookPartWords.sharedStrings()))
        }
        return strings
    }
}

/// A worksheet parsed on its own thread as it is unzipped, its rows handed over in batches through
/// a bounded queue: memory stays at a few batches whatever the sheet's size.
final class SheetStream: @unchecked Sendable {
    typealias Row = (number: Int, cells: [String])
    private let condition = NSCondition()
    private var queue: [[Row]] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    private var unpacked: UInt64 = 0
    private let declared: UInt64
    static let batchSize = 1024
    static let capacity = 8
    /// Excel's last column (XFD) and last row.
    static let lastColumn = 16_384
    static let lastRow = 1_048_576

    /// The archive passes to the parsing thread, which alone uses it from then on.
    private struct Handoff: @unchecked Sendable {
        let archive: Archive
        let entry: Entry
    }

    init(archive: Archive, entry: Entry, file: String, sharedStrings: [String]) {
        declared = max(entry.uncompressedSize, 1)
        let handoff = Handoff(archive: archive, entry: entry)
        let thread = Thread { [self] in
            do {
                try parse(archive: handoff.archive, entry: handoff.entry, file: file, shared: sharedStrings)
            } catch XLSXReader.Limit.cancelled {
            } catch {
                fail(error)
            }
            finish()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    func progress(of total: Int) -> Int {
        condition.lock()
        defer { condition.unlock() }
        return Int(Double(total) * min(1, Double(unpacked) / Double(declared)))
    }

    /// The next batch of rows; nil at the end of the sheet. Rethrows what stopped the parse.
    func take() throws -> [Row]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if !queue.isEmpty {
            let batch = queue.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func put(_ batch: [Row]) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.capacity && !cancelled { condition.wait() }
        if cancelled { throw XLSXReader.Limit.cancelled }
        queue.append(batch)
        condition.broadcast()
    }

    private func fail(_ error: any Error) {
        condition.lock()
        failure = error
        condition.unlock()
    }

    private func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func parse(archive: Archive, entry: Entry, file: String, shared: [String]) throws {
        var tokenizer = XMLTokenizer()
        tokenizer.wantsNames = false   // the cursor switches on `nameCode`
        var rows: [Row] = []
        var cursor = SheetCursor(file: file, shared: shared)
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                condition.lock()
                unpacked += UInt64(chunk.count)
                let stop = cancelled
                let over = unpacked > declared + (1 << 16)
                condition.unlock()
                if stop { throw XLSXReader.Limit.cancelled }
                if over { throw XLSXReader.Limit.partTooLarge }
                tokenizer.append(chunk)
                while let token = try tokenizer.next() {
                    guard let row = try cursor.take(token, tokenizer: &tokenizer) else { continue }
                    rows.append(row)
                    if rows.count == Self.batchSize {
                        try put(rows)
                        rows.removeAll(keepingCapacity: true)
                    }
                }
            }
        } catch {
            throw XLSXReader.refusal(error, part: WorkbookPartWords.sheet(), file: file,
                                     tooLarge: XLSXReader.forged(file, part: WorkbookPartWords.sheet()))
        }
        if !rows.isEmpty { try put(rows) }
    }

    /// Where the parse is in a sheet's XML: the row and cell being read, and the cell's type and value
    /// so far; each token moves it, and the end of a row hands the row over.
    struct SheetCursor {
        let file: String
        let shared: [String]
        var cells: [String] = []
        var rowNumber = 0, column = 0
        var type = "n", value = ""
        var inValue = false

        init(file: String, shared: [String]) {
            self.file = file
            self.shared = shared
        }

        func refuse(_ message: Message) -> WorkflowError {
            WorkflowError.invalidInput(TableMessages.sheetRow(["file": file, "row": "\(rowNumber)"]) + message, hint: TableMessages.saveAgain())
        }

        /// The tags a sheet's rows are made of, as the tokenizer's `nameCode`s: the switches below compare
        /// integers, not strings.
        static let row: UInt32 = 0x72_6F_77, cell: UInt32 = 0x63, value: UInt32 = 0x76, inlineText: UInt32 = 0x74

        /// The row this token completes, if it does.
        mutating func take(_ token: XMLTokenizer.Token, tokenizer: inout XMLTokenizer) throws -> Row? {
            switch token {
            case .start(_, let attributes, let selfClosing):
                switch tokenizer.nameCode {
                case Self.row:
                    rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
                    guard (1...SheetStream.lastRow).contains(rowNumber) else {
                        throw refuse(TableMessages.rowBeyond(["row": attributes["r"] ?? "", "last": "\(SheetStream.lastRow)"]))
                    }
                    // Room for as many cells as the last row had (that row's array went with it).
                    cells.removeAll(keepingCapacity: true)
                    if selfClosing { return (rowNumber, []) }
                case Self.cell:
                    column = cells.count
                    if let reference = attributes["r"] {
                        guard let parsed = SheetStream.column(of: reference) else {
                            throw refuse(TableMessages.columnBeyond(["reference": String(reference.prefix(20))]))
                        }
                        column = parsed
                    }
                    type = attributes["t"] ?? "n"
                    value = ""
                    if selfClosing { SheetStream.place("", at: column, in: &cells) }
                case Self.value, Self.inlineText:
                    // (`where` would bind to the last pattern alone: `<v/>` has no text to read either.)
                    if !selfClosing {
                        inValue = true
                        tokenizer.wantsText = true
                    }
                default: break
                }
            case .end:
                switch tokenizer.nameCode {
                case Self.value, Self.inlineText:
                    inValue = false
                    tokenizer.wantsText = false
                case Self.cell:
                    SheetStream.place(try shown(), at: column, in: &cells)
                case Self.row:
                    return (rowNumber, cells)
                default: break
                }
            case .text(let text) where inValue:
                value = XLSXReader.appending(text, to: value)
            default: break
            }
            return nil
        }

        /// The cell's text as the clerk sees it: a shared string, TRUE/FALSE, a number as written.
        func shown() throws -> String {
            switch type {
            case "s":
                guard let index = Int(value), shared.indices.contains(index) else {
                    throw refuse(TableMessages.noSharedString(["index": String(value.prefix(20)), "count": "\(shared.count)"]))
                }
                return shared[index]
            case "b": return value == "1" ? "TRUE" : "FALSE"
            case "n": return SheetStream.number(value)
            default: return value
            }
        }
    }

    static func place(_ value: String, at column: Int, in cells: inout [String]) {
        while cells.count < column { cells.append("") }
        if cells.count == column { cells.append(value) } else { cells[column] = value }
    }

    /// "BC12" → 54 (0-based), from the letters of a cell reference; nil past XFD, Excel's last column.
    static func column(of reference: String) -> Int? {
        var n = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            letters += 1
            guard letters <= 3 else { return nil }
            n = n * 26 + Int(scalar.value - 64)
        }
        guard n >= 1, n <= lastColumn else { return letters == 0 ? 0 : nil }
        return n - 1
    }

    /// Numbers as a person would read them: 13800138000 rather than 1.3800138E10, 12 rather than 12.0.
    /// A whole number of 16 digits or more has lost digits in a number cell (Excel keeps 15): an
    /// 18-digit ID number typed into one. It is shown as Excel shows it, 1.10105194912310E+17, so
    /// that nothing reads it as the number that was typed (the import refuses it with the reason).
    static func number(_ raw: String) -> String {
        guard let d = Double(raw) else { return raw }
        if abs(d) >= 1e15, d == d.rounded() { return String(format: "%.14E", d) }
        guard raw.contains("E") || raw.contains("e") || raw.hasSuffix(".0") else { return raw }
        if d == d.rounded() { return String(Int64(d)) }
        return raw
    }
}
