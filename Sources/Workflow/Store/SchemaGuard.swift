import Foundation
import GRDB

/// Holds a workspace's schema to what the migrations define, so a restored backup cannot lower the
/// guard: a trigger dropped (the audit log's append-only rule), one added (that empties the audit log),
/// an index changed — each is put back as the migrations make it. A table no migration makes, or one
/// missing, is not a workspace of this program: refused. The reference is a fresh workspace of the
/// same plugins, made beside it and removed.
enum SchemaGuard {
    /// One schema object: its kind, name and SQL (whitespace folded, so formatting never differs).
    struct Object: Hashable {
        var type: String
        var name: String
        var sql: String
    }

    /// What was put right, worded for the audit log: `dropped trigger x`, `re-created trigger y`.
    static func repair(_ path: String, registry: PluginRegistry) throws -> [String] {
        let expected = try reference(beside: path, registry: registry)
        let workspace = try Workspace(path: path, registry: registry)   // brings an older backup's schema up to date
        defer { try? workspace.pool.close() }
        let repairs = try workspace.pool.writeWithoutTransaction { db -> [String] in
            let actual = try objects(db)
            let tables = { (objects: Set<Object>) in Set(objects.filter { $0.type == "table" }.map(\.name)) }
            let foreign = tables(actual).subtracting(tables(expected)).sorted()
            let missing = tables(expected).subtracting(tables(actual)).sorted()
            guard foreign.isEmpty && missing.isEmpty else {
                throw WorkflowError.invalidInput(WorkspaceMessages.foreignSchema([
                    "foreign": foreign.joined(separator: ", "), "missing": missing.joined(separator: ", ")]),
                    hint: WorkspaceMessages.foreignSchemaHint())
            }
            var done: [String] = []
            try db.inTransaction {
                for object in actual.subtracting(expected) where object.type == "trigger" || object.type == "index" {
                    try db.execute(sql: "DROP \(object.type.uppercased()) IF EXISTS \(object.name.quotedDatabaseIdentifier)")
                    done.append("dropped \(object.type) \(object.name)")
                }
                for object in expected.subtracting(try objects(db)) where object.type == "trigger" || object.type == "index" {
                    try db.execute(sql: object.sql)
                    done.append("re-created \(object.type) \(object.name)")
                }
                return .commit
            }
            _ = try db.checkpoint(.truncate)
            return done
        }
        return repairs
    }

    /// The schema a fresh workspace of these plugins has.
    static func reference(beside path: String, registry: PluginRegistry) throws -> Set<Object> {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let file = folder.appendingPathComponent(".schema-reference-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) } }
        let fresh = try Workspace(path: file, registry: registry)
        defer { try? fresh.pool.close() }
        return try fresh.pool.read(objects)
    }

    static func objects(_ db: Database) throws -> Set<Object> {
        Set(try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
            """).map { row in
            Object(type: row["type"], name: row["name"],
                   sql: (row["sql"] as String).split(whereSeparator: \.isWhitespace).joined(separator: " "))
        })
    }
}
