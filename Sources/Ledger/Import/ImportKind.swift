import Foundation
import GRDB
import Workflow

/// A kind of list `campaign import KIND FILE` reads — people, enterprises, postings, a follow-up
/// sheet… — contributed by the plugin that owns what the rows become. The command line finds the
/// kinds in the plugins it carries; nothing lists them in one place.
public struct ImportKind: Sendable {
    /// The word on the command line: `people` in `campaign import people FILE`.
    public let name: String
    /// What the list is, in Chinese and English (`campaign import --help`).
    public let words: MessageText
    public var summary: String { words.en }
    /// The columns the file may have, with the headers recognized for each.
    public let fields: [FieldSpec]
    /// Whether the rows belong to a campaign (a follow-up sheet) rather than to the shared ledger.
    public let needsCampaign: Bool
    private let importInTransaction: @Sendable (URL, ImportOptions, Database, @escaping (Int, Int) -> Void) throws
        -> ImportSummary
    /// Whether the rows are people, who are registered to the campaign (other lists are linked to it).
    public let loadsPeople: Bool

    public init<Kind: LedgerKind>(_ name: String, _ kind: Kind, summary: MessageText, needsCampaign: Bool = false) {
        self.name = name
        self.words = summary
        self.fields = Kind.fields
        self.needsCampaign = needsCampaign
        self.loadsPeople = Kind.loadsPeople
        importInTransaction = { file, options, db, progress in
            try ImportRunner.run(db, kind, file: file, options: options, progress: progress)
        }
    }

    /// Imports a file in the caller's transaction (a step's, or a test's).
    public func importFile(_ db: Database, _ file: URL, options: ImportOptions,
                           progress: @escaping (Int, Int) -> Void = { _, _ in }) throws -> ImportSummary {
        if needsCampaign && options.campaign == nil {
            throw WorkflowError.usage(LedgerMessages.belongsToCampaign(["name": name]), hint: LedgerMessages.addCampaign())
        }
        if let campaign = options.campaign { try Registrations.requireOpenCampaign(db, campaign) }
        return try importInTransaction(file, options, db, progress)
    }

    /// Imports a file in its own transaction on the workspace's writer: the command line and the
    /// benchmark. A first, city-wide load of people (an empty ledger, a file of 8 MiB or more)
    /// writes through a rollback journal instead of the write-ahead log when no other connection
    /// has the workspace open: the new pages then go to the database file once, instead of to
    /// the log and again to the file at the checkpoint (a million people: 0.7 s less). The
    /// workspace is back in WAL mode when the import ends; a crash mid-way leaves a hot journal,
    /// which SQLite rolls back when the workspace is next opened, so nothing of the file stays.
    public func importFile(_ file: URL, options: ImportOptions, pool: DatabasePool,
                           progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> ImportSummary {
        try await pool.writeWithoutTransaction { db in
            let started = Date()
            let bulk = try BulkLoad.begin(db, loadsPeople: loadsPeople, file: file)
            defer { bulk.end(db) }
            var summary: ImportSummary?
            do {
                try db.inTransaction {
                    summary = try importFile(db, file, options: options, progress: progress)
                    return .commit
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
                // The rolled-back import's pages still fill the log: give the disk its space back.
                _ = try? db.checkpoint(.truncate)
                throw error
            }
            guard var summary else { throw WorkflowError.internal("the import returned no summary") }
            summary.seconds = Date().timeIntervalSince(started)  // the commit included
            summary.bulkLoad = bulk.switched
            return summary
        }
    }
}

extension ImportKind {
    /// Village ledgers (台账) of job seekers.
    public static let people = ImportKind("people", PeopleImport(), summary: ImportKindWords.people)
    /// Enterprises, keyed by their unified social credit code.
    public static let enterprises = ImportKind("enterprises", EnterpriseImport(), summary: ImportKindWords.enterprises)
    /// Postings of enterprises already in the ledger.
    public static let postings = ImportKind("postings", PostingImport(), summary: ImportKindWords.postings)
}
