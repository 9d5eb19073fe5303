import Foundation
import Messages

/// Streams a CSV (or tab-separated) file record by record without loading it: the file is read
/// in 1 MiB chunks, converted to UTF-8 on the way, and split by a byte-level state machine that
/// follows RFC 4180 as Excel and LibreOffice read it: a quote that opens a cell quotes it (doubled
/// quotes inside, line breaks allowed), a quote anywhere else in a cell is just a character.
/// Cells are trimmed on the bytes, before they become text (see `CellText`).
///
/// Nothing is lost or garbled silently. A record whose text cannot be read — a quote that opens a
/// cell and never closes (it would swallow the rest of the file), bytes that are not valid in the
/// file's encoding — comes back with `problem` set, saying which cell and why; the import refuses
/// that row with the reason and goes on with the next line.
public final class CSVReader: TableReader, @unchecked Sendable {
    public let encoding: TextEncoding
    public let totalBytes: Int
    public private(set) var bytesRead = 0
    private let file: FileHandle
    private let converter: UTF8Converter?
    private var buffer: [UInt8] = []
    private var position = 0
    private var endOfFile = false
    private var delimiter: UInt8 = UInt8(ascii: ",")
    /// Records returned so far, header included: the spreadsheet row number of the last record.
    public private(set) var row = 0
    /// Why the last record could not be read as it is, or nil.
    public private(set) var problem: CellProblem?

    static let chunkSize = 1 << 20
    /// A quoted cell this long has surely lost its closing quote (real cells are a few dozen bytes):
    /// reading on would hold the rest of the file in memory.
    static let longestQuotedCell = 1 << 20

    public init(url: URL, encoding requested: TextEncoding?) throws {
        guard let file = try? FileHandle(forReadingFrom: url) else {
            throw WorkflowError.unavailable(TableMessages.cannotOpen(["path": url.path]), hint: TableMessages.checkReadable())
        }
        self.file = file
        totalBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        var first = [UInt8](file.readData(ofLength: Self.chunkSize))
        endOfFile = first.count < Self.chunkSize
        // A sample of only ASCII says nothing about the encoding: read on to the first other byte.
        while requested == nil && !endOfFile && !first.contains(where: { $0 >= 0x80 }) {
            let more = [UInt8](file.readData(ofLength: Self.chunkSize))
            endOfFile = more.count < Self.chunkSize
            first += more
        }
        bytesRead = first.count
        let (detected, bom) = TextEncoding.detect(first)
        encoding = requested ?? detected
        let body = Array(first.dropFirst(requested == nil || requested == detected ? bom : 0))
        converter = encoding == .utf8 ? nil : try UTF8Converter(from: encoding)
        buffer = converter?.convert(body, final: endOfFile) ?? body
        if encoding == .utf8, requested != nil, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
        delimiter = Self.guessDelimiter(buffer)
    }

    deinit { try? file.close() }

    /// Comma unless a line among the first twenty has more tabs (Excel's "text" export) or
    /// semicolons than any has commas. Not the first line alone: a title above the headers
    /// (XX县…台账) may have no delimiter at all.
    static func guessDelimiter(_ bytes: [UInt8]) -> UInt8 {
        let lines = bytes.prefix(1 << 16).split(separator: 10, maxSplits: 20, omittingEmptySubsequences: true).prefix(20)
        let counts = [UInt8(ascii: ","), 9, UInt8(ascii: ";")].map { d in
            (d, lines.map { line in line.filter { $0 == d }.count }.max() ?? 0)
        }
        return counts.max { $0.1 < $1.1 }.flatMap { $0.1 > 0 ? $0.0 : nil } ?? UInt8(ascii: ",")
    }

    private func refill() {
        guard !endOfFile else { return }
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        let chunk = [UInt8](file.readData(ofLength: Self.chunkSize))
        bytesRead += chunk.count
        endOfFile = chunk.count < Self.chunkSize
        if let converter {
            buffer.append(contentsOf: converter.convert(chunk, final: endOfFile))
        } else {
            buffer.append(contentsOf: chunk)
        }
    }

    /// The next record's fields, or nil at the end. Blank lines are skipped (but counted as rows).
    public func next() throws -> [String]? {
        while true {
            problem = nil
            guard let record = try readRecord() else { return nil }
            row += 1
            if record.count == 1 && record[0].isEmpty && problem == nil { continue }
            return record
        }
    }

