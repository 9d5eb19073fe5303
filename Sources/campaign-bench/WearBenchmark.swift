import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Ledger
import NIOCore
import NIOPosix
import NIOSSL
import Workflow

/// `campaign-bench wear [--photos N] [--sockets S]`: what a long fair day leaves in `campaign serve`.
/// `N` photos and camera frames — badges, blank frames, bytes that are no image, 8 phones at once —
/// then a flood of `S` connections that each send half a header and hold on (plain http, then the
/// same against `serve --tls`, whose connections cost more), closed together. The server's open
/// descriptors and resident memory are printed before, at the flood's height and after it has
/// passed: the descriptors must come back where they were, and the memory near its start (the
/// ratio after ÷ before; glibc keeps a flood's freed pages unless they are handed back).
enum WearBenchmark {
    static func run(photos: Int, sockets: Int) async throws {
        let plain = try await CheckinBenchmark.Fair(people: 200)
        defer { plain.server.terminate() }
        print("wear benchmark — campaign serve on \(ProcessInfo.processInfo.activeProcessorCount) cores: "
              + "\(photos) photos and frames, then a flood of \(sockets) connections, plain and over TLS")
        // A first round opens what a serving server keeps open (the workspace's reader connections and
        // their caches); what the measured photos and the flood leave must be nothing more.
        let warmup = min(100, max(8, photos / 10))
        _ = try await sendPhotos(warmup, to: plain, first: 1_000_000)
        let start = Footprint(plain.server.processIdentifier)
        print("plain server at start (after \(warmup) photos to warm it up): \(start)")
        let (answers, afterPhotos) = try await sendPhotos(photos, to: plain)
        print("after \(photos) photos and frames (\(answers)): \(afterPhotos)")
        let flood = try await Self.flood(sockets, port: plain.port, tls: false, server: plain.server.processIdentifier)
        print("plain flood: \(flood.opened) connections made (those past 10 s without a header closed by the server), "
              + "height \(flood.height); after \(flood.after)")
        let plainRatio = Double(flood.after.residentKB) / Double(start.residentKB)
        print(String(format: "plain server's memory after the photos and the flood ÷ at start: %.2f×; descriptors %d → %d",
                     plainRatio, start.descriptors, flood.after.descriptors))
        BenchFigures.record("wear.memory", plainRatio, .lower, meaning: "the server's memory after photos and a flood ÷ at start")

        let secure = try await CheckinBenchmark.Fair(people: 200, tls: true)
        defer { secure.server.terminate() }
        let tlsStart = Footprint(secure.server.processIdentifier)
        let tlsFlood = try await Self.flood(sockets, port: secure.securePort ?? secure.port, tls: true,
                                            server: secure.server.processIdentifier)
        print("TLS server at start: \(tlsStart); TLS flood: \(tlsFlood.opened) connections made, height "
              + "\(tlsFlood.height); after \(tlsFlood.after)")
        print(String(format: "TLS server's memory after the flood ÷ at start: %.2f× (at the height: %.2f×); descriptors %d → %d",
                     Double(tlsFlood.after.residentKB) / Double(tlsStart.residentKB),
                     Double(tlsFlood.height.residentKB) / Double(tlsStart.residentKB),
                     tlsStart.descriptors, tlsFlood.after.descriptors))
        guard flood.after.descriptors <= start.descriptors + 20, tlsFlood.after.descriptors <= tlsStart.descriptors + 20 else {
            throw WorkflowError.internal("the server kept descriptors: \(start.descriptors) → \(flood.after.descriptors) (plain), "
                                         + "\(tlsStart.descriptors) → \(tlsFlood.after.descriptors) (TLS)")
        }
        try await plain.checkLedger()
    }

    /// A process's open descriptors and resident memory (Linux: its /proc entries).
    struct Footprint: CustomStringConvertible {
        let descriptors: Int
        let residentKB: Int

        init(_ pid: Int32) {
            descriptors = PhotoBenchmark.openDescriptors(of: pid)
            let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
            residentKB = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }

        var description: String {
            String(format: "%d descriptors, %.1f MB resident", descriptors, Double(residentKB) / 1024)
        }
    }

