import Foundation
import GRDB
import Workflow

/// Registration: the shared ledger of people, enterprises and postings, filled from the lists
/// clerks already keep (CSV or XLSX, Chinese headers, GB18030 or UTF-8), and walk-ins at the fair.
public enum RegistrationPlugin {
    public static let plugin = Plugin(
        name: "registration",
        summary: "Imports village ledgers, enterprises and postings (CSV/XLSX) into the shared ledger; registers people.",
        actions: [
            ImportAction(kind: PeopleImport()), ImportAction(kind: EnterpriseImport()), ImportAction(kind: PostingImport()),
        ],
        migrations: LedgerSchema.migrations
    )

    /// Runs an import of `kind` from the command line or a step, in the given transaction.
    public static func importFile(_ kind: LedgerListKind, file: URL, options: ImportOptions, db: Database,
                                  progress: @escaping (Int, Int) -> Void = { _, _ in }) throws -> ImportSummary {
        if let campaign = options.campaign { try Registration.requireCampaign(campaign, db: db) }
        switch kind {
        case .people: return try ImportRunner.run(PeopleImport(), file: file, options: options, db: db, progress: progress)
        case .enterprises:
            return try ImportRunner.run(EnterpriseImport(), file: file, options: options, db: db, progress: progress)
        case .postings: return try ImportRunner.run(PostingImport(), file: file, options: options, db: db, progress: progress)
        case .outcomes:
            guard options.campaign != nil else {
                throw WorkflowError.usage("outcomes belong to a campaign", hint: "add --campaign NAME")
            }
            return try ImportRunner.run(OutcomeImport(), file: file, options: options, db: db, progress: progress)
        }
    }

    /// Runs an import in its own transaction on the workspace's writer: the command line and the
    /// benchmark. A first, city-wide load of people (an empty ledger, a file of 8 MiB or more)
    /// writes through a rollback journal instead of the write-ahead log when no other connection
    /// has the workspace open: the new pages then go to the database file once, instead of to
    /// the log and again to the file at the checkpoint (a million people: 0.7 s less). The
    /// workspace is back in WAL mode when the import ends; a crash mid-way leaves a hot journal,
    /// which SQLite rolls back when the workspace is next opened, so nothing of the file stays.
    public static func importFile(_ kind: LedgerListKind, file: URL, options: ImportOptions, pool: DatabasePool,
                                  progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> ImportSummary {
        try await pool.writeWithoutTransaction { db in
            let started = Date()
            let bulk = try BulkLoad.begin(kind: kind, file: file, db: db)
            defer { bulk.end(db) }
            var summary: ImportSummary?
            try db.inTransaction {
                summary = try importFile(kind, file: file, options: options, db: db, progress: progress)
                return .commit
            }
            guard var summary else { throw WorkflowError.internal("the import returned no summary") }
            summary.seconds = Date().timeIntervalSince(started)  // the commit included
            summary.bulkLoad = bulk.switched
            return summary
        }
    }

    public static func fields(of kind: LedgerListKind) -> [FieldSpec] {
        switch kind {
        case .people: PeopleImport.fields
        case .enterprises: EnterpriseImport.fields
        case .postings: PostingImport.fields
        case .outcomes: OutcomeImport.fields
        }
    }
}

public enum LedgerListKind: String, Sendable, CaseIterable {
    case people, enterprises, postings, outcomes
}

/// `registration.import-*`: the import as a campaign step. The file is read and written inside
/// the step's one transaction, so a crash mid-import leaves the ledger as it was and the step
/// simply runs again on resume.
struct ImportAction<Kind: LedgerKind>: StepAction {
    struct Input: Decodable, Sendable {
        var file: String
        var columns: [String: String]?
        var encoding: String?
        var sheet: String?
        var strict: Bool
        var register: Bool
    }

    let kind: Kind

    static var descriptor: ActionDescriptor {
        let fields = Kind.fields
        return ActionDescriptor(
            name: Kind.actionName,
            summary: Kind.actionSummary,
            parameters: [
                ParameterSpec("file", .file, required: true,
                              doc: "The CSV or XLSX file, relative to this definition (e.g. data/people.csv)."),
                ParameterSpec("columns", .object, doc: "Field → header, for headers not recognized, e.g. "
                              + "{ \(fields[0].key): 证件号 }. Fields: \(fields.map(\.key).joined(separator: ", "))."),
                ParameterSpec("encoding", .string, doc: "utf-8 or gb18030 (gbk); detected when omitted."),
                ParameterSpec("sheet", .string, doc: "The XLSX sheet to read (default: the first)."),
                ParameterSpec("strict", .boolean, default: .bool(false),
                              doc: "true: any bad row fails the step and nothing is imported."),
                ParameterSpec("register", .boolean, default: .bool(true),
                              doc: "Register people (or link enterprises and postings) to this campaign."),
            ],
            outputs: [
                OutputSpec("rows", doc: "Data rows read."),
                OutputSpec("inserted", doc: "New records."),
                OutputSpec("updated", doc: "Records whose details changed (each change is recorded)."),
                OutputSpec("unchanged", doc: "Records already in the ledger as they are."),
                OutputSpec("rejected", doc: "Rows refused; see reject_file."),
                OutputSpec("linked", doc: "People newly registered (or enterprises/postings newly linked) to the campaign."),
                OutputSpec("reject_file", doc: "The CSV of refused rows with row number, column and reason."),
            ],
            check: { given in
                var problems: [ParameterProblem] = []
                if case .object(let columns) = given["columns"] {
                    for key in columns.keys.sorted() where !fields.contains(where: { $0.key == key }) {
                        problems.append(ParameterProblem(parameter: "columns", "'columns' names an unknown field '\(key)'",
                                                         hint: Suggestions.hint(for: key, among: fields.map(\.key),
                                                                                noun: "fields")))
                    }
                }
                if case .string(let name) = given["encoding"], TextEncoding(name: name) == nil {
                    problems.append(ParameterProblem(parameter: "encoding", "unknown encoding '\(name)'",
                                                     hint: "use utf-8 or gb18030 (gbk also reads as gb18030)"))
                }
                return problems
            }
        )
    }

    func commit(_ prepared: Void, input: Input, context: StepContext, db: Database) throws -> StepOutcome {
        var encoding: TextEncoding?
        if let name = input.encoding {
            guard let e = TextEncoding(name: name) else {
                throw StepFailure("unknown encoding '\(name)'; use utf-8 or gb18030 (gbk)")
            }
            encoding = e
        }
        let url = context.url(forPath: input.file)
        let options = ImportOptions(campaign: input.register ? context.campaign : nil, encoding: encoding,
                                    sheet: input.sheet, columns: input.columns ?? [:], strict: input.strict,
                                    source: url.lastPathComponent, now: context.clock.now())
        let summary: ImportSummary
        do {
            summary = try ImportRunner.run(kind, file: url, options: options, db: db) { done, total in
                context.progress.report(done: done, total: total, unit: "bytes")
            }
        } catch let error as WorkflowError where error.code == .invalidInput || error.code == .usage {
            throw StepFailure(error.description)
        }
        for problem in summary.problems.prefix(5) {
            context.note("\(url.lastPathComponent) \(problem.summary)")
        }
        if summary.rejected > 5 { context.note("… and \(summary.rejected - 5) more rejected rows") }
        if let file = summary.rejectFile {
            context.note("rejected rows, with reasons, are in \(file); fix and import that file again")
        }
        return .completed(outputs: summary.outputs)
    }
}
