import Foundation
import Workflow

/// Reads the QR code off a photo a phone took of a badge: a phone without a secure context has no
/// camera stream, but it can always send a photo (`<input type=file capture>`). Decoded by zbar
/// (Debian's `zbarimg`, which reads JPEG, PNG and HEIF-less phone photos through ImageMagick), QR codes only.
enum PhotoDecoder {
    static let program = "/usr/bin/zbarimg"
    /// A 12-megapixel phone photo is 3 to 6 MB; anything past this is not a photo of a badge.
    static let largestPhoto = 16 << 20
    static let limit = Duration.seconds(20)

    enum Failure: Error {
        case noCode
        case unavailable
    }

    /// The first QR code in the photo.
    static func code(in photo: Data) async throws -> String {
        guard FileManager.default.isExecutableFile(atPath: program) else { throw Failure.unavailable }
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
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let done = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in continuation.yield(); continuation.finish() }
        }
        try process.run()
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
