import Foundation
import Workflow

/// A clock that jumps instead of sleeping: a campaign spanning weeks runs in milliseconds.
public final class VirtualClock: WorkflowClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(start: Date = Date(timeIntervalSince1970: 1_772_323_200)) {  // 2026-03-01 00:00 UTC
        current = start
    }

    public func now() -> Date {
        lock.withLock { current }
    }

    public func sleep(until date: Date) async throws {
        lock.withLock { current = max(current, date) }
    }

    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }

    public func set(_ date: Date) {
        lock.withLock { current = date }
    }
}
