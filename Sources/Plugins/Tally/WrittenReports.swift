import Foundation
import GRDB
import Workflow

/// The report last written for each campaign (by its `tally.report` step, or `campaign tally` with a
/// file), with the funnel it showed. An outcome or a check-in recorded afterwards that changes the
/// numbers makes that report stale — said whenever the campaign is tallied — until it is written again.
public enum WrittenReports {
    static let migrations = [
        Migration("tally-v1-written-reports") { db in
            try db.execute(sql: """
                CREATE TABLE tally_written_report (
                    campaign TEXT PRIMARY KEY,
                    written_at TEXT NOT NULL,
                    files TEXT NOT NULL,                 -- the files written, comma-separated
                    funnel TEXT NOT NULL                 -- the funnel it showed: key=value;… sorted
                ) WITHOUT ROWID
                """)
        },
    ]

    /// A report written earlier whose numbers no longer hold.
    public struct Stale: Sendable, Equatable {
        public var campaign: String
        public var writtenAt: Date
        public var files: String
        /// What changed since: `placed 4 → 5`.
        /// Each measure that moved: its label in Chinese and English, then and now.
        public var changes: [Change]

        public struct Change: Sendable, Equatable {
            /// The measure's name.
            public var measure: MessageText
            public var before: Int
            public var now: Int
        }

        /// "成功就业 0 → 1, …" in `language`.
        public func changes(in language: Language) -> String {
            changes.map { "\($0.measure.template(language)) \($0.before) → \($0.now)" }.joined(separator: ", ")
        }
    }

    static func fingerprint(_ report: TallyReport) -> String {
        report.funnel.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    /// Records that `report` (of one campaign) was written to `files`.
    static func record(_ db: Database, _ report: TallyReport, files: [String], now: Date) throws {
        guard report.campaigns.count == 1, let campaign = report.campaigns.first?.name else { return }
        try db.execute(sql: """
            INSERT INTO tally_written_report (campaign, written_at, files, funnel) VALUES (?, ?, ?, ?)
            ON CONFLICT (campaign) DO UPDATE SET written_at = excluded.written_at, files = excluded.files,
                funnel = excluded.funnel
            """, arguments: [campaign, now, files.joined(separator: ","), fingerprint(report)])
    }

    /// The written report of `report`'s campaign, when its numbers have changed since it was written.
    public static func stale(_ db: Database, _ report: TallyReport) throws -> Stale? {
        guard report.campaigns.count == 1, let campaign = report.campaigns.first?.name,
              let row = try Row.fetchOne(db, sql: """
                SELECT written_at, files, funnel FROM tally_written_report WHERE campaign = ?
                """, arguments: [campaign]) else { return nil }
        let then = Dictionary(uniqueKeysWithValues: (row["funnel"] as String).split(separator: ";").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), Int(parts[1]) ?? 0) : nil
        })
        let changes = report.measures.compactMap { measure -> Stale.Change? in
            let before = then[measure.key] ?? 0, now = report.funnel[measure.key] ?? 0
            return before == now ? nil : Stale.Change(measure: measure.words, before: before, now: now)
        }
        guard !changes.isEmpty else { return nil }
        return Stale(campaign: campaign, writtenAt: row["written_at"], files: row["files"], changes: changes)
    }
}
