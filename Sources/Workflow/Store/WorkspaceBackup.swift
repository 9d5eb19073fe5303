import Foundation
import GRDB

/// Backups of a workspace that restore: a consistent copy taken while `serve` and the daemon write
/// (SQLite's `VACUUM INTO` reads one snapshot, never a torn file or a WAL that does not match), checked
/// before it is called a backup (`integrity_check`, and that it is a campaign workspace), named by its
/// time; and a restore that refuses a damaged or foreign file, keeps the current workspace aside and
/// says what it replaced.
public enum WorkspaceBackup {
    public struct Report: Sendable {
        public var file: URL
        public var bytes: Int
        /// Rows per table of the copy, for the clerk to compare.
        public var rows: [String: Int]
    }

    public struct RestoreReport: Sendable {
        /// Where the workspace that was replaced now is (nil: there was none).
        public var setAside: URL?
        public var before: [String: Int]
        public var after: [String: Int]
        /// Triggers and indexes put back as the migrations define them (a backup whose guard was lowered).
        public var repaired: [String] = []
    }

    /// `campaign-backup-2026-12-02T190500Z.sqlite`: sortable, one a second.
    public static func fileName(at date: Date) -> String {
        "campaign-backup-\(nameFormatter().string(from: date)).sqlite"
    }

