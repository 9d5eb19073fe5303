import Foundation

/// The engine's one error type: a code the CLI maps to an exit status and a message for a clerk.
///
/// Modelled on GRDB's `DatabaseError`: one type with a matchable code, so callers never need
/// to know which layer failed to decide what to tell the user.
public struct WorkflowError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// The command was used the wrong way (exit 64).
        case usage
        /// A definition or data file is wrong (exit 65).
        case invalidInput
        /// Something needed is not there or busy: a file, the workspace, a lock (exit 69).
        case unavailable
        /// A bug or an unexpected state (exit 70).
        case `internal`

        /// The documented exit status of the command line (sysexits.h).
        public var exitCode: Int32 {
            switch self {
            case .usage: 64
            case .invalidInput: 65
            case .unavailable: 69
            case .internal: 70
            }
        }
    }

    public var code: Code
    public var message: String
    public var hint: String?
    /// Diagnostics for an invalid definition, shown with their source lines.
    public var diagnostics: [Diagnostic]
    public var file: SourceFile?
    /// The message and hint as catalogue entries, when they are: the command line and the server
    /// word them in their reader's language; `message` and `hint` are then their English.
    public var wording: (message: Message, hint: Message?)?

    public init(_ code: Code, _ message: String, hint: String? = nil,
                diagnostics: [Diagnostic] = [], file: SourceFile? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.diagnostics = diagnostics
        self.file = file
    }

    /// An error worded from the catalogue.
    public init(_ code: Code, _ message: Message, hint: Message? = nil) {
        self.init(code, message.text(.en), hint: hint?.text(.en))
        wording = (message, hint)
    }

    public static func usage(_ message: Message, hint: Message? = nil) -> WorkflowError {
        WorkflowError(.usage, message, hint: hint)
    }

    public static func invalidInput(_ message: Message, hint: Message? = nil) -> WorkflowError {
        WorkflowError(.invalidInput, message, hint: hint)
    }

    public static func unavailable(_ message: Message, hint: Message? = nil) -> WorkflowError {
        WorkflowError(.unavailable, message, hint: hint)
    }

    /// The message in `language` (as it was written when it is no catalogue entry).
    public func message(in language: Language) -> String { wording?.message.text(language) ?? message }

    /// The hint in `language`.
    public func hint(in language: Language) -> String? { wording.map { $0.hint?.text(language) } ?? hint }

    public static func usage(_ message: String, hint: String? = nil) -> WorkflowError {
        WorkflowError(.usage, message, hint: hint)
    }

    public static func invalidInput(_ message: String, hint: String? = nil) -> WorkflowError {
        WorkflowError(.invalidInput, message, hint: hint)
    }

    public static func unavailable(_ message: String, hint: String? = nil) -> WorkflowError {
        WorkflowError(.unavailable, message, hint: hint)
    }

    public static func `internal`(_ message: String) -> WorkflowError {
        WorkflowError(.internal, message, hint: "this is a bug in campaign; please report it with the command you ran")
    }

    public var exitCode: Int32 { code.exitCode }

    public var description: String {
        hint.map { "\(message)\n  help: \($0)" } ?? message
    }
}
