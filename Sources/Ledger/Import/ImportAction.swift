import Foundation
import GRDB
import Workflow

/// A ledger import as a campaign step (`registration.import-people`, …). The file is read and
/// written inside the step's one transaction, so a crash mid-import leaves the ledger as it was
/// and the step simply runs again on resume.
public struct ImportAction<Kind: LedgerKind>: StepAction {
    public struct Input: Decodable, Sendable {
        var file: String
        var columns: [String: String]?
        var encoding: String?
        var sheet: String?
        var strict: Bool
        var register: Bool
        var group_labels: [String: String]?
    }

    let kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public static var descriptor: ActionDescriptor {
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
                ParameterSpec("sheet", .string, doc: "The sheet to read, or all (default: every sheet with the same "
                              + "header row, else the first)."),
                ParameterSpec("group_labels", .object, doc: "Target-group labels this county uses beyond the built-in "
                              + "ones, label → group, e.g. { 三类人员: monitored, 低收入户: low_income }."),
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
                OutputSpec("skipped", doc: "Rows that list no one (合计, notes, empty numbered lines), skipped."),
                OutputSpec("sheets", doc: "Sheets read (1 for a CSV file)."),
                OutputSpec("linked", doc: "People newly registered (or enterprises/postings newly linked) to the campaign."),
                OutputSpec("reject_file", doc: "The CSV of refused rows with row number, column and reason."),
            ],
            check: { given in
                var problems: [ParameterProblem] = []
                if case .object(let columns) = given["columns"] {
                    for key in columns.keys.sorted() where !fields.contains(where: { $0.key == key }) {
                        problems.append(ParameterProblem(parameter: "columns", ImportMessages.unknownColumnField(["key": key]),
                                                         hint: Suggestions.message(for: key, among: fields.map(\.key))))
                    }
                }
                if case .object(let labels) = given["group_labels"] {
                    for (label, value) in labels.sorted(by: { $0.key < $1.key }) {
                        if case .string(let name) = value, TargetGroup.named(name) != nil { continue }
                        problems.append(ParameterProblem(parameter: "group_labels", ImportMessages.notATargetGroup(["label": label]),
                                                         hint: ImportMessages.useOneOf(
                                                            ["names": TargetGroup.allCases.map(\.key).joined(separator: ", ")])))
                    }
                }
                if case .string(let name) = given["encoding"], TextEncoding(name: name) == nil {
                    problems.append(ParameterProblem(parameter: "encoding", ImportMessages.unknownEncoding(["name": name]),
                                                     hint: TableMessages.encodings()))
                }
                return problems
            }
        )
    }

    public func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        let url = context.url(forPath: input.file)
        let summary: ImportSummary
        do {
            var options = ImportOptions(campaign: input.register ? context.campaign : nil,
                                        encoding: try input.encoding.map(TextEncoding.named), sheet: input.sheet,
                                        columns: input.columns ?? [:], strict: input.strict, source: url.lastPathComponent,
                                        now: context.clock.now())
            options.groupLabels = try TargetGroup.vocabulary(input.group_labels ?? [:])
            summary = try ImportRunner.run(db, kind, file: url, options: options) { done, total in
                context.progress.report(done: done, total: total, unit: "bytes")
            }
        } catch let error as WorkflowError where error.code == .invalidInput || error.code == .usage {
            throw StepFailure(error.description)
        }
        // The run's history is read in the language of the process that ran the step.
        let language = Language.fromEnvironment()
        let file = url.lastPathComponent
        if let sheet = summary.sheets.first, sheet.headerRow > 1 || summary.sheets.count > 1 {
            var note = Message(ImportReportMessages.noteHeader, ["file": file, "format": summary.format, "header": String(sheet.headerRow)])
            if !sheet.description.isEmpty {
                note = note + Message(ImportReportMessages.noteUnder, ["text": sheet.description.map(Masking.scrub).joined(separator: " / ")])
            }
            context.note(note.text(language))
        }
        if summary.skipped > 0 {
            context.note(Message(ImportReportMessages.noteSkipped, ["count": String(summary.skipped), "rows": summary.skippedRows.prefix(3)
                .map { $0.summary(language) }.joined(separator: Punctuation.semicolon.text(language))]).text(language))
        }
        for note in summary.notes { context.note("\(file): \(note.text(language))") }
        for problem in summary.cellProblems.prefix(3) + summary.problems.prefix(5) {
            context.note("\(file) \(problem.summary(language))")
        }
        if summary.rejected > 5 { context.note(Message(ImportReportMessages.noteMoreRejected, ["count": String(summary.rejected - 5)]).text(language)) }
        if let rejects = summary.rejectFile {
            context.note((Message(ImportReportMessages.noteRejectFile, ["file": rejects])
                          + (summary.rejectFileMoved ? Message(ImportReportMessages.rejectFileMoved) : Message.verbatim(""))).text(language))
        }
        return .completed(outputs: summary.outputs)
    }
}
