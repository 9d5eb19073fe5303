import Foundation
import Workflow

/// Reads the QR code off a photo a phone took of a badge: a phone without a secure context has no
/// camera stream, but it can always send a photo (`<input type=file capture>`). Decoded by zbar
/// (Debian's `zbarimg`, which reads JPEG, PNG and HEIF-less phone photos through ImageMagick), QR codes only.
/// Every decode releases what it opened — the pipe, the child, the temporary file — on every path
/// (code, no code, refused, timed out), and decodes run through `PhotoQueue`, so photos never
/// starve the gates' typed and scanned check-ins.
enum PhotoDecoder {
    static let program = "/usr/bin/zbarimg"
    /// A 12-megapixel phone photo is 3 to 6 MB; anything past this is not a photo of a badge.
    static let largestPhoto = 16 << 20
    static let limit = Duration.seconds(20)

    enum Failure: Error {
        case noCode
        case unavailable
        /// Every decoder busy and the queue full: try again shortly (503 with Retry-After).
        case busy
    }

    /// The decodes the server runs at once and keeps waiting: one core is left to the gates.
    static let queue = PhotoQueue(running: max(1, ProcessInfo.processInfo.activeProcessorCount - 1), waiting: 8)

    /// The first QR code in the photo, decoded in its turn.
    static func code(in photo: Data) async throws -> String {
        guard FileManager.default.isExecutableFile(atPath: program) else { throw Failure.unavailable }
        return try await queue.run { try await decode(photo) }
    }

    /// One decode by zbarimg, nothing left open after it.
    static func decode(_ photo: Data) async throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-photo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("photo")
        try photo.write(to: file)
        let process = Process()
        // Below the server's own priority: on a 2-core laptop a photo must not hold up the gates'
        // typed and scanned check-ins (campaign-bench photo measures what it still costs them).
        let nice = "/usr/bin/nice"
        let arguments = ["-q", "--raw", "-Sdisable", "-Sqrcode.enable", file.path]
        if FileManager.default.isExecutableFile(atPath: nice) {
            process.executableURL = URL(fileURLWithPath: nice)
            process.arguments = ["-n", "10", program] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        }
        let output = Pipe()
        // Both ends closed whatever happens: Foundation keeps a Pipe's descriptors open until they are.
        defer {
            try? output.fileHandleForReading.close()
            try? output.fileHandleForWriting.close()
        }
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let done = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in continuation.yield(); continuation.finish() }
        }
        try process.run()
        // The parent's copy of the write end closed now, so the read sees the end when the child exits.
        try? output.fileHandleForWriting.close()
        let reading = Task.detached { output.fileHandleForReading.readDataToEndOfFile() }
        let watchdog = Task.detached {
            try? await Task.sleep(for: limit)
            if process.isRunning { process.terminate() }
        }
        for await _ in done {}
        watchdog.cancel()
        let text = String(decoding: await reading.value, as: UTF8.self)
        guard let first = text.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) })
            .first(where: { !$0.isEmpty }) else { throw Failure.noCode }
        return first
    }
}

/// A bounded pool for slow work: at most `running` at once and `waiting` in line; past that the
/// work is refused at once (`PhotoDecoder.Failure.busy`) instead of queueing without end, so a crowd
/// of phones in camera mode costs the gates one core at most and answers the rest "try again".
actor PhotoQueue {
    let running: Int
    let waiting: Int
    private var busy = 0
    private var line: [CheckedContinuation<Void, Never>] = []

    init(running: Int, waiting: Int) {
        self.running = running
        self.waiting = waiting
    }

    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        if busy >= running {
            guard line.count < waiting else { throw PhotoDecoder.Failure.busy }
            await withCheckedContinuation { line.append($0) }
        } else {
            busy += 1
        }
        defer {
            if line.isEmpty { busy -= 1 } else { line.removeFirst().resume() }   // the slot passes to the next in line
        }
        return try await work()
    }

    /// How many run and wait now (for the server's health and the tests).
    var load: (running: Int, waiting: Int) { (busy, line.count) }
}
