import CSQLiteSetup
import Foundation
import GRDB

/// The one SQLite file that holds every campaign's runs and the shared ledger.
///
/// WAL mode lets staff read (status, tallies) while a run writes; `synchronous = NORMAL` keeps
/// every commit atomic across a kill -9 or a power cut (a cut may lose the last commits, never
/// half of one), which is the guarantee the engine's one-transaction-per-transition relies on.
public final class Workspace: Sendable {
    public let path: String
    public let pool: DatabasePool

    /// The default workspace: `--db`, then `CAMPAIGN_DB`, then `./campaign.sqlite`.
    public static func defaultPath(explicit: String?) -> String {
        explicit ?? ProcessInfo.processInfo.environment["CAMPAIGN_DB"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "campaign.sqlite"
    }

    /// Process-wide SQLite settings, made once before the first connection opens (see CSQLiteSetup).
    private static let sqliteSetup: Int32 = campaign_sqlite_skip_memory_statistics()

    /// Opens (creating if needed) the workspace and brings its schema up to date.
    public init(path: String, registry: PluginRegistry) throws {
        _ = Self.sqliteSetup
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(15)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MiB of page cache (the default is 8): a million-row import keeps its indexes in memory.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Readers map the file rather than copy each page out of the OS cache: a city-wide tally
            // reads the whole ledger, and the copies cost nearly as much as the reading (measured
            // with `campaign-bench tally`). Not the writer: an import would then count the mapped
            // database in its memory, and gains nothing from it.
            if db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = 1073741824") }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw WorkflowError.unavailable("cannot open the workspace '\(path)': \(Self.reason(error))",
                                            hint: "check that the folder exists and is writable, or choose another "
                                                + "file with --db PATH")
        }
        let migrator = try Self.migrator(registry: registry)
        do {
            try migrator.migrate(pool)
        } catch {
            throw WorkflowError.unavailable("cannot prepare the workspace '\(path)': \(Self.reason(error))",
                                            hint: "is it a campaign workspace? It may belong to a newer version")
        }
    }

    /// Engine tables first, then each plugin's after those of the plugins it depends on; all
    /// append-only and named, so a workspace made by an earlier version runs only what is new.
    static func migrator(registry: PluginRegistry) throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in EngineSchema.migrations + (try registry.migrationOrder()).flatMap(\.migrations) {
            migrator.registerMigration(migration.name, migrate: migration.apply)
        }
        return migrator
    }

    static func reason(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
        return "\(error)"
    }
}
