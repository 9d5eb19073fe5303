import Foundation
import Messages
#if canImport(Glibc)
import Glibc
#endif

/// The encodings county spreadsheets are exported in. Excel on Chinese Windows saves "CSV" as
/// GB18030/GBK; newer tools write UTF-8, often with a byte-order mark; "Unicode text" is UTF-16.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"

    /// Reads `--encoding` values: gbk and gb2312 are subsets of GB18030 and decode as it.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        case "utf-16le", "utf-16", "utf16": self = .utf16le
        case "utf-16be": self = .utf16be
        default: return nil
        }
    }

    /// The encoding named by `--encoding` or `encoding:`, or the error that lists the names known.
    public static func named(_ name: String) throws -> TextEncoding {
        guard let encoding = TextEncoding(name: name) else {
            throw WorkflowError.usage(Message(TableMessages.unknownEncoding, ["name": name]),
                                      hint: Message(TableMessages.encodings))
        }
        return encoding
    }

    /// For the engine's parameter check, which speaks English: the catalogue's `encodings` in English.
    public static var namesHint: String { Message(TableMessages.encodings).text(.en) }

    /// Picks the encoding from the first bytes: a byte-order mark decides; otherwise text that is
    /// mostly valid UTF-8 is UTF-8 — a UTF-8 file with a few rows pasted from a GBK sheet stays UTF-8,
    /// and those rows are refused with a hint rather than the whole file read as GB18030 — and
    /// anything else is taken as GB18030. Returns the BOM length to skip.
    static func detect(_ prefix: [UInt8]) -> (TextEncoding, bomLength: Int) {
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if prefix.starts(with: [0xFF, 0xFE]) { return (.utf16le, 2) }
        if prefix.starts(with: [0xFE, 0xFF]) { return (.utf16be, 2) }
        let (valid, invalid) = utf8Sequences(prefix)
        return (invalid == 0 || valid >= invalid * 4 ? .utf8 : .gb18030, 0)
    }

    /// How many multi-byte UTF-8 characters a sample holds, and how many bytes start no valid one
    /// (a character cut off at the sample's end counts as neither).
    static func utf8Sequences(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            if b < 0x80 {
                i += 1
                continue
            } else if b & 0xE0 == 0xC0 { length = 2 } else if b & 0xF0 == 0xE0 { length = 3 }
            else if b & 0xF8 == 0xF0 { length = 4 } else {
                invalid += 1
                i += 1
                continue
            }
            if i + length > bytes.count { break }
            if (1..<length).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) {
                valid += 1
                i += length
            } else {
                invalid += 1
                i += 1
            }
        }
        return (valid, invalid)
    }

    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .utf16le: "UTF-16LE"
        case .utf16be: "UTF-16BE"
        }
    }
}

/// Streaming conversion to UTF-8 with glibc's iconv, chunk by chunk, keeping a multi-byte
/// sequence split across two chunks intact.
final class UTF8Converter {
    private let handle: iconv_t
    private var pending: [UInt8] = []

    init(from encoding: TextEncoding) throws {
        let h = iconv_open("UTF-8", encoding.iconvName)
        guard h != iconv_t(bitPattern: -1) else {
            throw WorkflowError.unavailable(TableMessages.noConversion(["encoding": encoding.rawValue]))
        }
        handle = h!
    }

    deinit { iconv_close(handle) }

    /// Converts a chunk; bytes of an unfinished character wait for the next chunk.
    /// Undecodable bytes become U+FFFD so one bad cell never stops an import; the reader refuses
    /// the row holding it (see `CSVReader.cellText`), so it never reaches the ledger.
    func convert(_ chunk: [UInt8], final: Bool) -> [UInt8] {
        var input = pending + chunk
        pending = []
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var produced = 0
        var inOffset = 0
        while inOffset < input.count {
            var inLeft = input.count - inOffset
            var outLeft = output.count - produced
            let result = input.withUnsafeMutableBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress! + inOffset)
                        .assumingMemoryBound(to: CChar.self)
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress! + produced)
                        .assumingMemoryBound(to: CChar.self)
                    let r = iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
                    return (r, errno)
                }
            }
            let consumed = (input.count - inOffset) - inLeft
            inOffset += consumed
            produced = output.count - outLeft
            if result.0 != -1 { break }
            switch result.1 {
            case E2BIG:
                output.append(contentsOf: [UInt8](repeating: 0, count: input.count + 16))
            case EINVAL where !final:
                pending = Array(input[inOffset...])
                inOffset = input.count
            default:
                // An invalid sequence: emit U+FFFD and skip one byte.
                if output.count - produced < 3 { output.append(contentsOf: [0, 0, 0]) }
                output.replaceSubrange(produced..<(produced + 3), with: [0xEF, 0xBF, 0xBD])
                produced += 3
                inOffset += 1
            }
        }
        output.removeSubrange(produced...)
        return output
    }

    /// Converts bytes that must all be valid in the encoding; fails on the first that is not.
    func convertWhole(_ bytes: [UInt8]) throws -> [UInt8] {
        let converted = convert(bytes, final: true)
        guard !converted.indices.contains(where: { i in
            i + 2 < converted.count && converted[i] == 0xEF && converted[i + 1] == 0xBF && converted[i + 2] == 0xBD
        }) else { throw WorkflowError.invalidInput(TableMessages.notValidText()) }
        return converted
    }
}
