import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Ledger
import Registration
import Testing
import Workflow
import WorkflowTesting

/// A first, city-wide load of people writes through a rollback journal when the workspace is
/// not shared, and through the WAL as usual when it is; either way the ledger ends the same and
/// the workspace is left in WAL mode.
@Suite struct BulkLoadTests {
    static let rows = 110_000  // about 9.4 MB: above the 8 MiB a bulk load starts at

    static func ledgerFile(in dir: TemporaryDirectory) throws -> URL {
        let url = dir.url.appendingPathComponent("city.csv")
        var generator = LedgerGenerator(seed: 5)
        try generator.writePeopleCSV(to: url, count: rows)
        return url
    }

    static func journalMode(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }

    @Test func anUnsharedWorkspaceLoadsThroughARollbackJournalAndReturnsToWAL() async throws {
        let dir = try TemporaryDirectory()
        let file = try Self.ledgerFile(in: dir)
        let workspace = try Workspace(path: dir.databasePath, registry: BuiltinPlugins.registry)
        try await workspace.pool.write { db in
            try db.execute(sql: """
                INSERT INTO workflow_run (campaign, kind, definition_path, definition_text, vars_json, status, created_at, updated_at)
                VALUES ('city', 'job-fair', '', '', '{}', 'waiting', ?, ?)
                """, arguments: [Date(), Date()])
        }
        let options = ImportOptions(campaign: "city", source: "city.csv", now: Date())
        let summary = try await ImportKind.people.importFile(file, options: options, pool: workspace.pool)
        #expect(summary.bulkLoad)
        #expect((summary.inserted, summary.rejected, summary.linked) == (Self.rows, 0, Self.rows))
        let (mode, people, integrity, orphans) = try await workspace.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "SELECT count(*) FROM person"),
             try String.fetchOne(db, sql: "PRAGMA integrity_check"), try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count)
        }
        #expect(mode == "wal")
        #expect(people == Self.rows)
        #expect(integrity == "ok")
        // Foreign keys were not checked row by row during the load: every registration still names
        // a person, and the writer checks them again afterwards.
        #expect(orphans == 0)
        let checksForeignKeys = try await workspace.pool.write { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(checksForeignKeys == true)
        #expect(!FileManager.default.fileExists(atPath: dir.databasePath + "-journal"))

        // A second load is no first load: the ledger is not empty, the log is used as usual.
        let again = try await ImportKind.people.importFile(file, options: options, pool: workspace.pool)
        #expect(!again.bulkLoad)
        #expect(again.unchanged == Self.rows)
    }

    @Test func aSharedWorkspaceLoadsThroughTheLogAsUsual() async throws {
        let dir = try TemporaryDirectory()
        let file = try Self.ledgerFile(in: dir)
        let workspace = try Workspace(path: dir.databasePath, registry: BuiltinPlugins.registry)
        // Another process's connection, as a running `campaign serve` would hold.
        let other = try DatabasePool(path: dir.databasePath)
        _ = try await other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM person") }
        let options = ImportOptions(source: "city.csv", now: Date())
        let summary = try await ImportKind.people.importFile(file, options: options, pool: workspace.pool)
        #expect(!summary.bulkLoad)
        #expect(summary.inserted == Self.rows)
        #expect(try await other.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM person") } == Self.rows)
        #expect(try Self.journalMode(dir.databasePath) == "wal")
    }
}
