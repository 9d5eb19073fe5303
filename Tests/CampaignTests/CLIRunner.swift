import Foundation
import WorkflowTesting

/// Runs the real `campaign` binary, as a user would, and captures what it prints.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary next to the test bundle (`swift test` builds it), or $CAMPAIGN_BIN.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["CAMPAIGN_BIN"] { return URL(fileURLWithPath: path) }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var dir = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("campaign")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/campaign")
    }()

    let directory: TemporaryDirectory
    var environment: [String: String] = [:]

    var database: String { directory.databasePath }

    func process(_ arguments: [String], extraEnvironment: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["CAMPAIGN_DB"] = database
        env["NO_COLOR"] = "1"
        for (k, v) in environment.merging(extraEnvironment, uniquingKeysWith: { _, new in new }) { env[k] = v }
        process.environment = env
        return process
    }

    @discardableResult
    func run(_ arguments: String..., env: [String: String] = [:]) throws -> Result {
        try run(arguments: arguments, env: env)
    }

    @discardableResult
    func run(arguments: [String], env: [String: String] = [:]) throws -> Result {
        try Self.capture(process(arguments, extraEnvironment: env))
    }

    /// Runs a prepared process to its end and returns what it printed.
    static func capture(_ process: Process) throws -> Result {
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
