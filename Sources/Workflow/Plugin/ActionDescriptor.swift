import Foundation

/// The type a `with:` parameter must have; checked when a definition is validated and again,
/// after expressions are filled in, when the step runs.
public enum ParameterType: String, Sendable, CaseIterable {
    case string = "text"
    case integer
    case number
    case boolean
    /// A date and time such as `2026-03-01 08:00`, read in the campaign's time zone.
    case dateTime = "date-time"
    /// A duration such as `30m`, `2h`, `30d`.
    case duration
    /// One text or a list of texts.
    case stringList = "list of text"
    /// A file that must exist; relative paths are resolved against the definition's folder.
    case file
    /// A path the step writes to; relative to the definition's folder.
    case outputPath = "output path"
    /// A mapping of keys to values (e.g. a column mapping).
    case object = "mapping"
}

/// One documented parameter of an action.
public struct ParameterSpec: Sendable {
    public var name: String
    public var type: ParameterType
    public var required: Bool
    public var defaultValue: Value?
    public var doc: String

    public init(_ name: String, _ type: ParameterType, required: Bool = false, default defaultValue: Value? = nil,
                doc: String) {
        self.name = name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.doc = doc
    }
}

/// One documented output of an action, readable downstream as `${{ steps.ID.outputs.NAME }}`.
public struct OutputSpec: Sendable {
    public var name: String
    public var doc: String

    public init(_ name: String, doc: String) {
        self.name = name
        self.doc = doc
    }
}

extension OutputSpec {
    /// The outputs of a step whose wait ended (the default `wake`): `core.wait`'s and any waiting action's.
    public static let wakeOutputs = [
        OutputSpec("ended_by", doc: "time or signal."),
        OutputSpec("ended_at", doc: "When the wait ended, in the campaign time zone."),
        OutputSpec("signalled_by", doc: "Who sent the signal (--by), if any."),
        OutputSpec("note", doc: "The signal's note (--note), if any."),
    ]
}

/// A problem with a step's parameters found by an action's own check (e.g. "give 'until' or 'signal'").
public struct ParameterProblem: Sendable {
    /// The parameter at fault, or nil when the problem is the combination.
    public var parameter: String?
    /// What is wrong and how to fix it, worded per reader (`ParameterMessages` or the plugin's catalogue).
    public var wording: Message
    public var hintWording: Message?

    public init(parameter: String?, _ wording: Message, hint: Message? = nil) {
        self.parameter = parameter
        self.wording = wording
        self.hintWording = hint
    }

    /// In English, for logs and tests.
    public var message: String { wording.text(.en) }
    public var hint: String? { hintWording?.text(.en) }
}

/// What an action is and accepts: its name, documentation, parameters and outputs.
public struct ActionDescriptor: Sendable {
    public var name: String
    public var summary: String
    public var parameters: [ParameterSpec]
    /// Declared outputs; references to undeclared outputs are rejected at validation.
    public var outputs: [OutputSpec]
    /// True for steps that wait for people (gates, follow-up periods); shown in `campaign plugins`.
    public var waitsForPeople: Bool
    /// Cross-parameter rules, run at validation on the parameters given.
    public var check: (@Sendable (GivenParameters) -> [ParameterProblem])?

    public init(name: String, summary: String, parameters: [ParameterSpec] = [], outputs: [OutputSpec] = [],
                waitsForPeople: Bool = false,
                check: (@Sendable (GivenParameters) -> [ParameterProblem])? = nil) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.outputs = outputs
        self.waitsForPeople = waitsForPeople
        self.check = check
    }

    public func parameter(_ name: String) -> ParameterSpec? { parameters.first { $0.name == name } }
}

/// The parameters a step gives, as an action's `check` sees them at validation time.
public struct GivenParameters: Sendable {
    /// Every parameter named under `with:`, literal or expression.
    public var names: Set<String>
    /// The values known before running: literals, coerced to their declared types.
    public var literals: [String: Value]

    public func has(_ name: String) -> Bool { names.contains(name) }
    public subscript(name: String) -> Value? { literals[name] }
}
