import Foundation
import Messages

/// A small XML tokenizer for the parts of an .xlsx file, fed chunk by chunk as they are unzipped.
/// It knows what SpreadsheetML uses — elements, attributes, text, CDATA, the five named entities
/// and character references — and refuses what a workbook never needs and an attack does: a
/// DOCTYPE (entity bombs, external entities). Names come without their namespace prefix.
struct XMLTokenizer {
    enum Token {
        case start(name: String, attributes: XMLAttributes, selfClosing: Bool)
        case end(name: String)
        /// Text between tags, entities already resolved.
        case text(String)
    }

    struct Problem: Error {
        var message: Message
    }

    private var buffer: [UInt8] = []
    private var position = 0
    /// Text is only decoded where a reader wants it (`<v>`, `<t>`): elsewhere it is skipped.
    var wantsText = false
    /// Whether tokens carry their tags' names as text. A sheet's reader switches on `nameCode` alone
    /// and turns them off (names come as ""): making a name for each of five tags a cell is written
    /// with was a tenth of a sheet's parse.
    var wantsNames = true
    /// The list the last start tag's attributes were read into (see `next`).
    private var spareAttributes = XMLAttributes()
    /// The last start or end tag's local name as a number, its bytes packed (`row` → 0x72_6F_77), or
    /// `UInt32.max` for a name longer than four bytes: what a sheet's reader switches on, since
    /// comparing unequal strings was a twelfth of its thread (the import's bottleneck).
    private(set) var nameCode = UInt32.max
    /// Where the search for the end of an unfinished token stopped (and in which quote, in a tag), so
    /// the next chunk resumes it instead of scanning the token again from its start: a 4 MiB cell
    /// arriving in small chunks is read in time linear in its size, not quadratic.
    private var scanned = (token: -1, upTo: 0, quote: UInt8(0))
    /// How many bytes the searches for tokens' ends have looked at: what the tests hold to a small
    /// multiple of the input, so reading stays linear however the input is chunked.
    private(set) var examined = 0

    mutating func append(_ data: Data) {
        if position > 1 << 16 && position > buffer.count / 2 {
            buffer.removeSubrange(0..<position)
            if scanned.token == position { scanned = (0, scanned.upTo - position, scanned.quote) } else { scanned.token = -1 }
            position = 0
        }
        buffer.append(contentsOf: data)
    }

    /// Where a search for the end of the token at `position` starts: where the last one stopped (less
    /// `overlap`, for a needle that may straddle two chunks).
    private func resume(_ overlap: Int = 0) -> Int {
        scanned.token == position ? max(position, scanned.upTo - overlap) : position
    }

    /// The token at `position` is not complete yet: the next search resumes after what is there.
    private mutating func stopped() {
        scanned = (position, buffer.count, 0)
    }

    /// The next complete token, or nil when the bytes so far end inside one (or there are none left).
    mutating func next() throws(Problem) -> Token? {
        while position < buffer.count {
            if buffer[position] != UInt8(ascii: "<") {
                guard let end = find(UInt8(ascii: "<"), from: resume()) else {
                    stopped()
                    return nil
                }
                let start = position
                position = end
                if wantsText { return .text(buffer.withUnsafeBufferPointer { Self.decode($0[start..<end]) }) }
                continue
            }
            guard position + 1 < buffer.count else { return nil }
            switch buffer[position + 1] {
            case UInt8(ascii: "?"):
                guard let end = find("?>", from: resume(1)) else {
                    stopped()
                    return nil
                }
                position = end + 2
            case UInt8(ascii: "!"):
                if starts(with: "<!--") {
                    guard let end = find("-->", from: resume(2)) else {
                        stopped()
                        return nil
                    }
                    position = end + 3
                } else if starts(with: "<![CDATA[") {
                    guard let end = find("]]>", from: max(resume(2), position + 9)) else {
                        stopped()
                        return nil
                    }
                    let text = String(decoding: buffer[(position + 9)..<end], as: UTF8.self)
                    position = end + 3
                    if wantsText { return .text(text) }
                } else if buffer.count - position < 9 {
                    return nil
                } else {
                    throw Problem(message: TableMessages.doctype())
                }
            case UInt8(ascii: "/"):
                guard let end = find(UInt8(ascii: ">"), from: resume()) else {
                    stopped()
                    return nil
                }
                let (name, code) = buffer.withUnsafeBufferPointer { [wantsNames] in Self.localName($0[(position + 2)..<end], named: wantsNames) }
                nameCode = code
                position = end + 1
                return .end(name: name)
            default:
                guard let end = tagEnd(from: position) else { return nil }
                return try startTag(endingAt: end)
            }
        }
        return nil
    }

    /// The start tag at `position`, whose `>` is at `end`.
    private mutating func startTag(endingAt end: Int) throws(Problem) -> Token {
        let tag = position + 1
        // The last tag's list of attributes, emptied and filled again: once its token is gone (a
        // reader takes each before asking for the next) the list is this tokenizer's alone, and a
        // cell's tag costs no new block of memory.
        var attributes = spareAttributes
        spareAttributes = XMLAttributes()
        attributes.removeAll()
        let (token, code) = try buffer.withUnsafeBufferPointer { [wantsNames] (bytes) throws(Problem) -> (Token, UInt32) in
            try Self.startTag(bytes[tag..<end], named: wantsNames, into: &attributes)
        }
        spareAttributes = attributes
        nameCode = code
        position = end + 1
        return token
    }

