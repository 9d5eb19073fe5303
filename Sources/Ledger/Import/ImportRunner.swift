import Foundation
import GRDB
import Workflow

/// Runs an import: a reader thread finds each sheet's header, parses and validates rows while the
/// calling thread writes them in the surrounding transaction — both cores busy, memory bounded by
/// a few batches.
enum ImportRunner {
    static let batchSize = 2048
    static let maxProblemsShown = 20

    static func run<K: LedgerKind>(_ db: Database, _ kind: K, file url: URL, options: ImportOptions,
                                   progress: @escaping (Int, Int) -> Void = { _, _ in }) throws -> ImportSummary {
        let started = Date()
        let source = try ImportSource(url: url, encoding: options.encoding)
        let file = url.lastPathComponent
        let plan = try SheetPlan.choose(K.self, source: source, requested: options.sheet, overrides: options.columns)
        // The first sheet's header, read here: the reject file takes its columns.
        let firstReader = try source.reader(table: plan.tables[0])
        guard let firstHeader = try HeaderFinder.find(in: firstReader, fields: K.fields, overrides: options.columns,
                                                      file: file) else {
            throw WorkflowError.invalidInput(Message(ImportFileMessages.empty, ["file": file]),
                                             hint: Message(ImportFileMessages.firstRowHeaders))
        }
        let names = plan.tables.map { source.tableNames[$0] }
        var summary = ImportSummary(file: url.path, format: describe(source, sheets: names))
        summary.notes = plan.notes
        var writer = try kind.makeWriter(db, options: options)
        var rejects = rejectFile(db, for: url, source: source, header: firstHeader, plan: plan, sheets: names, options: options)
        defer { rejects.close() }

        let gauge = ProgressGauge(total: source.totalBytes)
        let channel = BatchChannel<K.Record>(capacity: 8)
        let job = SheetJob(source: source, plan: plan, firstReader: firstReader, firstHeader: firstHeader,
                           overrides: options.columns, groupLabels: options.groupLabels, file: file)
        let producer = Thread {
            Self.produce(kind: K.self, job: job, channel: channel, gauge: gauge)
        }
        producer.stackSize = 1 << 20
        producer.start()
        defer { channel.cancel() }

        var lastReport = Date()
        let intake = Intake(multiple: names.count > 1)
        while let batch = channel.take() {
            for parsed in try batch.get() {
                try intake.absorb(parsed, into: &summary, writer: &writer, rejects: &rejects)
            }
            if Date().timeIntervalSince(lastReport) > 0.2 {
                progress(gauge.done, gauge.total)
                lastReport = Date()
            }
        }
        // All read: what remains (indexes of a first load, the commit) shows as "saving".
        progress(gauge.total, gauge.total)
        try writer.finish()
        summary.linked = writer.linked
        summary.rejectFile = try rejects.finish()
        summary.rejectFileMoved = summary.rejectFile != nil && rejects.moved
        summary.seconds = Date().timeIntervalSince(started)
        if options.strict { try refuseAnyBadRow(summary, file: file) }
        try ImportLog.record(db, summary, kind: K.actionName, source: options.source, at: options.now)
        // The refused rows hold people too: a shred of the campaign destroys their file.
        if let rejects = summary.rejectFile, let campaign = options.campaign {
            try PersonalFiles.record(db, [rejects], campaign: campaign, kind: "rejects", at: options.now)
        }
        return summary
    }

    /// "CSV (UTF-8)", or the workbook with the sheet (or sheets) read.
    static func describe(_ source: ImportSource, sheets names: [String?]) -> String {
        guard source.isWorkbook else { return source.format }
        return source.format + (names.count == 1 ? ", sheet '\(names[0] ?? "")'"
            : ", \(names.count) sheets: " + names.compactMap { $0 }.joined(separator: ", "))
    }

    /// The reject file beside the input: the first sheet's headers (and the field taken from the
    /// sheet's name); one sheet asked for from a workbook of several gets a file of its own, so the
    /// rejects of the sheets imported before it stay.
    static func rejectFile(_ db: Database, for url: URL, source: ImportSource, header: DetectedHeader, plan: SheetPlan,
                           sheets names: [String?],
                           options: ImportOptions) -> RejectFile {
        var rejectHeader = header.cells
        if let place = plan.placeField { rejectHeader.append(place.label) }
        let oneSheetOfSeveral = options.sheet != nil && source.tableNames.count > 1 && names.count == 1 ? names[0] : nil
        return RejectFile(input: url, header: rejectHeader, sheetColumn: names.count > 1, sheet: oneSheetOfSeveral,
                          fallbackFolder: db.workspaceFolder, language: options.language)
    }

