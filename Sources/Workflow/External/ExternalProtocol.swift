import Foundation

/// The messages of the external plugin protocol, version 1 (docs/external-plugins.md).
///
/// `PROGRAM describe` prints a `Description`; `PROGRAM run` reads one `StepRequest` on stdin and
/// prints one `StepReply` on stdout. JSON both ways, UTF-8, keys in snake_case.
public enum ExternalProtocol {
    public static let version = 1

    /// What `PROGRAM describe` answers: the plugin's actions, their parameters and outputs.
    struct Description: Decodable {
        var `protocol`: Int
        var summary: String?
        var actions: [Action]

        struct Action: Decodable {
            var name: String
            var summary: String?
            var parameters: [Parameter]?
            var outputs: [Output]?
            /// True for an action that may wait for a person's signal (shown as "(waits)").
            var waits: Bool?
        }

        struct Parameter: Decodable {
            var name: String
            var type: String?
            var required: Bool?
            var `default`: Value?
            var doc: String?
        }

        struct Output: Decodable {
            var name: String
            var doc: String?
        }
    }

    /// What `PROGRAM run` reads on stdin.
    struct StepRequest: Encodable {
        var `protocol` = ExternalProtocol.version
        var action: String
        var campaign: String
        var run: Int64
        var step: String
        /// For one instance of a `for_each` step: its number (from 1).
        var item: Int?
        var attempt: Int
        /// The same for every attempt of this step of this run, and after a crash: what the plugin
        /// deduplicates its effects by.
        var idempotencyKey: String
        var with: Value
        var vars: Value
        var timeZone: String
        /// The campaign clock's now, in the campaign's time zone (ISO 8601 with its offset).
        var now: String
        /// The definition's folder: relative paths in `with:` are relative to it (it is also the
        /// program's working directory).
        var directory: String

        enum CodingKeys: String, CodingKey {
            case `protocol`, action, campaign, run, step, item, attempt, with, vars, now, directory
            case idempotencyKey = "idempotency_key"
            case timeZone = "time_zone"
        }
    }

    /// What `PROGRAM run` prints on stdout.
    struct StepReply: Decodable {
        var status: String
        var outputs: [String: Value]?
        var message: String?
        var retryable: Bool?
        var until: String?
        var signal: Bool?
        var prompt: String?
    }

    /// The types a described parameter may have: the built-in actions' names, and the usual
    /// spellings of JSON Schema and programming languages.
    static func parameterType(_ name: String?) -> ParameterType? {
        guard let name else { return .string }
        if let exact = ParameterType(rawValue: name) { return exact }
        switch name.lowercased() {
        case "string", "str": return .string
        case "int": return .integer
        case "float", "double": return .number
        case "bool": return .boolean
        case "datetime", "date_time": return .dateTime
        case "list", "array", "string-list", "list-of-text": return .stringList
        case "output-path", "output_path": return .outputPath
        case "object", "map", "dict": return .object
        default: return nil
        }
    }

    static let typeNames = ParameterType.allCases.map(\.rawValue)
}
