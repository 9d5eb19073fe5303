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

    /// Starts a campaign named `name` that waits for a signal, so imports can register people to it.
    static func startCampaign(_ name: String, in workspace: Workspace) async throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("\(name).yaml", "name: \(name)\nsteps:\n  - id: wait\n    uses: core.wait\n    with: { signal: true }\n")
        let engine = Engine(registry: registry, workspace: workspace, clock: SystemClock(),
                            options: EngineOptions(waitHorizon: .zero))
        _ = try await engine.start(try Validator(registry: registry).validate(path: path))
    }
}