    /// Photos and frames from 8 phones at once, a third badges, a third blank, a third no image at all;
    /// the answers by status and the server's footprint a second after the last.
    static func sendPhotos(_ count: Int, to fair: CheckinBenchmark.Fair, first: Int = 0) async throws -> (String, Footprint) {
        let ids = try await DatabaseQueue(path: fair.db).write { db -> [String] in
            let scheme = try Registrations.badgeCode(db, for: "bench")
            return try Int64.fetchAll(db, sql: "SELECT id FROM person ORDER BY id LIMIT 50").map(scheme.encode)
        }
        let badges = try ids.map(pgm)
        let blank = Data("P5\n64 64\n255\n".utf8) + Data(repeating: 255, count: 64 * 64)
        let garbage = Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7_919) })
        let session = URLSession(configuration: .ephemeral)
        defer { session.invalidateAndCancel() }
        let next = Counter()
        let statuses = try await withThrowingTaskGroup(of: [Int: Int].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var seen: [Int: Int] = [:]
                    while let n = next.take(below: count) {
                        let route = n % 2 == 0 ? "api/checkin/photo" : "api/scan/frame"
                        let body = [badges[n % badges.count], blank, garbage][n % 3]
                        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(fair.port)/\(route)?gate=north&nonce=wear-\(first + n)")!)
                        request.httpMethod = "POST"
                        request.setValue("Bearer \(fair.token)", forHTTPHeaderField: "Authorization")
                        request.timeoutInterval = 60
                        let (_, response) = try await session.upload(for: request, from: body)
                        seen[(response as? HTTPURLResponse)?.statusCode ?? 0, default: 0] += 1
                    }
                    return seen
                }
            }
            return try await group.reduce(into: [Int: Int]()) { all, seen in all.merge(seen, uniquingKeysWith: +) }
        }
        guard Set(statuses.keys).isSubset(of: [200, 400, 503]), statuses[200, default: 0] > 0 else {
            throw WorkflowError.internal("photos were answered other than 200, 400 or 503: \(statuses)")
        }
        try await Task.sleep(for: .seconds(1))
        let answers = statuses.sorted { $0.key < $1.key }.map { "\($0.value)× \($0.key)" }.joined(separator: ", ")
        return (answers, Footprint(fair.server.processIdentifier))
    }

    /// `count` connections each sending half a header (after the TLS handshake, over TLS), held at once,
    /// then closed together; the footprint at the height and once the server has let them go (its
    /// descriptors back, and a few seconds for what it does when a flood passes).
    static func flood(_ count: Int, port: Int, tls: Bool, server: Int32) async throws
        -> (opened: Int, height: Footprint, after: Footprint) {
        raiseOpenFileLimit()
        let before = Footprint(server).descriptors
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        var client = TLSConfiguration.makeClientConfiguration()
        client.certificateVerification = .none
        let context = tls ? try NIOSSLContext(configuration: client) : nil
        var channels: [any Channel] = []
        var stopped = false
        while channels.count < count, !stopped {
            let batch = min(200, count - channels.count)
            let first = channels.count
            let opened = await withTaskGroup(of: (any Channel)?.self) { tasks in
                for offset in 0..<batch {
                    let n = first + offset
                    tasks.addTask { await halfRequest(port: port, from: n / 200, group: group, tls: context) }
                }
                return await tasks.reduce(into: [any Channel]()) { all, channel in if let channel { all.append(channel) } }
            }
            channels += opened
            stopped = opened.count < batch  // the server (or this process) is out of descriptors
        }
        let height = Footprint(server)
        for channel in channels { channel.close(promise: nil) }
        for _ in 0..<300 where Footprint(server).descriptors > before + 20 {
            try await Task.sleep(for: .milliseconds(100))
        }
        try await Task.sleep(for: .seconds(5))  // the server's check for a passed flood runs every 2 s
        try await group.shutdownGracefully()
        return (channels.count, height, Footprint(server))
    }

    /// One connection that sends half a header (after the handshake, over TLS) and holds on; nil when
    /// it could not be made.
    /// The `source`th client address is 127.0.x.y: a phone of its own, as 200 connections of a flood
    /// come from one address (the server caps each address's connections, which one address could not pass).
    static func halfRequest(port: Int, from source: Int, group: MultiThreadedEventLoopGroup,
                            tls context: NIOSSLContext?) async -> (any Channel)? {
        guard let address = try? SocketAddress(ipAddress: "127.0.\(1 + source / 250).\(1 + source % 250)", port: 0) else { return nil }
        let bootstrap = ClientBootstrap(group: group).bind(to: address).connectTimeout(.seconds(5)).channelInitializer { channel in
            if let context {
                do {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: nil))
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
            return channel.eventLoop.makeSucceededVoidFuture()
        }
        guard let channel = try? await bootstrap.connect(host: "127.0.0.1", port: port).get() else { return nil }
        let half = "POST /api/checkin HTTP/1.1\r\nHost: fair\r\nContent-Type: app"
        guard (try? await channel.writeAndFlush(ByteBuffer(string: half)).get()) != nil else {
            try? await channel.close()
            return nil
        }
        return channel
    }

    /// Lets this process hold as many connections as its hard limit allows.
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        guard getrlimit(resource, &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(resource, &limit)
    }

    /// A QR code as a PGM image zbar reads: 4 pixels a module, a quiet zone of four.
    static func pgm(_ text: String) throws -> Data {
        let code = try QRCode(text)
        let scale = 4
        let side = (code.size + 8) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for y in 0..<code.size {
            for x in 0..<code.size where code.isDark(x, y) {
                for dy in 0..<scale {
                    for dx in 0..<scale { pixels[((y + 4) * scale + dy) * side + (x + 4) * scale + dx] = 0 }
                }
            }
        }
        return Data("P5\n\(side) \(side)\n255\n".utf8) + Data(pixels)
    }

    /// The next photo's number, shared by the phones.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(below limit: Int) -> Int? {
            lock.withLock {
                guard value < limit else { return nil }
                defer { value += 1 }
                return value
            }
        }
    }
}
