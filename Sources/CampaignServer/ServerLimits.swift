import Foundation
import NIOCore

/// What `serve` grants one connection and one address, so that nobody on the fair's Wi-Fi — a
/// stranger, a broken phone app — can starve the gates. The defaults follow nginx's spirit
/// (`client_header_timeout`, `limit_conn`), tightened for a LAN where a request takes milliseconds.
public struct ServerLimits: Sendable {
    /// A connection must deliver a complete request header this soon after it opens or after its
    /// previous answer, or it is closed: a half-sent header cannot hold a slot.
    public var headerTimeout: TimeAmount = .seconds(10)
    /// Once a request's header is in, its body may not pause longer than this while the server waits
    /// for it (nginx's `client_body_timeout`)…
    public var bodyStallTimeout: TimeAmount = .seconds(15)
    /// …nor take longer than this of the server's waiting in all: a 4 MB photo needs 107 s at 300 kbit/s,
    /// a body dribbled a byte every few seconds to hold a slot is closed.
    public var bodyTimeout: TimeAmount = .seconds(120)
    /// Connections one address may hold at once. When an address asks for more, its longest-idle
    /// connection is closed to make room (a browser simply reconnects); only when all of them are
    /// busy is the new one refused.
    public var connectionsPerAddress = 256
    /// Request bodies larger than this are refused with 413 (a check-in is well under 1 KiB).
    public var maxBodyBytes = 64 * 1024
    /// Wrong staff tokens one address may send in `signInWindow` before it must wait (429).
    public var signInFailures = 10
    public var signInWindow: Duration = .seconds(60)

    public init() {}

    /// Connections the whole server holds at most: what the process may open, less a reserve for
    /// the workspace and logs. The soft descriptor limit is raised to the hard one first — Linux
    /// starts processes at 1,024, which a thousand idle sockets would exhaust.
    #if os(Linux)
    private static let openFiles = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let openFiles = RLIMIT_NOFILE
    #endif

    public static func connectionCeiling() -> Int {
        var limit = rlimit()
        guard getrlimit(Self.openFiles, &limit) == 0 else { return 1_000 }
        let wanted = min(limit.rlim_max, 65_536)
        if limit.rlim_cur < wanted {
            var raised = limit
            raised.rlim_cur = wanted
            if setrlimit(Self.openFiles, &raised) == 0 { limit = raised }
        }
        return max(Int(limit.rlim_cur) - 128, 64)
    }
}
