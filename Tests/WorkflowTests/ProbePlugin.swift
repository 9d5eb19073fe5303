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

    func commit(_ prepared: Void, input: Input, context: StepContext, db: Database) throws -> StepOutcome {
        try db.execute(sql: "INSERT INTO probe_effect (step_id, label) VALUES (?, ?)",
                       arguments: [context.stepID, input.label])
        return .completed(outputs: ["label": .string(input.label ?? "")])
    }
}

func probePlugin(_ tracker: ConcurrencyTracker = ConcurrencyTracker()) -> Plugin {
    Plugin(name: "probe", summary: "Test steps.", actions: [ProbeWork(tracker: tracker)], migrations: [
        Migration("probe-v1") { db in
            try db.execute(sql: "CREATE TABLE probe_effect (id INTEGER PRIMARY KEY, step_id TEXT NOT NULL, label TEXT)")
        },
    ])
}