    /// What parsing a record from the buffer came to.
    private enum Parsed {
        case record([String], end: Int)
        /// The buffer ends before the record does: read more first.
        case needMore
        /// The cell at this index opens a quote that does not close.
        case unclosedQuote(cell: Int)
    }

    private func readRecord() throws -> [String]? {
        while true {
            guard position < buffer.count || !endOfFile else { return nil }
            if position >= buffer.count {
                refill()
                continue
            }
            switch parse(from: position, quotes: true) {
            case .record(let fields, let end):
                position = end
                return fields
            case .needMore:
                refill()
            case .unclosedQuote(let cell):
                // Read the line as it stands, quotes and all, and refuse it: the rows after it stay rows.
                guard case .record(let fields, let end) = parse(from: position, quotes: false) else { return nil }
                position = end
                problem = CellProblem(cell: cell, reason: Message(TableMessages.unclosedQuote))
                return fields
            }
        }
    }

    /// Parses the record starting at `start`. With `quotes`, a quote opening a cell quotes it;
    /// without, every quote is a character and the record ends at the first line break.
    private func parse(from start: Int, quotes: Bool) -> Parsed {
        let count = buffer.count, delimiter = delimiter, atEnd = endOfFile
        return buffer.withUnsafeBufferPointer { b in
            var fields: [String] = []
            fields.reserveCapacity(16)
            var i = start
            while true {
                if quotes && i < count && b[i] == 34 {
                    // A quoted cell: up to the closing quote, "" standing for one quote.
                    let opened = i
                    var value: [UInt8] = []
                    i += 1
                    while true {
                        guard i < count else { return atEnd ? .unclosedQuote(cell: fields.count) : .needMore }
                        if i - opened > Self.longestQuotedCell { return .unclosedQuote(cell: fields.count) }
                        if b[i] == 34 {
                            guard i + 1 < count || atEnd else { return .needMore }
                            if i + 1 < count && b[i + 1] == 34 {
                                value.append(34)
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        value.append(b[i])
                        i += 1
                    }
                    // Text after the closing quote (malformed but common) is kept.
                    while i < count && b[i] != delimiter && b[i] != 10 && b[i] != 13 {
                        value.append(b[i])
                        i += 1
                    }
                    if i >= count && !atEnd { return .needMore }
                    value.withUnsafeBufferPointer { v in
                        let (from, to) = CellText.trimmedRange(v, 0, v.count)
                        fields.append(cellText(UnsafeBufferPointer(rebasing: v[from..<to]), index: fields.count))
                    }
                } else {
                    var j = i
                    while j < count && b[j] != delimiter && b[j] != 10 && b[j] != 13 { j += 1 }
                    if j >= count && !atEnd { return .needMore }
                    let (from, to) = CellText.trimmedRange(b, i, j)
                    fields.append(cellText(UnsafeBufferPointer(rebasing: b[from..<to]), index: fields.count))
                    i = j
                }
                if i < count && b[i] == delimiter {
                    i += 1
                    continue
                }
                // The end of the record: a line break (CRLF, LF or CR) or the end of the file.
                if i < count && b[i] == 13 {
                    guard i + 1 < count || atEnd else { return .needMore }
                    i += 1
                }
                if i < count && b[i] == 10 { i += 1 }
                return .record(fields, end: i)
            }
        }
    }

    /// A cell's text. Bytes the file's encoding cannot read mark the record (never U+FFFD in the
    /// ledger); the text kept for the reject file is the best reading there is.
    private func cellText(_ whole: UnsafeBufferPointer<UInt8>, index: Int) -> String {
        // An apostrophe an export put before =, +, - or @ (so Excel shows text, not a formula) is dropped.
        var bytes = whole
        if bytes.count >= 2 && bytes[0] == UInt8(ascii: "'")
            && [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@")].contains(bytes[1]) {
            bytes = UnsafeBufferPointer(rebasing: bytes[1...])
        }
        if converter == nil {
            if let text = Self.validUTF8(bytes) { return text }
            noteUndecodable(cell: index)
            // A UTF-8 file with a few rows saved as GB18030 (rows pasted from an older sheet): show them as such.
            return (try? UTF8Converter(from: .gb18030).convertWhole(Array(bytes))).flatMap { String(validating: $0, as: UTF8.self) }
                ?? String(decoding: bytes, as: UTF8.self)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // The converter put U+FFFD where the file's bytes were not valid in its encoding.
        if bytes.count >= 3 && text.unicodeScalars.contains("\u{FFFD}") { noteUndecodable(cell: index) }
        return text
    }

    /// The bytes as text when they are valid UTF-8. `String(validating:as:)` runs unspecialised here (its
    /// generic checks were a tenth of a CSV import); decoding, which repairs, and comparing the bytes kept is
    /// the same test on the fast path.
    static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        let same = text.utf8.count == bytes.count && text.withUTF8 { kept in
            kept.isEmpty || memcmp(kept.baseAddress!, bytes.baseAddress!, kept.count) == 0
        }
        return same ? text : nil
    }

    private func noteUndecodable(cell: Int) {
        guard problem == nil else { return }
        let other: TextEncoding = encoding == .utf8 ? .gb18030 : .utf8
        problem = CellProblem(cell: cell, reason: Message(TableMessages.undecodable,
                                                          ["encoding": encoding.rawValue, "other": other.rawValue]))
    }
}

/// Why a record could not be read as it stands: its cell (0-based) and the reason.
public struct CellProblem: Sendable, Equatable {
    public var cell: Int
    public var reason: Message

    public init(cell: Int, reason: Message) {
        self.cell = cell
        self.reason = reason
    }
}

/// A source of spreadsheet rows: CSV or XLSX. Cells come trimmed of the spaces around them.
public protocol TableReader: AnyObject, Sendable {
    /// The spreadsheet row number of the record `next()` returned last (the header is row 1).
    var row: Int { get }
    /// Why the record `next()` returned last could not be read as it is (it is refused), or nil.
    var problem: CellProblem? { get }
    /// Progress through the file, as bytes read of all bytes.
    var bytesRead: Int { get }
    var totalBytes: Int { get }
    func next() throws -> [String]?
}

/// The spaces clerks leave around cells: ASCII spaces, tabs and line breaks, the ideographic
/// space (U+3000, typed by Chinese input methods) and the no-break space (U+00A0, from web pages).
public enum CellText {
    /// Whether text holds a control character no cell should (NUL, escape, …; tab and line breaks
    /// are allowed inside a cell): such bytes come from a broken export or a binary file.
    /// Both checks read the text's bytes in place (through its `UTF8View`'s iterator they were a
    /// quarter of a CSV import's reading thread, which is the import's bottleneck while rows come in).
    public static func hasControlCharacters(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }
        }
    }