    /// `strict:` — any refused row or cell aborts the import, naming the first five.
    static func refuseAnyBadRow(_ summary: ImportSummary, file: String) throws {
        let bad = summary.rejected + summary.cellsRefused
        guard bad > 0 else { return }
        var message = Message(ImportMessages.strictRefused, ["file": file, "bad": String(bad), "rows": String(summary.rows)])
        for (index, problem) in (summary.problems + summary.cellProblems).prefix(5).enumerated() {
            if index > 0 { message = message + Message(ImportMessages.listSeparator) }
            message = message + problem.worded
        }
        throw WorkflowError.invalidInput(
            message, hint: Message(ImportMessages.strictHint, ["rejects": summary.rejectFile ?? "*.rejects.csv"]))
    }

    /// The first cell holding a control character or the replacement character, as a problem of
    /// its row: neither is ever stored in the ledger.
    static func controlCharacters(in cells: [String]) -> CellProblem? {
        if let index = cells.firstIndex(where: CellText.hasControlCharacters) {
            return CellProblem(cell: index, reason: Message(ImportMessages.controlCharacters))
        }
        if let index = cells.firstIndex(where: CellText.hasReplacementCharacter) {
            return CellProblem(cell: index, reason: Message(ImportMessages.replacementCharacter))
        }
        return nil
    }

    enum ParsedRow<Record: Sendable>: Sendable {
        /// The cells are kept only for kinds whose writer may refuse a valid row (see `LedgerKind`).
        case record(row: Int, Record, cells: [String]?)
        case problem(RowProblem)
        case skipped(SkippedRow)
        /// The record before it was written without this cell.
        case cellRefused(RowProblem)
        /// The rows that follow come from this sheet.
        case sheet(SheetSummary)
    }

    /// What the reader thread reads: the planned sheets, the first one opened past its header.
    struct SheetJob: @unchecked Sendable {
        let source: ImportSource
        let plan: SheetPlan
        let firstReader: any TableReader
        let firstHeader: DetectedHeader
        let overrides: [String: String]
        let groupLabels: [String: TargetGroup]
        let file: String
    }

    /// The reader thread: for each sheet, find its header; parse, validate, catch duplicates
    /// (across sheets too), set aside rows that list no one, hand over in batches.
    private static func produce<K: LedgerKind>(kind: K.Type, job: SheetJob, channel: BatchChannel<K.Record>,
                                               gauge: ProgressGauge) {
        var parser = RowParser<K>(job: job)
        var batch: [ParsedRow<K.Record>] = []
        batch.reserveCapacity(batchSize)
        do {
            for (position, table) in job.plan.tables.enumerated() {
                guard let (reader, header) = try open(K.self, sheet: position, table: table, job: job) else { continue }
                let sheet = parser.begin(sheet: position, header: header)
                batch.append(.sheet(sheet))
                while let cells = try reader.next() {
                    parser.parse(cells, row: reader.row, problem: reader.problem, into: &batch)
                    if batch.count >= batchSize {
                        gauge.update(sheet: position, of: job.plan.tables.count, bytesRead: reader.bytesRead)
                        guard channel.put(.success(batch)) else { return }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !batch.isEmpty { _ = channel.put(.success(batch)) }
        } catch {
            _ = channel.put(.failure(error))
        }
        channel.close()
    }

    /// A sheet opened past its header (the first one was opened by `run`); nil for a sheet with no
    /// header, refused when its header differs from the first sheet's (the file changed while read).
    private static func open<K: LedgerKind>(_ kind: K.Type, sheet position: Int, table: Int,
                                            job: SheetJob) throws -> (any TableReader, DetectedHeader)? {
        if position == 0 { return (job.firstReader, job.firstHeader) }
        let reader = try job.source.reader(table: table)
        guard let found = try HeaderFinder.find(in: reader, fields: K.fields, overrides: job.overrides, file: job.file) else {
            return nil
        }
        guard SheetPlan.signature(found.cells) == SheetPlan.signature(job.firstHeader.cells) else {
            throw WorkflowError.invalidInput(
                Message(ImportFileMessages.changedWhileRead, ["sheet": job.source.tableNames[table] ?? "", "file": job.file]),
                hint: Message(ImportFileMessages.importAgain))
        }
        return (reader, found)
    }

    /// A row that lists no one: a 合计 / 备注 / 制表人 line, or one with nothing in the columns read.
    /// `cells` are the file's own (without a township added from the sheet's name).
    static func skipped(_ cells: [String], row: Int, layout: ColumnLayout, sheet: String?) -> SkippedRow? {
        let reason: Message
        if let opening = FooterRows.opening(of: cells) {
            reason = Message(ImportMessages.footerRow, ["opening": opening])
        } else if layout.isBlank(cells, width: cells.count) {
            reason = Message(ImportMessages.blankRow)
        } else {
            return nil
        }
        let text = Masking.scrub(cells.filter { !$0.isEmpty }.joined(separator: " "))
        return SkippedRow(sheet: sheet, row: row, reason: reason, text: String(text.prefix(80)))
    }
}
