import Foundation
import Hummingbird
import PluginKit

/// Reads a check-in's JSON body. What the page and scanners send — one flat object of plain strings,
/// numbers and nulls — is read by hand; anything else (an escape in a string, a nested value, a field
/// of the wrong kind, no input, a duplicate key, broken JSON) goes to the general decoder, so a
/// refusal is worded exactly as before (`decodeBody`). Foundation's JSONDecoder cost a check-in more
/// than its answer (#39's profile); a time (`client_time`) is still read by it, as it always was.
enum CheckinBodyReader {
    static func read(_ request: Request, context: CampaignRequestContext) async throws -> CheckinBody {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        if let body = buffer.withUnsafeReadableBytes({ parse($0) }) { return body }
        return try await request.decodeBody(as: CheckinBody.self, context: context)
    }

    /// The body read by hand, or nil when only the general decoder may read it.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> CheckinBody? {
        var scanner = FlatJSONScanner(bytes)
        guard let fields = scanner.object(), case .text(let input)? = fields["input"] else { return nil }
        var body = CheckinBody(input: input)
        func text(_ key: String) -> String?? {
            switch fields[key] {
            case nil, .null?: return .some(nil)
            case .text(let value)?: return .some(value)
            case .number?: return nil
            }
        }
        guard let checkpoint = text("checkpoint"), let gate = text("gate"), let nonce = text("nonce"),
              let device = text("device"), let time = text("client_time") else { return nil }
        (body.checkpoint, body.gate, body.nonce, body.device) = (checkpoint, gate, nonce, device)
        if let time {
            // The same decoder and strategy as the general path: the same times accepted, read the same.
            guard let date = try? isoDecoder().decode(Date.self, from: Data(("\"" + time + "\"").utf8)) else { return nil }
            body.client_time = date
        }
        switch fields["kept_ms"] {
        case nil, .null?: break
        case .number(let value)?: body.kept_ms = value
        case .text?: return nil
        }
        return body
    }

    /// Hummingbird's request decoder: JSON, times in ISO 8601.
    static func isoDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// A flat JSON object's fields: strings without escapes, numbers, nulls — nil for anything else.
struct FlatJSONScanner {
    enum Value: Equatable {
        case text(String)
        case number(Double)
        case null
    }

    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The object's fields by name; nil when the bytes are anything but one such object (and blanks).
    mutating func object() -> [String: Value]? {
        skipBlanks()
        guard take(UInt8(ascii: "{")) else { return nil }
        var fields: [String: Value] = [:]
        skipBlanks()
        if !take(UInt8(ascii: "}")) {
            repeat {
                skipBlanks()
                guard let key = string() else { return nil }
                skipBlanks()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipBlanks()
                guard let value = value(), fields.updateValue(value, forKey: key) == nil else { return nil }
                skipBlanks()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        skipBlanks()
        return index == bytes.count ? fields : nil
    }

    private mutating func value() -> Value? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""): return string().map(Value.text)
        case UInt8(ascii: "n"):
            guard bytes.count - index >= 4, bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "l"),
                  bytes[index + 3] == UInt8(ascii: "l") else { return nil }
            index += 4
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number().map(Value.number)
        default: return nil
        }
    }

    /// A string without escapes or control characters, valid UTF-8.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            guard bytes[index] >= 0x20, bytes[index] != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return String(validating: bytes[start..<index], as: UTF8.self)
    }

    /// A number as JSON writes it (`-`, no leading zeros, a fraction, an exponent), finite.
    private mutating func number() -> Double? {
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        _ = take(UInt8(ascii: "-"))
        let leadingZero = index < bytes.count && bytes[index] == UInt8(ascii: "0")
        let whole = digits()
        guard whole > 0, !(leadingZero && whole > 1) else { return nil }
        if take(UInt8(ascii: ".")), digits() == 0 { return nil }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            _ = take(UInt8(ascii: "+")) || take(UInt8(ascii: "-"))
            guard digits() > 0 else { return nil }
        }
        guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipBlanks() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }
}