    private mutating func find(_ byte: UInt8, from start: Int) -> Int? {
        let found = buffer.withUnsafeBufferPointer { $0[start...].firstIndex(of: byte) }
        examined += (found ?? buffer.count) - start
        return found
    }

    private mutating func find(_ text: String, from start: Int) -> Int? {
        let needle = Array(text.utf8)
        var i = start
        defer { examined += i - start }
        while i + needle.count <= buffer.count {
            if buffer[i] == needle[0] && buffer[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private func starts(with text: String) -> Bool {
        let needle = Array(text.utf8)
        return buffer.count - position >= needle.count && buffer[position..<(position + needle.count)].elementsEqual(needle)
    }

    /// The `>` ending the tag at `start`, outside quoted attribute values; resumed where the last
    /// search stopped, in the quote it was in.
    private mutating func tagEnd(from start: Int) -> Int? {
        var quote: UInt8 = 0
        var i = start + 1
        if scanned.token == start, scanned.upTo > i {
            i = scanned.upTo
            quote = scanned.quote
        }
        let from = i
        defer {
            examined += i - from
            if i >= buffer.count { scanned = (start, i, quote) }
        }
        while i < buffer.count {
            let c = buffer[i]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == 34 || c == 39 {
                quote = c
            } else if c == UInt8(ascii: ">") {
                return i
            }
            i += 1
        }
        return nil
    }

    /// Bytes of the buffer, borrowed: a tag's many sub-ranges cost no reference counting (as
    /// `ArraySlice`s they did — retain and release were a third of a sheet's parse).
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// `name a="1" b='2'` (and a closing `/`), from between `<` and `>`; the name as text when `named`.
    private static func startTag(_ bytes: Bytes, named: Bool, into attributes: inout XMLAttributes) throws(Problem) -> (Token, UInt32) {
        var body = bytes
        let selfClosing = body.last == UInt8(ascii: "/")
        if selfClosing { body = body.dropLast() }
        let nameEnd = body.firstIndex { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 } ?? body.endIndex
        let (name, code) = localName(body[body.startIndex..<nameEnd], named: named)
        // A refusal names the tag whether or not the reader wanted names.
        var shownName: String { named ? name : localName(body[body.startIndex..<nameEnd], named: true).0 }
        var i = nameEnd
        while i < body.endIndex {
            while i < body.endIndex && (body[i] == 32 || body[i] == 9 || body[i] == 10 || body[i] == 13) { i += 1 }
            guard i < body.endIndex else { break }
            guard let equals = body[i...].firstIndex(of: UInt8(ascii: "=")) else {
                throw Problem(message: TableMessages.attributeWithoutValue(["name": shownName]))
            }
            // The name ends at the first blank before `=` (XML allows blanks around it); trimmed as bytes, since
            // Foundation's trimming bridged through NSString and was a fifth of an import's parse.
            var keyEnd = equals
            while keyEnd > i && (body[keyEnd - 1] == 32 || body[keyEnd - 1] == 9 || body[keyEnd - 1] == 10 || body[keyEnd - 1] == 13) {
                keyEnd -= 1
            }
            let key = string(body[i..<keyEnd])
            var j = equals + 1
            while j < body.endIndex && body[j] == 32 { j += 1 }
            guard j < body.endIndex, body[j] == 34 || body[j] == 39,
                  let close = body[(j + 1)...].firstIndex(of: body[j]) else {
                throw Problem(message: TableMessages.attributeWithoutQuotes(["name": shownName]))
            }
            attributes.append(key, decode(body[(j + 1)..<close]))
            i = close + 1
        }
        return (.start(name: name, attributes: attributes, selfClosing: selfClosing), code)
    }

    /// A tag's name without its namespace prefix (as text when `named`, else ""), and its code (see `nameCode`).
    static func localName(_ bytes: Bytes, named: Bool = true) -> (String, UInt32) {
        // One pass: the name ends at a blank, and starts after its last colon (the prefix's).
        var start = bytes.startIndex, end = bytes.startIndex
        var code: UInt32 = 0
        while end < bytes.endIndex {
            let byte = bytes[end]
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 { break }
            end += 1
            if byte == UInt8(ascii: ":") {
                start = end
                code = 0
            } else {
                code = code << 8 | UInt32(byte)
            }
        }
        let name = named ? string(bytes[start..<end]) : ""
        return (name, end - start <= 4 ? code : .max)
    }

    /// UTF-8 bytes as text, read from contiguous memory (repairing what is not UTF-8, as before).
    static func string(_ bytes: Bytes) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    /// Text with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#NN;` and `&#xHH;` resolved; any other
    /// `&…;` is left as written (a workbook has no DTD to define more).
    static func decode(_ bytes: Bytes) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return string(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard bytes[i] == UInt8(ascii: "&"), let semicolon = bytes[i...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
            else {
                out.append(bytes[i])
                i += 1
                continue
            }
            let entity = string(bytes[(i + 1)..<semicolon])
            var replacement: String?
            switch entity {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    replacement = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if entity.hasPrefix("#") {
                    replacement = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                }
            }
            if let replacement {
                out.append(contentsOf: replacement.utf8)
                i = semicolon + 1
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
