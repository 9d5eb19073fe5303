import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Workflow
import WorkflowTesting

/// `campaign-bench photo [--photos N] [--seconds S] [--dpi D] [--phones P]`: a phone photo of a badge
/// sheet — the badges page printed by Chromium to A4 and rasterised by pdftoppm to a JPEG of about
/// 12 megapixels at the default 360 dpi — sent to `POST /api/checkin/photo` `N` times one after
/// another: the round trip's median and p99, beside the floor (zbarimg reading the same file,
/// without the server). Then the JSON check-in API under wrk for `S` seconds, alone and while `P`
/// phones (16 by default) keep sending photos (A/B in the same run): what photos cost the other gates
/// on 2 cores, with the photos answered "busy, try again" (503) counted; and the server's open
/// descriptors before and after, which must come back where they were.
enum PhotoBenchmark {
    static func run(photos: Int, seconds: Int, dpi: Int, phones: Int = 16) async throws {
        for (tool, package) in [("/usr/bin/zbarimg", "zbar-tools"), ("/usr/bin/pdftoppm", "poppler-utils")]
            where !FileManager.default.isExecutableFile(atPath: tool) {
            throw WorkflowError.unavailable("needs \(tool) (apt-get install \(package))")
        }
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw WorkflowError.unavailable("needs chromium (apt-get install chromium)")
        }
        let fair = try await CheckinBenchmark.Fair(people: 200)
        defer { fair.server.terminate() }
        let badges = fair.dir.url.appendingPathComponent("badges.html").path
        _ = try CheckinBenchmark.Fair.cli(fair.campaign, ["badges", "--campaign", "bench", "--out", badges], db: fair.db)
        let pdf = fair.dir.url.appendingPathComponent("badges.pdf").path
        try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                           "--user-data-dir=\(fair.dir.url.path)/chromium", "--print-to-pdf=\(pdf)", "file://\(badges)"])
        let stem = fair.dir.url.appendingPathComponent("photo").path
        try run("/usr/bin/pdftoppm", ["-jpeg", "-r", "\(dpi)", "-f", "1", "-l", "1", "-singlefile", pdf, stem])
        let photo = try Data(contentsOf: URL(fileURLWithPath: stem + ".jpg"))
        let pixels = try dimensions(stem + ".jpg")
        print("photo benchmark — campaign serve on \(ProcessInfo.processInfo.activeProcessorCount) cores; a \(pixels.0)×\(pixels.1) "
              + String(format: "(%.1f MP) JPEG of %.1f MB, ", Double(pixels.0 * pixels.1) / 1e6, Double(photo.count) / 1e6)
              + "\(photos) photos one after another")

        var floor: [Double] = []
        for _ in 0..<photos {
            let started = ContinuousClock.now
            try run("/usr/bin/zbarimg", ["-q", "--raw", "-Sdisable", "-Sqrcode.enable", stem + ".jpg"])
            floor.append(inSeconds(ContinuousClock.now - started))
        }
        var trips: [Double] = []
        for n in 0..<photos {
            let started = ContinuousClock.now
            let (data, status) = try await post(photo, to: fair, nonce: "photo-\(n)")
            trips.append(inSeconds(ContinuousClock.now - started))
            guard status == 200, let answer = String(data: data, encoding: .utf8),
                  answer.contains("\"accepted\"") || answer.contains("\"repeat\"") else {
                throw WorkflowError.internal("photo \(n): \(status) \(String(decoding: data, as: UTF8.self))")
            }
        }
        print(String(format: "zbarimg alone (the floor): median %.0f ms, p99 %.0f ms", percentile(floor, 50) * 1000,
                     percentile(floor, 99) * 1000))
        print(String(format: "POST /api/checkin/photo round trip: median %.0f ms, p99 %.0f ms (%.2f× the floor's median)",
                     percentile(trips, 50) * 1000, percentile(trips, 99) * 1000, percentile(trips, 50) / percentile(floor, 50)))
        BenchFigures.record("photo", percentile(trips, 50) / percentile(floor, 50), .lower,
                            meaning: "a photo check-in's round trip ÷ zbarimg alone (medians)")

        // A first second of photos from every phone opens what a busy server keeps open (the workspace's
        // reader connections, the phones' sockets); what the measured run leaves must be nothing more.
        let warmup = URLSession(configuration: .ephemeral)
        let warming = (0..<phones).map { phone in
            Task { _ = try? await post(photo, to: fair, nonce: "warm-\(phone)", session: warmup) }
        }
        for task in warming { await task.value }
        warmup.invalidateAndCancel()
        try await Task.sleep(for: .seconds(1))
        let descriptorsBefore = openDescriptors(of: fair.server.processIdentifier)
        let alone = try fair.wrk(seconds: seconds, script: fair.script)
        // The phones' own connections, closed when they stop, so the server's count after is its own.
        let phonesSession = URLSession(configuration: .ephemeral)
        // Told to stop rather than cancelled: cancelling a task inside URLSession's async upload deadlocked
        // FoundationNetworking on Linux (its cancel waits on a queue whose completion waits on the task).
        let stop = StopSignal()
        let senders = (0..<phones).map { phone in
            Task {
                var (sent, busy) = (0, 0)
                while !stop.isSet {
                    if let (_, status) = try? await post(photo, to: fair, nonce: "load-\(phone)-\(sent)", session: phonesSession) {
                        sent += 1
                        if status == 503 { busy += 1 }
                    }
                }
                return (sent, busy)
            }
        }
        let meanwhile = try fair.wrk(seconds: seconds, script: fair.script)
        stop.set()
        var (sent, busy) = (0, 0)
        for sender in senders {
            let (s, b) = await sender.value
            sent += s
            busy += b
        }
        phonesSession.invalidateAndCancel()
        // Decodes still running finish, connections close; then the server holds what it held before.
        try await Task.sleep(for: .seconds(3))
        let descriptorsAfter = openDescriptors(of: fair.server.processIdentifier)
        print("POST /api/checkin alone: \(alone.rate); p50 \(alone.p50), p99 \(alone.p99)")
        print("POST /api/checkin while \(phones) phones send photos (\(sent) photos in \(seconds) s, \(busy) answered busy (503)): "
              + "\(meanwhile.rate); p50 \(meanwhile.p50), p99 \(meanwhile.p99)")
        print(String(format: "check-ins per second while photos arrive ÷ alone: %.2f×", meanwhile.requests / max(alone.requests, 1)))
        BenchFigures.record("photo.checkins", meanwhile.requests / max(alone.requests, 1), .higher,
                            meaning: "check-ins a second while phones send photos ÷ alone")
        print("server's open descriptors: \(descriptorsBefore) before the photos, \(descriptorsAfter) after")
        try await fair.checkLedger()
    }

    /// A flag the phones' loops read between photos.
    final class StopSignal: Sendable {
        private let flag = Mutex(false)
        var isSet: Bool { flag.withLock { $0 } }
        func set() { flag.withLock { $0 = true } }
    }

    /// How many descriptors a process holds (Linux: its /proc entry), -1 where that cannot be read.
    static func openDescriptors(of pid: Int32) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
    }

    static func post(_ photo: Data, to fair: CheckinBenchmark.Fair, nonce: String,
                     session: URLSession = .shared) async throws -> (Data, Int) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(fair.port)/api/checkin/photo?gate=north&nonce=\(nonce)")!)
        request.httpMethod = "POST"
        request.setValue("image/jpeg", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(fair.token)", forHTTPHeaderField: "Authorization")
        request.timeoutInterval = 60
        let (data, response) = try await session.upload(for: request, from: photo)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw WorkflowError.internal("\(program) exited with \(process.terminationStatus)")
        }
    }

    /// Width and height from the JPEG's start-of-frame marker.
    static func dimensions(_ path: String) throws -> (Int, Int) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var i = 2
        while i + 9 < bytes.count {
            guard bytes[i] == 0xFF else { i += 1; continue }
            let marker = bytes[i + 1]
            let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            if (0xC0...0xC3).contains(marker) {
                return (Int(bytes[i + 7]) << 8 | Int(bytes[i + 8]), Int(bytes[i + 5]) << 8 | Int(bytes[i + 6]))
            }
            i += 2 + length
        }
        return (0, 0)
    }

    static func inSeconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1   // nearest rank
        return sorted[min(sorted.count - 1, max(0, rank))]
    }
}
