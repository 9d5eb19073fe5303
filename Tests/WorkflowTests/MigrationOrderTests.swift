import Foundation
import GRDB
import Testing
import Workflow
import WorkflowTesting

/// Migrations run in the order plugins declare (each after the plugins whose tables it builds on),
/// never in the order the plugin list happens to be written.
@Suite struct MigrationOrderTests {
    static func plugin(_ name: String, needs dependencies: [String] = [], creates table: String? = nil,
                       referencing parent: String? = nil) -> Plugin {
        let migrations = table.map { table in
            [Migration("\(name)-v1") { db in
                let reference = parent.map { ", parent_id INTEGER REFERENCES \($0)(id)" } ?? ""
                try db.execute(sql: "CREATE TABLE \(table) (id INTEGER PRIMARY KEY\(reference))")
                if let parent { try db.execute(sql: "CREATE INDEX \(table)_parent ON \(parent)(id)") }
            }]
        } ?? []
        return Plugin(name: name, summary: "", actions: [], migrations: migrations, dependencies: dependencies)
    }

    @Test func aPluginListedBeforeTheOneItNeedsStillMigratesAfterIt() throws {
        // "visits" builds an index on "people"'s table, yet is listed first.
        let registry = PluginRegistry([Self.plugin("visits", needs: ["people"], creates: "visit", referencing: "person"),
                                       Self.plugin("people", creates: "person")])
        #expect(try registry.migrationOrder().map(\.name) == ["people", "visits"])
        let directory = try TemporaryDirectory()
        let workspace = try Workspace(path: directory.databasePath, registry: registry)
        let applied = try workspace.pool.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        #expect(applied.filter { !$0.hasPrefix("engine-") } == ["people-v1", "visits-v1"])
    }

    @Test func independentPluginsMigrateInNameOrderWhateverTheListOrder() throws {
        let names = ["tally", "core", "outcomes", "ledger", "checkin"]
        let forward = PluginRegistry(names.map { Self.plugin($0) })
        let backward = PluginRegistry(names.reversed().map { Self.plugin($0) })
        #expect(try forward.migrationOrder().map(\.name) == ["checkin", "core", "ledger", "outcomes", "tally"])
        #expect(try backward.migrationOrder().map(\.name) == ["checkin", "core", "ledger", "outcomes", "tally"])
    }

    @Test func aDependencyThatIsNotCompiledInIsReportedByName() throws {
        let registry = PluginRegistry([Self.plugin("checkin", needs: ["ledger"])])
        let error = #expect(throws: WorkflowError.self) { try registry.migrationOrder() }
        #expect(error?.code == .internal)
        #expect(error?.message == "plugin 'checkin' depends on 'ledger', which is not compiled in")
        let directory = try TemporaryDirectory()
        let opening = #expect(throws: WorkflowError.self) {
            try Workspace(path: directory.databasePath, registry: registry)
        }
        #expect(opening?.code == .internal)
    }

    @Test func aCycleIsReportedWithThePluginsInIt() throws {
        let registry = PluginRegistry([Self.plugin("a", needs: ["b"]), Self.plugin("b", needs: ["a"]), Self.plugin("c")])
        let error = #expect(throws: WorkflowError.self) { try registry.migrationOrder() }
        #expect(error?.code == .internal)
        #expect(error?.message == "the plugins' dependencies form a cycle: a → b; b → a")
    }
}