    /// U+FFFD (EF BF BD in UTF-8): what a decoder leaves for bytes it could not read.
    public static func hasReplacementCharacter(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD { return true }
                index += 1
            }
            return false
        }
    }

    /// `text` without those spaces at either end.
    public static func trimmed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            let (from, to) = trimmedRange(bytes, 0, bytes.count)
            return from == 0 && to == bytes.count ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        } ?? text
    }

    /// The part of `bytes[start..<end]` (UTF-8) left once those spaces are cut from both ends.
    @inline(__always)
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var from = start, to = end
        while from < to {
            switch bytes[from] {
            case 0x20, 0x09, 0x0A, 0x0D: from += 1
            case 0xE3 where to - from >= 3 && bytes[from + 1] == 0x80 && bytes[from + 2] == 0x80: from += 3
            case 0xC2 where to - from >= 2 && bytes[from + 1] == 0xA0: from += 2
            default: return trimmedEnd(bytes, from, to)
            }
        }
        return (from, to)
    }

    @inline(__always)
    private static func trimmedEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> (Int, Int) {
        var to = end
        while to > from {
            switch bytes[to - 1] {
            case 0x20, 0x09, 0x0A, 0x0D: to -= 1
            case 0x80 where to - from >= 3 && bytes[to - 3] == 0xE3 && bytes[to - 2] == 0x80: to -= 3
            case 0xA0 where to - from >= 2 && bytes[to - 2] == 0xC2: to -= 2
            default: return (from, to)
            }
        }
        return (from, to)
    }
}
