import BuiltinPlugins
import Foundation
import GRDB
import Testing
import Workflow
import WorkflowTesting

@Suite struct LedgerMigrationTests {
    /// A workspace whose schema stopped before the named migrations: they run when it is opened.
    static func olderWorkspace(without skipped: Set<String>, at path: String, rows: String) async throws {
        let older = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        for migration in BuiltinPlugins.engines.flatMap(\.migrations) where !skipped.contains(migration.name) {
            migrator.registerMigration(migration.name, migrate: migration.apply)
        }
        try migrator.migrate(older)
        try await older.write { db in try db.execute(sql: rows) }
    }

    /// A workspace made before the ID number's uniqueness moved to a named index keeps every
    /// person, registration and index, and still refuses a second person with the same number.
    @Test func anOlderWorkspaceKeepsItsPeopleWhenTheUniqueIndexMoves() async throws {
        let dir = try TemporaryDirectory()
        try await Self.olderWorkspace(without: ["ledger-v2-id-number-index", "ledger-v3-compact-rows"],
                                      at: dir.databasePath, rows: """
            INSERT INTO person (id, id_number, name, phone, gender, birth_date, source, created_at, updated_at)
            VALUES (7, '11010519491231002X', '张伟', '13800138000', 'F', '1949-12-31', 'old', '2026-01-01', '2026-01-01');
            INSERT INTO registration (campaign, person_id, channel, registered_at) VALUES ('fair', 7, 'import', '2026-01-01');
            """)
        let workspace = try Workspace(path: dir.databasePath, registry: BuiltinPlugins.registry)
        try await workspace.pool.write { db in
            #expect(try String.fetchOne(db, sql: "SELECT name FROM person WHERE id = 7") == "张伟")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM registration WHERE person_id = 7") == 1)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person'")
            #expect(Set(indexes) == ["person_id_number", "person_phone"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let duplicate = #expect(throws: DatabaseError.self) {
                try db.execute(sql: """
                    INSERT INTO person (id_number, name, source_id, created_at, updated_at)
                    VALUES ('11010519491231002X', '李四', 1, 0, 0)
                    """)
            }
            #expect(duplicate?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE)
        }
    }

    /// Compacting the rows keeps every value that is not derived from the ID number: source names
    /// move to `ledger_source` and text times become Unix seconds.
    @Test func compactingRowsKeepsSourcesTimesAndDerivedColumns() async throws {
        let dir = try TemporaryDirectory()
        try await Self.olderWorkspace(without: ["ledger-v3-compact-rows"], at: dir.databasePath, rows: """
            INSERT INTO person (id, id_number, name, phone, gender, birth_date, township, village, groups, source,
                                created_at, updated_at)
            VALUES (7, '11010519491231002X', '张伟', '13800138000', '女', '1949-12-31', '城关镇', '南关村', 1,
                    '台账-城关镇.xlsx', '2026-01-01 08:30:00.000', '2026-02-01 00:00:00.000'),
                   (8, '522426199001010017', '李娜', NULL, '男', '1990-01-01', '', '', 0, 'walk-in',
                    '2026-03-01 09:00:00.000', '2026-03-01 09:00:00.000');
            INSERT INTO registration (campaign, person_id, channel, registered_at)
            VALUES ('fair', 7, 'import', '2026-01-01 08:30:00.000'), ('fair', 8, 'walk-in', '2026-03-01 09:00:00.000');
            """)
        let workspace = try Workspace(path: dir.databasePath, registry: BuiltinPlugins.registry)
        try await workspace.pool.read { db in
            let people = try Row.fetchAll(db, sql: """
                SELECT p.id, p.id_number, p.name, p.phone, p.village, p.groups, s.name AS source, p.created_at,
                       p.updated_at
                FROM person p JOIN ledger_source s ON s.id = p.source_id ORDER BY p.id
                """)
            #expect(people.count == 2)
            #expect(people[0]["source"] as String == "台账-城关镇.xlsx")
            #expect(people[0]["created_at"] as Int64 == 1_767_256_200)  // 2026-01-01 08:30 UTC
            #expect(people[0]["updated_at"] as Int64 == 1_769_904_000)  // 2026-02-01 00:00 UTC
            #expect(people[0]["id_number"] as String == "11010519491231002X")
            #expect((people[0]["village"] as String, people[0]["groups"] as Int) == ("南关村", 1))
            #expect(people[1]["source"] as String == "walk-in")
            #expect(people[1]["phone"] as String? == nil)
            let registered = try Int64.fetchAll(db, sql: "SELECT registered_at FROM registration ORDER BY person_id")
            #expect(registered == [1_767_256_200, 1_772_355_600])
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person'")
            #expect(Set(indexes) == ["person_id_number", "person_phone"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }
}
