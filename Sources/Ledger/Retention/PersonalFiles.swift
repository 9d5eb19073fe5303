import Foundation
import GRDB
import Workflow

/// The files outside the database that the workspace wrote with people in them — the rows an import
/// refused (`*.rejects.csv` beside the input) and every list exported with names (masked or, by a
/// manager's act, not) — so that shredding a campaign can destroy them too, and name those it could
/// not reach (moved, copied to a USB stick, on a machine it cannot see).
public enum PersonalFiles {
    /// One file the workspace knows of.
    public struct Entry: Sendable, Equatable {
        public var path: String
        public var campaign: String
        /// rejects, export or unmasked-export.
        public var kind: String
    }

    /// What shredding did with a campaign's files.
    public struct Outcome: Sendable, Equatable {
        /// Overwritten and removed.
        public var destroyed: [Entry] = []
        /// Not where the workspace wrote it (moved or deleted by hand), or not removable: still somewhere.
        public var unreachable: [Entry] = []

        public init() {}
    }

    static let migrations: [Migration] = [
        Migration("personal-file-v1") { db in
            try db.execute(sql: """
                CREATE TABLE personal_file (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL,                  -- absolute, as written
                    campaign TEXT NOT NULL,
                    kind TEXT NOT NULL,                  -- rejects, export, unmasked-export
                    written_at DATETIME NOT NULL,
                    shredded_at DATETIME                 -- destroyed by a shred (or found gone by it)
                );
                CREATE INDEX personal_file_campaign ON personal_file(campaign);
                """)
        },
    ]

    /// Notes files written for `campaign` (paths relative to the working directory are made absolute).
    public static func record(_ db: Database, _ paths: [String], campaign: String, kind: String, at now: Date) throws {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for path in paths {
            let absolute = URL(fileURLWithPath: path, relativeTo: here).standardizedFileURL.path
            try db.execute(sql: "INSERT INTO personal_file (path, campaign, kind, written_at) VALUES (?, ?, ?, ?)",
                           arguments: [absolute, campaign, kind, now])
        }
    }

    /// The campaign's files not yet shredded, each path once.
    public static func pending(_ db: Database, campaign: String) throws -> [Entry] {
        try Row.fetchAll(db, sql: """
            SELECT path, campaign, min(kind) AS kind FROM personal_file
            WHERE campaign = ? AND shredded_at IS NULL GROUP BY path ORDER BY min(id)
            """, arguments: [campaign]).map { Entry(path: $0["path"], campaign: $0["campaign"], kind: $0["kind"]) }
    }

    /// Overwrites each of the campaign's files with zeros and removes it; a file not where it was
    /// written is listed as unreachable. Call after the shred's transaction committed, then `markShredded`.
    public static func destroy(_ entries: [Entry]) -> Outcome {
        var outcome = Outcome()
        for entry in entries {
            if overwriteAndRemove(entry.path) { outcome.destroyed.append(entry) } else { outcome.unreachable.append(entry) }
        }
        return outcome
    }

    /// Records that the campaign's files were dealt with (destroyed, or found gone and named).
    public static func markShredded(_ db: Database, campaign: String, at now: Date) throws {
        try db.execute(sql: "UPDATE personal_file SET shredded_at = ? WHERE campaign = ? AND shredded_at IS NULL",
                       arguments: [now, campaign])
    }

    /// Zeros over the file's bytes, synced, then unlinked: what a later undelete finds is zeros (on a
    /// disk that writes in place; a copy-on-write or wear-levelled one may keep old blocks — docs/reference.md says so).
    static func overwriteAndRemove(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        let descriptor = open(path, O_WRONLY | O_NOFOLLOW)
        guard descriptor >= 0 else { return false }
        let zeros = [UInt8](repeating: 0, count: 64 * 1024)
        var left = Int(info.st_size)
        while left > 0 {
            let written = zeros.withUnsafeBytes { write(descriptor, $0.baseAddress, min(left, zeros.count)) }
            guard written > 0 else { break }
            left -= written
        }
        fsync(descriptor)
        close(descriptor)
        return unlink(path) == 0
    }
}
