import Foundation

/// Something to tell a person, not yet worded: catalogue entries with their values, worded in the
/// reader's language only when shown. Domain code returns messages; the command line, the page and
/// the reports word them. Stored (a scan's reason) as its keys and values, so a reason recorded
/// today reads in either language tomorrow.
public struct Message: Sendable, Hashable {
    public struct Part: Sendable, Hashable {
        public var text: MessageText
        public var values: [String: String]
        /// Placeholders filled with words that are themselves worded per language ("{what}" → 变量名 /
        /// variable name).
        public var words: [String: Message] = [:]
    }

    public var parts: [Part]

    public init(_ text: MessageText, _ values: [String: String] = [:], words: [String: Message] = [:]) {
        parts = [Part(text: text, values: values, words: words)]
    }

    /// A message that was stored as words before messages had keys: shown as it was.
    public static func verbatim(_ words: String) -> Message {
        Message(verbatimText, ["words": words])
    }

    private static let verbatimText = MessageText("verbatim", zh: "{words}", en: "{words}")

    /// A catalogue by key, built once, for reading stored messages back.
    public static func index(_ catalogue: [MessageText]) -> [String: MessageText] {
        Dictionary((catalogue + [verbatimText]).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Messages one after another, `separator` between them ("; ").
    public static func joined(_ messages: [Message], separator: String) -> Message {
        var parts: [Part] = []
        for (index, message) in messages.enumerated() {
            if index > 0 { parts.append(Part(text: verbatimText, values: ["words": separator])) }
            parts += message.parts
        }
        return Message(parts: parts)
    }

    /// Messages one after another with a mark between them that is worded per language (`、` / `, `).
    public static func joined(_ messages: [Message], separator: MessageText) -> Message {
        var parts: [Part] = []
        for (index, message) in messages.enumerated() {
            if index > 0 { parts.append(Part(text: separator, values: [:])) }
            parts += message.parts
        }
        return Message(parts: parts)
    }

    /// The message with more said after it (`已签到` + `，在北门`).
    public static func + (lhs: Message, rhs: Message) -> Message {
        var joined = lhs
        joined.parts += rhs.parts
        return joined
    }

    public func text(_ language: Language) -> String {
        parts.map { part in Self.fill(part.text.template(language), part, language) }.joined()
    }

    /// The template with each `{name}` its part names replaced by its value or its words, in one pass:
    /// a value is never read again for placeholders (a name typed as `{gate}` stays as typed), and the
    /// template is read once, not once a placeholder through NSString — which was a fifth of a repeat
    /// scan's time, its answer worded four times (stored, shown, and in both languages).
    static func fill(_ template: String, _ part: Part, _ language: Language) -> String {
        guard !part.values.isEmpty || !part.words.isEmpty, template.utf8.contains(UInt8(ascii: "{")) else { return template }
        let bytes = Array(template.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "}")) {
                let name = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
                if let value = part.values[name] ?? part.words[name]?.text(language) {
                    out.append(contentsOf: value.utf8)
                    i = close + 1
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Keys and values as JSON, for storing: `[{"key":"…","values":{"name":"…"}}]`, values sorted by
    /// name. Written by hand because every check-in stores its reason: a `JSONEncoder` per scan
    /// costs more than the scan's own insert (`MessageCatalogueTests` reads it back with `JSONDecoder`).
    public var storedForm: String {
        var out = "["
        for (index, part) in parts.enumerated() {
            if index > 0 { out += "," }
            out += #"{"key":"# + Self.jsonString(part.text.key) + #","values":{"#
            for (number, name) in part.values.keys.sorted().enumerated() {
                if number > 0 { out += "," }
                out += Self.jsonString(name) + ":" + Self.jsonString(part.values[name] ?? "")
            }
            out += "}"
            if !part.words.isEmpty {
                out += #","words":{"#
                for (number, name) in part.words.keys.sorted().enumerated() {
                    if number > 0 { out += "," }
                    out += Self.jsonString(name) + ":" + (part.words[name]?.storedForm ?? "[]")
                }
                out += "}"
            }
            out += "}"
        }
        return out + "]"
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259 §7).
    /// Written byte by byte (every byte of a multi-byte character is ≥ 0x80 and passes as it is): the
    /// check-in answer is written with it, where JSONEncoder cost more than the answer's own look-ups.
    public static func jsonString(_ text: String) -> String {
        let hex = Self.hexDigits
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// A stored message read back with the catalogue entries it may name (`Message.index`); nil
    /// when a key is unknown.
    public init?(storedForm: String, catalogue byKey: [String: MessageText]) {
        guard let list = try? JSONDecoder().decode([StoredPart].self, from: Data(storedForm.utf8)), !list.isEmpty,
              let message = Self.read(list, catalogue: byKey)
        else { return nil }
        self = message
    }

    private static func read(_ list: [StoredPart], catalogue byKey: [String: MessageText]) -> Message? {
        var parts: [Part] = []
        for stored in list {
            guard let text = byKey[stored.key] else { return nil }
            var words: [String: Message] = [:]
            for (name, nested) in stored.words ?? [:] {
                guard let message = read(nested, catalogue: byKey) else { return nil }
                words[name] = message
            }
            parts.append(Part(text: text, values: stored.values, words: words))
        }
        return parts.isEmpty ? nil : Message(parts: parts)
    }

    private init(parts: [Part]) {
        self.parts = parts
    }

    private struct StoredPart: Codable {
        var key: String
        var values: [String: String]
        var words: [String: [StoredPart]]?
    }
}
