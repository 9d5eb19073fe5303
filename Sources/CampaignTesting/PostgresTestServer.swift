import Foundation

/// A PostgreSQL server of a test's own, started by `scripts/postgres` in a folder under /tmp and
/// reached through a socket there only: tests run side by side, each with its servers, and a test
/// may crash one (`stop(immediate:)`), start it again, or fail over to a standby.
public final class PostgresTestServer: Sendable {
    /// The cluster's folder (data and socket).
    public let folder: String
    /// Its address, as `campaign publish --to` and `province tally --db` take it.
    public let address: String

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/postgres").path

    /// Whether Debian's PostgreSQL server is installed (`scripts/setup test` installs it).
    public static let available: Bool = {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.contains { FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb") }
    }()

    private init(folder: String, address: String) {
        self.folder = folder
        self.address = address
    }

    /// A new cluster in a new folder, started.
    public static func start() throws -> PostgresTestServer {
        let parent = try makeFolder()
        let folder = parent + "/primary"
        return PostgresTestServer(folder: folder, address: try run(["start", folder]))
    }

    /// `start()` for an async test: the script runs on a thread of its own, so the tests' shared
    /// threads are not held while the cluster is made (a second or more on a loaded machine).
    public static func started() async throws -> PostgresTestServer {
        try await Self.offThePool { try start() }
    }

    /// `standby()` off the tests' shared threads.
    public func startedStandby() async throws -> PostgresTestServer {
        try await Self.offThePool { try self.standby() }
    }

    /// Runs blocking work on a thread of its own and waits for it without holding a thread of the pool.
    public static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// Stops it: `immediate` as a crash would (no checkpoint; recovery replays the log on start).
    public func stop(immediate: Bool = false) throws {
        _ = try Self.run(["stop", folder] + (immediate ? ["immediate"] : []))
    }

    /// Starts it again after a stop.
    public func restart() throws {
        _ = try Self.run(["start", folder])
    }

    /// A synchronous streaming standby of this server, started.
    public func standby() throws -> PostgresTestServer {
        let folder = URL(fileURLWithPath: self.folder).deletingLastPathComponent().appendingPathComponent("standby").path
        return PostgresTestServer(folder: folder, address: try Self.run(["standby", self.folder, folder]))
    }

    /// Makes this standby the primary.
    public func promote() throws {
        _ = try Self.run(["promote", folder])
    }

    /// Stops it wherever it stands and removes its folder.
    public func remove() {
        _ = try? Self.run(["stop", folder, "immediate"])
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: folder).deletingLastPathComponent().path)
    }

    /// One query's rows through psql, unaligned (`a|b`), for a test to look into the database itself.
    public static func psql(_ address: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-X", "-q", "-tA", address, "-c", sql]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A short folder under /tmp: a socket's path must stay under 108 bytes.
    static func makeFolder() throws -> String {
        var template = Array("/tmp/campaign-pg.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        return String(cString: made)
    }

    struct ScriptFailed: Error, CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var output: String
        var description: String { "scripts/postgres \(arguments.joined(separator: " ")) exited \(status): \(output)" }
    }

    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ScriptFailed(arguments: arguments, status: process.terminationStatus,
                               output: String(decoding: output + errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
