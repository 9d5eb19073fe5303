import Foundation
import GRDB
import Workflow

/// A test plugin whose steps take real time in `prepare`, write one row in `commit`, and record
/// how many of them prepare at once.
final class ConcurrencyTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var maximum = 0
    private var cancellations = 0
    private var waiting: [(peak: Int, continuation: CheckedContinuation<Void, Never>)] = []

    func enter() {
        let ready: [CheckedContinuation<Void, Never>] = lock.withLock {
            current += 1
            maximum = max(maximum, current)
            let ready = waiting.filter { $0.peak <= maximum }.map(\.continuation)
            waiting.removeAll { $0.peak <= maximum }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }

    /// Returns once `peak` steps have been preparing at the same time: a step that waits here can
    /// only go on if the engine runs that many at once — no timing involved.
    func waitForPeak(_ peak: Int) async {
        await withCheckedContinuation { continuation in
            let reached = lock.withLock {
                if maximum >= peak { return true }
                waiting.append((peak, continuation))
                return false
            }
            if reached { continuation.resume() }
        }
    }

    func leave() { lock.withLock { current -= 1 } }
    var peak: Int { lock.withLock { maximum } }
    func cancelled() { lock.withLock { cancellations += 1 } }
    var cancelledCount: Int { lock.withLock { cancellations } }
}

struct ProbeWork: StepAction {
    struct Input: Decodable, Sendable {
        var ms: Int
        var label: String?
        /// Waits in `prepare` until this many steps prepare at once.
        var meet: Int?
    }

    let tracker: ConcurrencyTracker

    static let descriptor = ActionDescriptor(
        name: "work",
        summary: "Takes `ms` milliseconds to prepare, then writes one row.",
        parameters: [
            ParameterSpec("ms", .integer, default: .int(0), doc: "Preparation time."),
            ParameterSpec("label", .string, doc: "Written into the row."),
            ParameterSpec("meet", .integer, doc: "Wait until this many steps prepare at once."),
        ],
        outputs: [OutputSpec("label", doc: "The label written.")]
    )

    func prepare(_ input: Input, context: StepContext) async throws {
        tracker.enter()
        defer { tracker.leave() }
        if let meet = input.meet { await tracker.waitForPeak(meet) }
        do {
            if input.ms > 0 { try await Task.sleep(for: .milliseconds(input.ms)) }
        } catch is CancellationError {
            tracker.cancelled()
            throw CancellationError()
        }
    }

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        try db.execute(sql: "INSERT INTO probe_effect (step_id, label) VALUES (?, ?)",
                       arguments: [context.stepID, input.label])
        return .completed(outputs: ["label": .string(input.label ?? "")])
    }
}

/// `probe.list`: outputs a list of `count` mappings {n, town}, for fan-outs over an upstream output.
struct ProbeList: StepAction {
    struct Input: Decodable, Sendable {
        var count: Int
    }

    static let towns = ["城关镇", "河口镇", "太平乡", "新华乡", "柳林镇"]

    static let descriptor = ActionDescriptor(
        name: "list", summary: "Gives a list of `count` items.",
        parameters: [ParameterSpec("count", .integer, required: true, doc: "How many items.")],
        outputs: [OutputSpec("items", doc: "[{n, town}, …]")])

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        .completed(outputs: ["items": .array((1...max(1, input.count)).prefix(input.count).map { n in
            .object(["n": .int(n), "town": .string(Self.towns[(n - 1) % Self.towns.count])])
        })])
    }
}

/// `probe.flaky`: writes one row, but first fails (retryably) its first `fail_attempts` attempts,
/// and fails for good while the switch named `blocked_by` is on in `probe_switch`.
struct ProbeFlaky: StepAction {
    struct Input: Decodable, Sendable {
        var label: String
        var fail_attempts: Int
        var blocked_by: String?
    }

    static let descriptor = ActionDescriptor(
        name: "flaky", summary: "Fails its first attempts, then writes one row.",
        parameters: [
            ParameterSpec("label", .string, required: true, doc: "Written into the row."),
            ParameterSpec("fail_attempts", .integer, default: .int(0), doc: "Attempts that fail first."),
            ParameterSpec("blocked_by", .string, doc: "Fails for good while this switch is on."),
        ],
        outputs: [OutputSpec("label", doc: "The label written."), OutputSpec("attempt", doc: "The attempt that worked.")])

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        if let name = input.blocked_by,
           try Bool.fetchOne(db, sql: "SELECT on_ FROM probe_switch WHERE name = ?", arguments: [name]) == true {
            return .failed(message: "switch \(name) is on", retryable: false)
        }
        if context.attempt <= input.fail_attempts {
            return .failed(message: "attempt \(context.attempt) fails on purpose", retryable: true)
        }
        try db.execute(sql: "INSERT INTO probe_effect (step_id, label) VALUES (?, ?)",
                       arguments: [context.stepID, input.label])
        return .completed(outputs: ["label": .string(input.label), "attempt": .int(context.attempt)])
    }
}

func probePlugin(_ tracker: ConcurrencyTracker = ConcurrencyTracker()) -> Plugin {
    Plugin(name: "probe", summary: "Test steps.", actions: [ProbeWork(tracker: tracker), ProbeList(), ProbeFlaky()],
           migrations: [
        Migration("probe-v1") { db in
            try db.execute(sql: "CREATE TABLE probe_effect (id INTEGER PRIMARY KEY, step_id TEXT NOT NULL, label TEXT)")
            try db.execute(sql: "CREATE TABLE probe_switch (name TEXT PRIMARY KEY, on_ BOOLEAN NOT NULL)")
        },
    ])
}
