import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The fair's patchy Wi-Fi between a browser and `campaign serve`: an HTTP proxy on 127.0.0.1 that
/// passes requests through until it is cut, then drops the check-ins it is sent (the connection is
/// closed with no answer, as when the network goes), while the page itself and its other calls still
/// load. Chromium is pointed at it with `--proxy-server`.
final class FlakyNetwork: Sendable {
    let port: Int
    private let server: Int
    private let listener: Int32
    private let cutState = Mutex(false)
    private let dropped = Mutex(0)

    /// Whether check-ins are dropped.
    var isCut: Bool {
        get { cutState.withLock { $0 } }
        set { cutState.withLock { $0 = newValue } }
    }

    /// How many check-ins were dropped so far.
    var droppedCheckIns: Int { dropped.withLock { $0 } }

    init(toServerAt server: Int) throws {
        self.server = server
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 64) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw CocoaError(.fileWriteUnknown) }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let accepting = Thread { [self] in acceptLoop() }
        accepting.start()
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            Thread { [self] in serve(client) }.start()
        }
    }

    /// One request (the proxy asks each to close its connection, so a kept-alive connection never
    /// carries a check-in past the cut): dropped when cut, else passed on and its answer passed back.
    private func serve(_ client: Int32) {
        defer { close(client) }
        var head = Data()
        var byte = [UInt8](repeating: 0, count: 4096)
        while head.range(of: Data("\r\n\r\n".utf8)) == nil {
            let n = recv(client, &byte, byte.count, 0)
            guard n > 0 else { return }
            head.append(contentsOf: byte[0..<n])
            if head.count > 1 << 20 { return }
        }
        guard let end = head.range(of: Data("\r\n\r\n".utf8)) else { return }
        let headText = String(decoding: head[..<end.lowerBound], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ", maxSplits: 2).map(String.init)
        guard parts.count == 3, let url = URL(string: parts[1]) else { return }
        let path = url.path + (url.query.map { "?" + $0 } ?? "")
        if isCut && parts[0] == "POST" && url.path == "/api/checkin" {
            dropped.withLock { $0 += 1 }
            return   // no answer: the browser sees the network fail
        }
        lines[0] = "\(parts[0]) \(path) \(parts[2])"
        lines = lines.filter { !$0.lowercased().hasPrefix("proxy-connection:") && !$0.lowercased().hasPrefix("connection:") }
        lines.append("Connection: close")
        var forwarded = Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        forwarded.append(head[end.upperBound...])

        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(upstream) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(server).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0, Self.send(forwarded, to: upstream) else { return }
        // The rest of the request body, if any, then the answer back until the server closes.
        let body = Thread {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = recv(client, &chunk, chunk.count, 0)
                guard n > 0, Self.send(Data(chunk[0..<n]), to: upstream) else { return }
            }
        }
        body.start()
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = recv(upstream, &chunk, chunk.count, 0)
            guard n > 0, Self.send(Data(chunk[0..<n]), to: client) else { break }
        }
        shutdown(client, Int32(SHUT_RDWR))
    }

    private static func send(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let n = Glibc.send(fd, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { return false }
                sent += n
            }
            return true
        }
    }
}
