import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Ledger
import Testing
import WorkflowTesting

/// A day of photos leaves nothing behind (#33): `campaign serve` answers photos and camera frames —
/// badges, blank frames, bytes that are no image — and afterwards holds the descriptors it held
/// before (no pipe, no child) and no temporary file of any of them.
@Suite struct PhotoWearTests {
    /// A QR code as a PGM image zbar reads (through ImageMagick): `scale` pixels a module, a quiet zone of four.
    static func pgm(_ text: String, scale: Int = 4) throws -> Data {
        let code = try QRCode(text)
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

    static func openDescriptors(_ pid: Int32) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
    }

    @Test(.enabled(if: BadgeTests.zbarimg, "needs zbar-tools (scripts/test installs it)"), .timeLimit(.minutes(5)))
    func photosAndFramesLeaveNoDescriptorOrFileBehind() throws {
        let dir = try TemporaryDirectory()
        let (cli, env, staff, _) = try ServerTests.fairDayWithStaff(dir)
        let scratch = dir.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let server = try ServerTests.Server(cli, campaign: "spring-fair-2026", env: env.merging(["TMPDIR": scratch.path]) { $1 })
        let (data, _) = try ServerTests.Server.get(URL(string: server.base.absoluteString + "/api/lookup?q=0001")!, token: staff)
        let found = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        let code = try #require(found.first?["code"] as? String)
        let badge = try Self.pgm(code)
        let blank = Data("P5\n64 64\n255\n".utf8) + Data(repeating: 255, count: 64 * 64)
        let garbage = Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7_919) })
        let base = server.base.absoluteString
        @Sendable func send(_ body: Data, _ route: String, _ n: Int) -> Int {
            var request = URLRequest(url: URL(string: "\(base)/\(route)?gate=north&nonce=wear-\(n)")!)
            request.httpMethod = "POST"
            request.setValue("Bearer \(staff)", forHTTPHeaderField: "Authorization")
            request.httpBody = body
            return (try? ServerTests.Server.send(request).1) ?? 0
        }
        // A first round opens what a serving server keeps open (the workspace's reader connections, the
        // test's kept-alive sockets); what the next 180 leave must be nothing more.
        DispatchQueue.concurrentPerform(iterations: 20) { n in _ = send([badge, blank, garbage][n % 3], "api/scan/frame", 1_000 + n) }
        let before = Self.openDescriptors(server.process.processIdentifier)
        #expect(before > 0)
        let statuses = Locked<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 180) { n in
            let (body, route) = [(badge, "api/checkin/photo"), (blank, "api/scan/frame"), (garbage, "api/checkin/photo"),
                                 (badge, "api/scan/frame")][n % 4]
            let status = send(body, route, n)
            statuses.mutate { $0.append(status) }
        }
        // Good photos are answered, bad ones refused in words, a crowd told to come back — nothing else.
        #expect(statuses.value.allSatisfy { [200, 400, 503].contains($0) }, "\(Set(statuses.value))")
        #expect(statuses.value.filter { $0 == 200 }.count >= 90)
        Thread.sleep(forTimeInterval: 1)
        let after = Self.openDescriptors(server.process.processIdentifier)
        // A leak would add one a photo (180); a busy server may open a reader connection or a socket more.
        #expect(after <= before + 10, "descriptors: \(before) before, \(after) after 180 photos and frames")
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix("campaign-photo-") }
        #expect(left.isEmpty, "\(left)")
        #expect(try cli.run("checkins", "--campaign", "spring-fair-2026").stdout.contains("共 1 人签到"))
    }
}

/// A value shared by the threads of a test.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
