/// A request refused for a reason the person who made it can act on: an ID number with a wrong
/// check digit, a posting not offered at this fair. Domain code throws it naming the input at
/// fault, its reason a catalogue message; each front end words it for its own screen and in its
/// reader's language — the command line names its option (`--id-number: …`), the check-in page
/// shows the reason under the form, an import names the column.
public protocol Refusal: Error, Sendable, CustomStringConvertible {
    /// The input at fault by its field key (`id_number`, `posting`), or nil for the request as a whole.
    var field: String? { get }
    /// Why, in words a clerk understands; personal data in it is already masked.
    var reason: Message { get }
    /// What to do about it, when there is more to say than the reason.
    var hint: Message? { get }
}

extension Refusal {
    public var hint: Message? { nil }
    /// In English, for logs and tests.
    public var description: String { reason.text(.en) }

    /// The reason and, after a semicolon, the hint: one line for a page or an import's reject file.
    public func sentence(_ language: Language) -> String {
        reason.text(language) + (hint.map { Punctuation.semicolon.text(language) + $0.text(language) } ?? "")
    }
}

/// A refusal with no more to it than its field, reason and hint.
public struct InputRefusal: Refusal {
    public var field: String?
    public var reason: Message
    public var hint: Message?

    public init(field: String?, _ reason: Message, hint: Message? = nil) {
        self.field = field
        self.reason = reason
        self.hint = hint
    }
}
