import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow
import WorkflowTesting

/// `campaign-bench shred [--rows N]`: shredding an ended campaign of N generated people (the
/// transaction that pseudonymises them, then the file rewritten), beside a plain VACUUM of the same
/// workspace in the same run — the floor: a shred must rewrite the file at least once.
enum ShredBenchmark {
    static func run(rows: Int) async throws {
        let dir = try TemporaryDirectory()
        print("shred benchmark — an ended campaign of \(rows.formatted()) people")
        let workspace = try await BenchSupport.ledgerWorkspace(rows: rows, seed: 11, in: dir)
        let engine = Engine(registry: BenchSupport.registry, workspace: workspace, clock: SystemClock(),
                            options: EngineOptions(waitHorizon: .zero))
        _ = try await engine.cancel(campaign: "bench", by: "bench", reason: "ended")
        try await workspace.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }

        var start = Date()
        try await workspace.pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
        let floor = Date().timeIntervalSince(start)

        start = Date()
        let plan = try await workspace.pool.write { db in
            try Shredding.shred(db, campaign: "bench", actor: "bench", reason: "manual", plugins: BuiltinPlugins.all, now: Date())
        }
        let transaction = Date().timeIntervalSince(start)
        start = Date()
        let emptied = try Shredding.compact(workspace)
        let compaction = Date().timeIntervalSince(start)
        let left = try await workspace.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE id_number NOT LIKE '已销毁-%'") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM registration WHERE campaign = 'bench'") ?? -1)
        }
        guard plan.people == rows, left.0 == 0, left.1 == rows, emptied else {
            throw WorkflowError.internal("shredded \(plan.people) of \(rows); \(left.0) left unshredded, \(left.1) registrations")
        }
        let total = transaction + compaction
        print(String(format: "plain VACUUM %.2f s; shred %.2f s (pseudonymise %.2f s + rewrite the file %.2f s), %.1f× the VACUUM",
                     floor, total, transaction, compaction, total / max(floor, 1e-9)))
        BenchFigures.record("shred", total / max(floor, 1e-9), .lower, meaning: "shredding an ended campaign ÷ a plain VACUUM")
    }
}
