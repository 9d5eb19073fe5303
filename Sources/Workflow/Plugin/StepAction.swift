import Foundation
import GRDB

/// What a step attempt came to.
public enum StepOutcome: Sendable {
    /// Done; the outputs are readable downstream.
    case completed(outputs: [String: Value])
    /// Failed; a retryable failure is tried again under the step's `retry:` policy.
    case failed(message: String, retryable: Bool)
    /// Waiting for a time, for a person's signal, or for whichever comes first.
    case waiting(Wait)

    /// Completed with no outputs.
    public static var succeeded: StepOutcome { .completed(outputs: [:]) }
}

/// What a waiting step waits for.
public struct Wait: Sendable, Equatable {
    public var until: Date?
    /// When true, `campaign signal CAMPAIGN STEP` ends the wait.
    public var signal: Bool
    /// What the organizer should do, shown by `start`, `resume` and `status`.
    public var prompt: String
    /// The prompt as catalogue words, worded for each reader (`status` in English of a fair started in Chinese).
    public var message: Message?

    public init(until: Date? = nil, signal: Bool = false, prompt: String) {
        self.until = until
        self.signal = signal
        self.prompt = prompt
    }

    public init(until: Date? = nil, signal: Bool = false, message: Message) {
        self.init(until: until, signal: signal, prompt: message.inProcessLanguage)
        self.message = message
    }
}

/// Why a waiting step woke up.
public enum Wake: Sendable {
    case timer(at: Date)
    case signal(Signal)
}

/// A person's signal to a waiting step (`campaign signal`), e.g. "the gate is closed".
public struct Signal: Sendable, Codable {
    public var by: String?
    public var note: String?
    public var at: Date

    public init(by: String?, note: String?, at: Date) {
        self.by = by
        self.note = note
        self.at = at
    }
}

/// A failure an action reports on purpose, with whether trying again could help.
public struct StepFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var retryable: Bool

    public init(_ message: String, retryable: Bool = false) {
        self.message = message
        self.retryable = retryable
    }

    public var description: String { message }
}

/// A plugin action: the code behind `uses: plugin.action`.
///
/// A step runs in two phases so that crash safety and concurrency both hold:
/// - `prepare` runs outside any transaction, concurrently with other ready steps: read files,
///   compute, validate. It must not write to the workspace.
/// - `commit` runs inside the one transaction that also records the step's new state, so its
///   writes and the state change land together or not at all. Resuming after a crash never
///   applies them twice.
/// A waiting step is woken by `wake`, again inside a transaction with its state change.
public protocol StepAction: Sendable {
    associatedtype Input: Decodable & Sendable
    associatedtype Prepared: Sendable = Void

    static var descriptor: ActionDescriptor { get }
    /// This action's description as configured: the type's `descriptor` unless the instance adds
    /// to it (the tally's outputs are the measures of the plugins it was given).
    var configuredDescriptor: ActionDescriptor { get }

    func prepare(_ input: Input, context: StepContext) async throws -> Prepared
    func commit(_ db: Database, _ prepared: Prepared, input: Input, context: StepContext) throws -> StepOutcome
    func wake(_ db: Database, _ wake: Wake, input: Input, context: StepContext) throws -> StepOutcome
}

extension StepAction {
    public var configuredDescriptor: ActionDescriptor { Self.descriptor }
}

extension StepAction where Prepared == Void {
    public func prepare(_ input: Input, context: StepContext) async throws {}
}

extension StepAction {
    /// By default a woken step completes, saying what ended the wait.
    public func wake(_ db: Database, _ wake: Wake, input: Input, context: StepContext) throws -> StepOutcome {
        switch wake {
        case .timer(let at):
            return .completed(outputs: ["ended_by": .string("time"), "ended_at": .string(context.format(at))])
        case .signal(let signal):
            var outputs: [String: Value] = ["ended_by": .string("signal"),
                                            "ended_at": .string(context.format(signal.at))]
            if let by = signal.by { outputs["signalled_by"] = .string(by) }
            if let note = signal.note { outputs["note"] = .string(note) }
            return .completed(outputs: outputs)
        }
    }
}

/// An action's input when it takes no parameters.
public struct NoInput: Decodable, Sendable {}
