import Foundation

/// The engine's notion of time, injected so a test can run a month-long campaign in milliseconds.
public protocol WorkflowClock: Sendable {
    func now() -> Date
    /// Returns at `date` (or at once if it has passed). A virtual clock jumps there instead.
    func sleep(until date: Date) async throws
}

/// Wall-clock time.
public struct SystemClock: WorkflowClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until date: Date) async throws {
        let interval = date.timeIntervalSinceNow
        if interval > 0 { try await Task.sleep(for: .seconds(interval)) }
    }
}

/// Wall-clock time shifted to start at a chosen instant: `CAMPAIGN_NOW=2026-03-01T08:00:00+08:00`
/// lets an organizer rehearse a campaign as if it were that day (and lets end-to-end tests
/// cross a timer without waiting for it).
public struct ShiftedClock: WorkflowClock {
    let offset: TimeInterval

    public init(startingAt start: Date) {
        offset = start.timeIntervalSinceNow
    }

    public func now() -> Date { Date().addingTimeInterval(offset) }

    public func sleep(until date: Date) async throws {
        let interval = date.timeIntervalSince(now())
        if interval > 0 { try await Task.sleep(for: .seconds(interval)) }
    }
}
