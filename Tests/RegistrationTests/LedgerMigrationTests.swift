import Foundation
import GRDB
import Plugins
import Testing
import Workflow
import WorkflowTesting

@Suite struct LedgerMigrationTests {
    /// A workspace made before the ID number's uniqueness moved to a named index keeps every
    /// person, registration and index, and still refuses a second person with the same number.
    @Test func anOlderWorkspaceKeepsItsPeopleWhenTheUniqueIndexMoves() async throws {
        let dir = try TemporaryDirectory()
        do {
            let older = try DatabaseQueue(path: dir.databasePath)
            var migrator = DatabaseMigrator()
            for migration in BuiltinPlugins.all.flatMap(\.migrations) where migration.name != "ledger-v2-id-number-index" {
                migrator.registerMigration(migration.name, migrate: migration.apply)
            }
            try migrator.migrate(older)
            try await older.write { db in
                try db.execute(sql: """
                    INSERT INTO person (id, id_number, name, phone, gender, birth_date, source, created_at, updated_at)
                    VALUES (7, '11010519491231002X', '张伟', '13800138000', 'F', '1949-12-31', 'old', '2026-01-01', '2026-01-01');
                    INSERT INTO registration (campaign, person_id, channel, registered_at) VALUES ('fair', 7, 'import', '2026-01-01');
                    """)
            }
        }
        let workspace = try Workspace(path: dir.databasePath, registry: BuiltinPlugins.registry)
        try await workspace.pool.write { db in
            #expect(try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = 7") == "张伟")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM registration WHERE person_id = 7") == 1)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person'")
            #expect(Set(indexes) == ["person_id_number", "person_phone"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let duplicate = #expect(throws: DatabaseError.self) {
                try db.execute(sql: """
                    INSERT INTO person (id_number, name, gender, birth_date, source, created_at, updated_at)
                    VALUES ('11010519491231002X', '李四', 'M', '1949-12-31', 'test', '2026-01-01', '2026-01-01')
                    """)
            }
            #expect(duplicate?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
        }
    }
}
