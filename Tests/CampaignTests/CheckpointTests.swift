import BuiltinPlugins
import Foundation
import GRDB
import Testing
import Workflow
import WorkflowTesting
@testable import CampaignServer

/// `campaign serve` moves WAL checkpoints off the check-in path: its writer no longer checkpoints,
/// and a separate connection does, so the log stops growing without a scan ever waiting for it.
@Suite struct CheckpointTests {
    /// Writes `count` small transactions, each appending a frame or two to the WAL.
    func write(_ count: Int, _ workspace: Workspace) async throws {
        for i in 0..<count {
            try await workspace.pool.write { db in
                try db.execute(sql: "INSERT INTO bench_rows (value) VALUES (?)", arguments: [i])
            }
        }
    }

    func walFrames(_ workspace: Workspace) throws -> Int {
        let size = try FileManager.default.attributesOfItem(atPath: workspace.path + "-wal")[.size] as? Int ?? 0
        return size / 4096
    }

    func workspace(_ dir: TemporaryDirectory) async throws -> Workspace {
        let workspace = try Workspace(path: dir.databasePath, registry: BuiltinPlugins.registry)
        try await workspace.pool.write { db in try db.execute(sql: "CREATE TABLE bench_rows (value INTEGER)") }
        try await BackgroundCheckpointer.disableAutomaticCheckpoints(workspace)
        return workspace
    }

    @Test func withoutTheCheckpointerTheWriterNoLongerCheckpoints() async throws {
        let dir = try TemporaryDirectory()
        let workspace = try await workspace(dir)
        try await write(3000, workspace)
        // SQLite would have checkpointed at 1,000 pages; the log now holds every frame written.
        #expect(try walFrames(workspace) >= 3000)
    }

    @Test(.timeLimit(.minutes(5))) func theBackgroundCheckpointerKeepsTheLogShort() async throws {
        let dir = try TemporaryDirectory()
        let workspace = try await workspace(dir)
        let checkpointer = try BackgroundCheckpointer(workspace: workspace, interval: .milliseconds(10))
        let task = Task { await checkpointer.run() }
        defer { task.cancel() }
        try await write(1500, workspace)
        await checkpointer.caughtUp()                    // a checkpoint has copied everything back
        try await write(1500, workspace)                 // so the writer starts the log over
        #expect(try walFrames(workspace) < 2500)
        let rows = try await workspace.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM bench_rows") }
        #expect(rows == 3000)
    }
}
