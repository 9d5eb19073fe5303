import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Ledger
import Workflow
import WorkflowTesting

/// What the benchmarks share: the built-in plugins, and a started campaign to import into.
enum BenchSupport {
    static let registry = BuiltinPlugins.registry

    /// A workspace in `dir` holding `rows` generated people, all registered to the started campaign
    /// `bench`, checkpointed: what the backup and shred benchmarks measure on.
    static func ledgerWorkspace(rows: Int, seed: UInt64, in dir: TemporaryDirectory) async throws -> Workspace {
        var generator = LedgerGenerator(seed: seed)
        let csv = dir.url.appendingPathComponent("people.csv")
        try generator.writePeopleCSV(to: csv, count: rows)
        let workspace = try Workspace(path: dir.databasePath, registry: registry)
        try await startCampaign("bench", in: workspace)
        _ = try await ImportKind.people.importFile(csv, options: ImportOptions(campaign: "bench", source: "people.csv", now: Date()),
                                                   pool: workspace.pool)
        try await workspace.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        return workspace
    }

    /// The floor of an import: the sqlite3 shell's `.import` of the same CSV into a plain table (no
    /// validation, no index) in a database of its own, timed as a process; it must bring `rows` rows.
    static func sqliteImport(_ csv: URL, into database: String, rows: Int) throws -> Double {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [database, ".mode csv", ".import \(csv.path) sheet", "SELECT count(*) FROM sheet"]
        let out = Pipe()
        shell.standardOutput = out
        let start = Date()
        try shell.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        // `.import` takes the first line as the header, so the table holds the rows after it.
        guard shell.terminationStatus == 0, Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) == rows else {
            throw WorkflowError.internal("the sqlite3 shell imported \(text.trimmingCharacters(in: .whitespacesAndNewlines)) of \(rows) rows")
        }
        return seconds
    }

    /// Starts a campaign named `name` that waits for a signal, so imports can register people to it.
    static func startCampaign(_ name: String, in workspace: Workspace) async throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("\(name).yaml", "name: \(name)\nsteps:\n  - id: wait\n    uses: core.wait\n    with: { signal: true }\n")
        let engine = Engine(registry: registry, workspace: workspace, clock: SystemClock(),
                            options: EngineOptions(waitHorizon: .zero))
        _ = try await engine.start(try Validator(registry: registry).validate(path: path))
    }
}
