import Foundation

/// Wrong staff tokens per client address: after `failures` of them within `window`, the address
/// must wait until the oldest falls out of the window (429 with Retry-After). A token is 26
/// characters of base 36, so guessing was never practical; the throttle keeps a script from
/// filling the log and the staff table's reads.
final class SignInThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String: [ContinuousClock.Instant]] = [:]
    let allowed: Int
    let window: Duration

    init(failures: Int, window: Duration) {
        self.allowed = failures
        self.window = window
    }

    /// How long the address must still wait, or nil when it may try.
    func wait(for address: String, now: ContinuousClock.Instant = .now) -> Duration? {
        lock.withLock {
            let recent = (failures[address] ?? []).filter { now - $0 < window }
            failures[address] = recent.isEmpty ? nil : recent
            guard recent.count >= allowed, let oldest = recent.first else { return nil }
            return window - (now - oldest)
        }
    }

    func failed(_ address: String, now: ContinuousClock.Instant = .now) {
        lock.withLock {
            // Bounded: a flood of addresses cannot grow the table without limit.
            if failures.count > 10_000 { failures.removeAll() }
            failures[address, default: []].append(now)
        }
    }
}
