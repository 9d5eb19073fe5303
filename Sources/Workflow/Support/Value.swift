import Foundation

/// A JSON-like value: what `vars`, `with:` parameters and step outputs hold once loaded.
///
/// Kept deliberately small so that every value can be stored as JSON in the workspace and
/// compared in expressions without surprises.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([Value])
    case object([String: Value])
}

extension Value {
    /// The name of the value's type as a clerk would read it in an error message.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "number"
        case .string: "text"
        case .array: "list"
        case .object: "mapping"
        }
    }

    /// Truthiness as in GitHub Actions: null, false, 0 and "" are false; everything else is true.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .int(let i): i != 0
        case .double(let d): d != 0 && !d.isNaN
        case .string(let s): !s.isEmpty
        case .array, .object: true
        }
    }

    /// The numeric reading of the value, used by comparisons (`"5" == 5` is true).
    public var number: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        case .string(let s): Double(s.trimmingCharacters(in: .whitespaces))
        case .bool(let b): b ? 1 : 0
        default: nil
        }
    }

    /// The text shown when a value is interpolated into a string (`"Fair at ${{ vars.place }}"`).
    public var interpolated: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .string(let s): s
        case .array, .object: (try? jsonText()) ?? ""
        }
    }

    /// A fan-out item as one short line: a mapping's values in key order (`第2批 河口镇`), else the value.
    public var itemLabel: String {
        guard case .object(let fields) = self else { return interpolated }
        return fields.sorted { $0.key < $1.key }.map { $0.value.interpolated }.joined(separator: " ")
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

extension Value: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? container.decode(Int.self) {
            self = .int(i)
        } else if let d = try? container.decode(Double.self) {
            self = .double(d)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([Value].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: Value].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .double(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }
}

extension Value {
    /// Compact JSON with sorted keys, so equal values always serialize to equal text.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    public init(jsonText: String) throws {
        self = try JSONDecoder().decode(Value.self, from: Data(jsonText.utf8))
    }
}

extension Dictionary where Key == String, Value == Workflow.Value {
    /// Stores a map of values (outputs, vars) as one JSON object.
    public func jsonText() throws -> String { try Workflow.Value.object(self).jsonText() }

    public static func fromJSON(_ text: String?) throws -> [String: Workflow.Value] {
        guard let text, !text.isEmpty else { return [:] }
        guard case .object(let o) = try Workflow.Value(jsonText: text) else { return [:] }
        return o
    }
}
