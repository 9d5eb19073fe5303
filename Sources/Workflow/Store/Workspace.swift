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
    /// The tables a backup report counts, as the plugins compiled in declare them.
    public let countedTables: [String]
    public let pool: DatabasePool
    /// Opened from a file or folder this user cannot write (a read-only share, a CD, a copy sent
    /// for inspection): everything can be read — status, tallies, check-in lists — and any write
    /// fails with "the workspace is read-only".
    public let isReadOnly: Bool

    /// The default workspace: `--db`, then `CAMPAIGN_DB`, then `./campaign.sqlite`.
    public static func defaultPath(explicit: String?) -> String {
        explicit ?? ProcessInfo.processInfo.environment["CAMPAIGN_DB"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "campaign.sqlite"
    }

    /// Process-wide SQLite settings, made once before the first connection opens (see CSQLiteSetup).
    private static let sqliteSetup: Int32 = campaign_sqlite_configure()

    /// Opens (creating if needed) the workspace and brings its schema up to date; a workspace this
    /// user cannot write is opened read-only instead (see `isReadOnly`).
    public init(path: String, registry: PluginRegistry) throws {
        _ = Self.sqliteSetup
        self.path = path
        countedTables = registry.countedTables
        StorageFailure.watch(folder: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        try WorkspaceFilesystem.requireLocal(path)
        let migrator = try Self.migrator(registry: registry)
        if Self.cannotWrite(path) {
            pool = try Self.openReadOnly(path, configuration: Self.configuration(), migrator: migrator)
            isReadOnly = true
            return
        }
        isReadOnly = false
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration())
        } catch {
            // A full disk is said as full, not as a folder to check.
            if let database = error as? DatabaseError, StorageFailure(database) == .full, let full = WorkflowError(storage: database) {
                throw full
            }
            throw WorkflowError.unavailable(WorkspaceMessages.cannotOpen(["path": path, "reason": Self.reason(error)]), hint: WorkspaceMessages.cannotOpenHint())
        }
        do {
            try migrator.migrate(pool)
        } catch {
            if let database = error as? DatabaseError, StorageFailure(database) == .full, let full = WorkflowError(storage: database) {
                throw full
            }
            throw WorkflowError.unavailable(WorkspaceMessages.cannotPrepare(["path": path, "reason": Self.reason(error)]),
                                            hint: WorkspaceMessages.cannotPrepareHint())
        }
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(15)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 32 MiB of page cache (the default is 8): a million-row import keeps its hot index pages in
            // memory. 64 MiB imported no faster (the OS keeps the file cached anyway) and held 34 MB
            // more at the import's peak (`campaign-bench import`: 151 MB against 117; issue #39 allows 150).
            try db.execute(sql: "PRAGMA cache_size = -32768")
            // Readers map the file rather than copy each page out of the OS cache: a city-wide tally
            // reads the whole ledger, and the copies cost nearly as much as the reading (measured
            // with `campaign-bench tally`). Not the writer: an import would then count the mapped
            // database in its memory, and gains nothing from it.
            if db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = 1073741824") }
        }
        return configuration
    }

    /// An existing workspace whose file, or whose folder (where SQLite keeps its log and lock
    /// files), this user cannot write.
    static func cannotWrite(_ path: String) -> Bool {
        let files = FileManager.default
        guard files.fileExists(atPath: path) else { return false }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return !files.isWritableFile(atPath: path) || !files.isWritableFile(atPath: folder)
    }

    /// Read-only: through the log beside it when SQLite can share it, else as an immutable file
    /// (no lock, no shared memory — nothing is created on the read-only disk). A workspace an
    /// earlier version made cannot get its new tables here, and says so.
    private static func openReadOnly(_ path: String, configuration: Configuration,
                                     migrator: DatabaseMigrator) throws -> DatabasePool {
        var configuration = configuration
        configuration.readonly = true
        var opened: DatabasePool?
        var firstError: (any Error)?
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let immutable = "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute)
            + "?immutable=1"
        for candidate in [path, immutable] {
            // An immutable open would not see what the log beside the file still holds: rather no
            // answer than an old one.
            if candidate == immutable, let size = try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size]
                as? Int, size > 0 {
                throw WorkflowError.unavailable(WorkspaceMessages.readOnlyWithLog(["path": path]), hint: WorkspaceMessages.copyWithLog())
            }
            do {
                let pool = try DatabasePool(path: candidate, configuration: configuration)
                _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
                opened = pool
                break
            } catch {
                firstError = firstError ?? error
            }
        }
        guard let pool = opened else {
            throw WorkflowError.unavailable(WorkspaceMessages.cannotOpenReadOnly(["path": path, "reason": Self.reason(
                                                firstError ?? WorkflowError.internal("no reason"))]),
                                            hint: WorkspaceMessages.copyIt())
        }
        let complete = (try? pool.read { db in try migrator.hasCompletedMigrations(db) }) ?? false
        guard complete else {
            throw WorkflowError.unavailable(WorkspaceMessages.readOnlyOld(["path": path]), hint: WorkspaceMessages.copyIt())
        }
        return pool
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
