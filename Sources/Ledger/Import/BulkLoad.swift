import Foundation
import GRDB

/// The rollback-journal window of a first, city-wide load (see `ImportKind.importFile(file:options:pool:progress:)`).
struct BulkLoad {
    static let minimumFileSize = 8 << 20
    /// Whether the journal mode was switched, and so must be switched back.
    let switched: Bool

    /// `loadsPeople`: only a people ledger is loaded this way (see `LedgerKind.loadsPeople`).
    static func begin(_ db: Database, loadsPeople: Bool, file: URL) throws -> BulkLoad {
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        guard loadsPeople, size >= minimumFileSize,
              try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM person)") == true else {
            return BulkLoad(switched: false)
        }
        // Leaving WAL needs the only connection to the file: with a server or another command
        // open, SQLite refuses at once and the import goes through the log as usual.
        let mode = try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
        guard mode == "delete" else { return BulkLoad(switched: false) }
        // A rollback journal is safe across a power cut only with full syncs. Foreign keys are
        // not checked row by row: the ledger was empty and nobody else can write, so every
        // registration names a person this load inserted just before it, in the same batch
        // (`BulkLoadTests` runs SQLite's foreign_key_check after a load to show it).
        try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF")
        return BulkLoad(switched: true)
    }

    func end(_ db: Database) {
        guard switched else { return }
        try? db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
    }
}
