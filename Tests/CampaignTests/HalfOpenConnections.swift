import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Raw TCP connections that send the start of a request header and then nothing: what a stranger
/// on the fair's Wi-Fi (or a stuck phone app) does to hold a server's slots.
final class HalfOpenConnections {
    private(set) var sockets: [Int32] = []

    /// Raises this process's own soft limit on open files, so that the test itself can hold the
    /// connections whatever limit the shell gave it.
    static func allowOpenFiles(_ count: Int) {
        var limit = rlimit()
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur < rlim_t(count) else { return }
        limit.rlim_cur = min(rlim_t(count), limit.rlim_max)
        _ = setrlimit(resource, &limit)
    }

    /// Opens `count` connections to 127.0.0.1:`port`, each sending half a header; returns how many
    /// connected: it stops at the first that the server does not accept within 2 s.
    @discardableResult
    func open(_ count: Int, port: Int) -> Int {
        var opened = 0
        for _ in 0..<count {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { break }
            // A server that stopped accepting must not hang the test: give up a connect after 2 s
            // (on Linux the send timeout bounds connect too).
            var timeout = timeval(tv_sec: 2, tv_usec: 0)
            _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else { close(fd); break }
            let half = "POST /api/checkin HTTP/1.1\r\nHost: fair\r\nContent-Type: app"
            _ = half.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            sockets.append(fd)
            opened += 1
        }
        return opened
    }

    /// How many of the connections the server has closed by now (a read returns end of file or an
    /// error rather than "would block").
    func closedByServer() -> Int {
        var closed = 0
        var byte: UInt8 = 0
        for fd in sockets {
            let n = recv(fd, &byte, 1, Int32(MSG_DONTWAIT))
            if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) { closed += 1 }
        }
        return closed
    }

    func closeAll() {
        for fd in sockets { close(fd) }
        sockets.removeAll()
    }

    deinit {
        for fd in sockets { close(fd) }
    }
}
