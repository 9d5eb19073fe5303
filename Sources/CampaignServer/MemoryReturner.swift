import Foundation
import Workflow

/// Gives the memory of a connection flood back to the system once the flood has passed. Each TLS
/// connection costs the server some 25 KB (its session, its buffers); when 20,000 of them close, glibc
/// keeps the freed pages in its arenas for reuse, and `serve` would stay at hundreds of megabytes for
/// the rest of the fair day. When the open connections fall to a quarter of a peak of at least
/// `floodSize`, `malloc_trim` hands the free pages back (where the C library has it; elsewhere nothing).
final class MemoryReturner: Sendable {
    let connections: ConnectionRegistry
    let floodSize: Int
    let interval: Duration

    init(connections: ConnectionRegistry, floodSize: Int = 256, interval: Duration = .seconds(2)) {
        self.connections = connections
        self.floodSize = floodSize
        self.interval = interval
    }

    /// Checks every `interval` until cancelled. A flood's connections are torn down over a few seconds
    /// after their sockets close (buffers, TLS sessions), so the pages are handed back at the check that
    /// sees it passed and at the three after it.
    func run() async {
        var trimsLeft = 0
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if connections.floodPassed(size: floodSize) { trimsLeft = 4 }
            if trimsLeft > 0 {
                trimsLeft -= 1
                Self.returnFreePages()
            }
        }
    }

    /// Returns the allocator's free pages to the system; whether the C library could (false: no `malloc_trim`).
    @discardableResult
    static func returnFreePages() -> Bool { FreePages.returnToSystem() }
}