    private static func nameFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HHmmss'Z'"
        return formatter
    }

    /// The file for a backup taken at `date` in `folder`: its dated name, numbered (`-2`, `-3`) when
    /// one of that second exists already.
    public static func datedFile(in folder: URL, at date: Date) -> URL {
        let name = fileName(at: date)
        var file = folder.appendingPathComponent(name)
        var n = 2
        while FileManager.default.fileExists(atPath: file.path) {
            file = folder.appendingPathComponent(name.replacingOccurrences(of: ".sqlite", with: "-\(n).sqlite"))
            n += 1
        }
        return file
    }

    /// When the newest backup in `folder` was taken, read from the names `fileName` gives; nil when
    /// there is none. (Names, not file times: a copied folder keeps its dates.)
    public static func newest(in folder: URL) -> Date? {
        let formatter = nameFormatter()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.compactMap { name -> Date? in
            guard name.hasPrefix("campaign-backup-"), name.hasSuffix(".sqlite") else { return nil }
            let stamp = name.dropFirst("campaign-backup-".count).prefix("yyyy-MM-ddTHHmmssZ".count)
            return formatter.date(from: String(stamp))
        }.max()
    }

    /// Copies the workspace to `file` (which must not exist) through a temporary file in its folder,
    /// verified before it is renamed into place.
    public static func backup(_ workspace: Workspace, to file: URL) throws -> Report {
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WorkflowError.unavailable(WorkspaceMessages.cannotCreateFolder(["path": folder.path, "reason": error.localizedDescription]))
        }
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw WorkflowError.usage(WorkspaceMessages.exists(["path": file.path]), hint: WorkspaceMessages.existsHint())
        }
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).part")
        try? FileManager.default.removeItem(at: temporary)
        do {
            try workspace.pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [temporary.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WorkflowError.unavailable(WorkspaceMessages.backupNotWritten(["path": folder.path, "reason": "\(error)"]),
                                            hint: WorkspaceMessages.writableWithRoom())
        }
        do {
            let rows = try verify(temporary, counting: workspace.countedTables)
            try FileManager.default.moveItem(at: temporary, to: file)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            return Report(file: file, bytes: bytes, rows: rows)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Checks that `file` is a whole, undamaged campaign workspace; returns its rows in each of
    /// `tables` (the plugins' `countedTables`: the ones a county would miss).
    public static func verify(_ file: URL, counting tables: [String]) throws -> [String: Int] {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw WorkflowError.unavailable(WorkspaceMessages.noFile(["path": file.path]))
        }
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: file.path, configuration: configuration)
        } catch {
            throw WorkflowError.invalidInput(WorkspaceMessages.cannotBeOpened(["name": file.lastPathComponent, "reason": "\(error)"]),
                                             hint: WorkspaceMessages.useAnotherBackup())
        }
        return try queue.read { db in
            let check: [String]
            do {
                check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            } catch {
                throw WorkflowError.invalidInput(WorkspaceMessages.notADatabase(["name": file.lastPathComponent, "reason": "\(error)"]),
                                                 hint: WorkspaceMessages.useAnotherBackup())
            }
            guard check == ["ok"] else {
                throw WorkflowError.invalidInput(WorkspaceMessages.damaged(["name": file.lastPathComponent,
                                                            "reason": check.prefix(3).joined(separator: "; ")]),
                                                 hint: WorkspaceMessages.useAnotherBackup())
            }
            guard try db.tableExists("workflow_run"), try db.tableExists("grdb_migrations") else {
                throw WorkflowError.invalidInput(WorkspaceMessages.notAWorkspace(["name": file.lastPathComponent]), hint: WorkspaceMessages.restoreABackup())
            }
            var rows: [String: Int] = [:]
            for table in tables where try db.tableExists(table) {
                rows[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return rows
        }
    }

    /// Deletes the oldest backups in `folder` beyond the newest `keep`; returns what it deleted.
    public static func rotate(folder: URL, keep: Int) throws -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        func written(_ name: String) -> Date {
            (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate]
                as? Date) ?? .distantPast
        }
        // Oldest first: by when each was written, then by name.
        let backups = names.filter { $0.hasPrefix("campaign-backup-") && $0.hasSuffix(".sqlite") }
            .map { ($0, written($0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        let old = backups.dropLast(max(0, keep)).map { folder.appendingPathComponent($0) }
        for file in old { try FileManager.default.removeItem(at: file) }
        return old
    }

    /// Replaces the workspace at `path` with the verified backup `file`; the replaced workspace is
    /// checkpointed and renamed aside (`…before-restore-TIME.sqlite`), never deleted.
    public static func restore(_ file: URL, into path: String, now: Date, registry: PluginRegistry) throws -> RestoreReport {
        let after = try verify(file, counting: registry.countedTables)
        let target = URL(fileURLWithPath: path)
        var before: [String: Int] = [:]
        var setAside: URL?
        if FileManager.default.fileExists(atPath: path) {
            let current = try Workspace(path: path, registry: registry)
            // A live daemon (serve, run-daemon) holds it: by the wall clock, and a dead process on this
            // machine holds nothing whatever its last heartbeat said.
            if let holder = try current.pool.read({ db in try Daemon.liveHolder(db, timeout: 60) }) {
                throw WorkflowError.unavailable(WorkspaceMessages.inUse(["pid": "\(holder.pid)", "host": holder.host]), hint: WorkspaceMessages.stopThenRestore())
            }
            before = try current.pool.read { db in
                var rows: [String: Int] = [:]
                for table in registry.countedTables where try db.tableExists(table) {
                    rows[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
                }
                return rows
            }
            try current.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try current.pool.close()
            var aside = target.deletingPathExtension()
                .appendingPathExtension("before-restore-\(fileName(at: now).dropFirst("campaign-backup-".count))")
            // Two restores in one second: the second workspace set aside gets a name of its own.
            var n = 2
            while FileManager.default.fileExists(atPath: aside.path) {
                aside = target.deletingPathExtension().appendingPathExtension(
                    "before-restore-\(fileName(at: now).dropFirst("campaign-backup-".count).dropLast(".sqlite".count))-\(n).sqlite")
                n += 1
            }
            try FileManager.default.moveItem(at: target, to: aside)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            setAside = aside
        }
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).restoring")
        func removeTemporary() { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary.path + suffix) } }
        removeTemporary()
        try FileManager.default.copyItem(at: file, to: temporary)
        // The copy's schema held to the migrations before it takes the workspace's place: a backup whose
        // append-only triggers were dropped (or one that empties the audit log added) cannot lower the guard.
        let repaired: [String]
        do {
            repaired = try SchemaGuard.repair(temporary.path, registry: registry)
        } catch {
            removeTemporary()
            if let aside = setAside { try? FileManager.default.moveItem(at: aside, to: target) }   // nothing changed
            throw error
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary.path + suffix) }
        try FileManager.default.moveItem(at: temporary, to: target)
        return RestoreReport(setAside: setAside, before: before, after: after, repaired: repaired)
    }
}
