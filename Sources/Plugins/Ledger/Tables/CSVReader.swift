import Foundation
import Workflow

/// Streams a CSV (or tab-separated) file record by record without loading it: the file is
/// read in 1 MiB chunks, converted to UTF-8 on the way, and split by a byte-level state machine
/// that follows RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes, CRLF).
/// Cells are trimmed on the bytes, before they become text (see `CellText`).
final class CSVReader: TableReader, @unchecked Sendable {
    let encoding: TextEncoding
    let totalBytes: Int
    private(set) var bytesRead = 0
    private let file: FileHandle
    private let converter: UTF8Converter?
    private var buffer: [UInt8] = []
    private var position = 0
    private var endOfFile = false
    private var delimiter: UInt8 = UInt8(ascii: ",")
    /// Records returned so far, header included: the spreadsheet row number of the last record.
    private(set) var row = 0

    static let chunkSize = 1 << 20

    init(url: URL, encoding requested: TextEncoding?) throws {
        guard let file = try? FileHandle(forReadingFrom: url) else {
            throw WorkflowError.unavailable("cannot open '\(url.path)'", hint: "check the path and that the file is readable")
        }
        self.file = file
        totalBytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let first = [UInt8](file.readData(ofLength: Self.chunkSize))
        bytesRead = first.count
        endOfFile = first.count < Self.chunkSize
        let (detected, bom) = TextEncoding.detect(first)
        encoding = requested ?? detected
        let body = Array(first.dropFirst(requested == nil || requested == detected ? bom : 0))
        converter = encoding == .utf8 ? nil : try UTF8Converter(from: encoding)
        buffer = converter?.convert(body, final: endOfFile) ?? body
        if encoding == .utf8, requested != nil, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
        delimiter = Self.guessDelimiter(buffer)
    }

    deinit { try? file.close() }

    /// Comma unless the first line has more tabs (Excel's "text" export) or semicolons.
    static func guessDelimiter(_ bytes: [UInt8]) -> UInt8 {
        let line = bytes.prefix { $0 != 10 }
        let counts = [UInt8(ascii: ","), 9, UInt8(ascii: ";")].map { d in (d, line.filter { $0 == d }.count) }
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
    func next() throws -> [String]? {
        while true {
            guard let record = try readRecord() else { return nil }
            row += 1
            if record.count == 1 && record[0].isEmpty { continue }
            return record
        }
    }

    private func readRecord() throws -> [String]? {
        var fields: [String] = []
        var start = position
        // Make sure a whole record is in the buffer: scan to its end, refilling as needed.
        while true {
            if let end = recordEnd(from: start) {
                fields = split(from: start, to: end)
                position = end
                if position < buffer.count, buffer[position] == 13 { position += 1 }
                if position < buffer.count, buffer[position] == 10 { position += 1 }
                return fields
            }
            if endOfFile {
                guard start < buffer.count else { return nil }
                fields = split(from: start, to: buffer.count)
                position = buffer.count
                return fields
            }
            let offset = start - position
            refill()
            start = position + offset
        }
    }

    /// Index of the line break ending the record that starts at `start`, or nil if not in the buffer yet.
    private func recordEnd(from start: Int) -> Int? {
        var inQuotes = false
        var i = start
        let count = buffer.count
        return buffer.withUnsafeBufferPointer { b in
            while i < count {
                let c = b[i]
                if c == 34 {
                    inQuotes.toggle()
                } else if !inQuotes && (c == 10 || c == 13) {
                    // A CR at the end of the buffer may have its LF in the next chunk: read on first.
                    if c == 13 && i + 1 == count && !endOfFile { return nil }
                    return i
                }
                i += 1
            }
            return nil
        }
    }

    private func split(from start: Int, to end: Int) -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(16)
        buffer.withUnsafeBufferPointer { b in
            var i = start
            while true {
                if i < end && b[i] == 34 {
                    var value: [UInt8] = []
                    i += 1
                    while i < end {
                        if b[i] == 34 {
                            if i + 1 < end && b[i + 1] == 34 {
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
                    while i < end && b[i] != delimiter {
                        value.append(b[i])
                        i += 1
                    }
                    value.withUnsafeBufferPointer { v in
                        let (from, to) = CellText.trimmedRange(v, 0, v.count)
                        fields.append(String(decoding: UnsafeBufferPointer(rebasing: v[from..<to]), as: UTF8.self))
                    }
                } else {
                    var j = i
                    while j < end && b[j] != delimiter { j += 1 }
                    let (from, to) = CellText.trimmedRange(b, i, j)
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self))
                    i = j
                }
                if i >= end { break }
                i += 1  // the delimiter
                if i == end {
                    fields.append("")
                    break
                }
            }
        }
        return fields
    }
}

/// A source of spreadsheet rows: CSV or XLSX. Cells come trimmed of the spaces around them.
protocol TableReader: AnyObject, Sendable {
    /// The spreadsheet row number of the record `next()` returned last (the header is row 1).
    var row: Int { get }
    /// Progress through the file, as bytes read of all bytes.
    var bytesRead: Int { get }
    var totalBytes: Int { get }
    func next() throws -> [String]?
}

/// The spaces clerks leave around cells: ASCII spaces, tabs and line breaks, the ideographic
/// space (U+3000, typed by Chinese input methods) and the no-break space (U+00A0, from web pages).
enum CellText {
    /// `text` without those spaces at either end.
    static func trimmed(_ text: String) -> String {
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
