import Foundation
import GRDB
import Workflow

public struct ImportOptions: Sendable {
    /// The campaign to register people (or link enterprises and postings) to.
    public var campaign: String?
    public var encoding: TextEncoding?
    public var sheet: String?
    /// Field → header text, for headers the aliases do not know.
    public var columns: [String: String]
    /// Target-group labels a county uses beyond the built-in ones (label → group).
    public var groupLabels: [String: TargetGroup] = [:]
    /// Any bad row aborts the whole import, writing nothing.
    public var strict: Bool
    /// Recorded as the source of new and changed records (the file name, or "walk-in").
    public var source: String
    /// How people came to the campaign: "import" or "walk-in".
    public var channel: String
    public var now: Date
    /// The language of the reject file's reasons and the summary's words: the command's `--lang`,
    /// else `CAMPAIGN_LANG`, else Chinese.
    public var language = Language.fromEnvironment()

    public init(campaign: String? = nil, encoding: TextEncoding? = nil, sheet: String? = nil,
                columns: [String: String] = [:], strict: Bool = false, source: String, channel: String = "import",
                now: Date) {
        self.campaign = campaign
        self.encoding = encoding
        self.sheet = sheet
        self.columns = columns
        self.strict = strict
        self.source = source
        self.channel = channel
        self.now = now
    }
}

/// One sheet (or the CSV file) as an import read it.
public struct SheetSummary: Sendable {
    /// nil for a CSV file.
    public var name: String?
    /// The row the headers were found on (1 unless a title sits above them).
    public var headerRow: Int
    /// The title and 填报单位-style lines above the header.
    public var description: [String]
    /// The field filled in from the sheet's name (the township), when the sheet has no column for it.
    public var fieldFromName: String?
    public var rows = 0
    public var rejected = 0
    public var skipped = 0
}

public struct ImportSummary: Sendable {
    public var file: String
    public var format: String
    public var rows = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    /// Rows that list no one (合计, notes, empty numbered lines): skipped, not refused.
    public var skipped = 0
    /// People registered (or enterprises and postings linked) to the campaign by this import.
    public var linked = 0
    public var rejectFile: String?
    /// True when the input's folder was read-only and the reject file went beside the workspace.
    public var rejectFileMoved = false
    /// The first problems, for the terminal; all of them are in the reject file.
    public var problems: [RowProblem] = []
    /// The first skipped rows, for the terminal.
    public var skippedRows: [SkippedRow] = []
    /// Rows imported without one cell that was refused (an unknown target group): they are in the
    /// reject file too, so the fixed cell can be imported again.
    public var cellsRefused = 0
    public var cellProblems: [RowProblem] = []
    /// The sheets read, in order (one for a CSV file).
    public var sheets: [SheetSummary] = []
    /// What else the clerk should know: sheets not read and why.
    public var notes: [Message] = []
    public var seconds = 0.0
    /// A first, city-wide load written through a rollback journal rather than the WAL (see
    /// `ImportKind.importFile(file:options:pool:progress:)`).
    public var bulkLoad = false

    public init(file: String, format: String) {
        self.file = file
        self.format = format
    }

    /// The header row of the first sheet.
    public var headerRow: Int { sheets.first?.headerRow ?? 1 }

    public var outputs: [String: Value] {
        var o: [String: Value] = ["rows": .int(rows), "inserted": .int(inserted), "updated": .int(updated),
                                  "unchanged": .int(unchanged), "rejected": .int(rejected), "linked": .int(linked),
                                  "skipped": .int(skipped), "sheets": .int(sheets.count),
                                  "cells_refused": .int(cellsRefused)]
        if let rejectFile { o["reject_file"] = .string(rejectFile) }
        return o
    }
}

/// Runs an import: a reader thread finds each sheet's header, parses and validates rows while the
/// calling thread writes them in the surrounding transaction — both cores busy, memory bounded by
/// a few batches.
enum ImportRunner {
    static let batchSize = 2048
    static let maxProblemsShown = 20

    static func run<K: LedgerKind>(_ kind: K, file url: URL, options: ImportOptions, db: Database,
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
        var format = source.format
        if source.isWorkbook {
            format += names.count == 1 ? ", sheet '\(names[0] ?? "")'"
                : ", \(names.count) sheets: " + names.compactMap { $0 }.joined(separator: ", ")
        }
        var summary = ImportSummary(file: url.path, format: format)
        summary.notes = plan.notes
        var writer = try kind.makeWriter(db, options: options)
        var rejectHeader = firstHeader.cells
        if let place = plan.placeField { rejectHeader.append(place.label) }
        // One sheet asked for from a workbook of several: its rejects in a file of its own, so those of
        // the sheets imported before it stay.
        let oneSheetOfSeveral = options.sheet != nil && source.tableNames.count > 1 && names.count == 1 ? names[0] : nil
        var rejects = RejectFile(input: url, header: rejectHeader, sheetColumn: names.count > 1, sheet: oneSheetOfSeveral,
                                 fallbackFolder: db.workspaceFolder, language: options.language)
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
        let multiple = names.count > 1
        while let batch = channel.take() {
            switch batch {
            case .failure(let error):
                throw error
            case .success(let rows):
                for parsed in rows {
                    var problem: RowProblem?
                    switch parsed {
                    case .sheet(let sheet):
                        summary.sheets.append(sheet)
                        continue
                    case .cellRefused(var p):
                        if multiple { p.sheet = summary.sheets.last?.name }
                        summary.cellsRefused += 1
                        if summary.cellProblems.count < maxProblemsShown { summary.cellProblems.append(p) }
                        try rejects.append(p)
                        continue
                    case .skipped(let skipped):
                        summary.skipped += 1
                        summary.sheets[summary.sheets.count - 1].skipped += 1
                        if summary.skippedRows.count < maxProblemsShown { summary.skippedRows.append(skipped) }
                        continue
                    case .problem(let p):
                        problem = p
                    case .record(let row, let record, let cells):
                        switch try writer.write(record, row: row) {
                        case .success(.inserted): summary.inserted += 1
                        case .success(.updated): summary.updated += 1
                        case .success(.unchanged): summary.unchanged += 1
                        case .failure(var p):
                            // The reject file repeats the row so the clerk can fix it there.
                            if p.cells.isEmpty { p.cells = cells ?? [] }
                            problem = p
                        }
                    }
                    summary.rows += 1
                    summary.sheets[summary.sheets.count - 1].rows += 1
                    if var problem {
                        if multiple { problem.sheet = summary.sheets.last?.name }
                        summary.rejected += 1
                        summary.sheets[summary.sheets.count - 1].rejected += 1
                        if summary.problems.count < maxProblemsShown { summary.problems.append(problem) }
                        try rejects.append(problem)
                    }
                }
                if Date().timeIntervalSince(lastReport) > 0.2 {
                    progress(gauge.done, gauge.total)
                    lastReport = Date()
                }
            }
        }
        // All read: what remains (indexes of a first load, the commit) shows as "saving".
        progress(gauge.total, gauge.total)
        try writer.finish()
        summary.linked = writer.linked
        summary.rejectFile = try rejects.finish()
        summary.rejectFileMoved = summary.rejectFile != nil && rejects.moved
        summary.seconds = Date().timeIntervalSince(started)
        if options.strict && summary.rejected + summary.cellsRefused > 0 {
            let bad = summary.rejected + summary.cellsRefused
            var message = Message(ImportMessages.strictRefused, ["file": file, "bad": String(bad), "rows": String(summary.rows)])
            for (index, problem) in (summary.problems + summary.cellProblems).prefix(5).enumerated() {
                if index > 0 { message = message + Message(ImportMessages.listSeparator) }
                message = message + problem.worded
            }
            throw WorkflowError.invalidInput(
                message, hint: Message(ImportMessages.strictHint, ["rejects": summary.rejectFile ?? "*.rejects.csv"]))
        }
        try ImportLog.record(summary, kind: K.actionName, source: options.source, at: options.now, db: db)
        // The refused rows hold people too: a shred of the campaign destroys their file.
        if let rejects = summary.rejectFile, let campaign = options.campaign {
            try PersonalFiles.record([rejects], campaign: campaign, kind: "rejects", at: options.now, db: db)
        }
        return summary
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
        let multiple = job.plan.tables.count > 1
        // The first row of each key, as sheet << 40 | row (one word per entry, as many as a million).
        var firstRow: [K.Key: Int] = [:]
        // Sized for the file up front (ledger rows run 60–120 bytes) rather than grown by
        // rehashing a million keys several times over.
        firstRow.reserveCapacity(min(job.source.totalBytes / 80, 4_000_000))
        var batch: [ParsedRow<K.Record>] = []
        batch.reserveCapacity(batchSize)
        let sheetNames = job.plan.tables.map { job.source.tableNames[$0] }
        do {
            for (position, table) in job.plan.tables.enumerated() {
                let reader: any TableReader
                let header: DetectedHeader
                if position == 0 {
                    (reader, header) = (job.firstReader, job.firstHeader)
                } else {
                    reader = try job.source.reader(table: table)
                    guard let found = try HeaderFinder.find(in: reader, fields: K.fields, overrides: job.overrides,
                                                            file: job.file) else { continue }
                    guard SheetPlan.signature(found.cells) == SheetPlan.signature(job.firstHeader.cells) else {
                        throw WorkflowError.invalidInput(
                            Message(ImportFileMessages.changedWhileRead, ["sheet": sheetNames[position] ?? "", "file": job.file]),
                            hint: Message(ImportFileMessages.importAgain))
                    }
                    header = found
                }
                let sheetName = sheetNames[position]
                var layout = header.layout
                layout.groupLabels = job.groupLabels
                var place: String?
                if let field = job.plan.placeField, let sheetName {
                    layout = layout.adding(field, fields: K.fields)
                    place = sheetName
                }
                batch.append(.sheet(SheetSummary(name: sheetName, headerRow: header.row, description: header.description,
                                                 fieldFromName: place == nil ? nil : job.plan.placeField?.key)))
                let width = header.cells.count
                while var cells = try reader.next() {
                    if let place {
                        while cells.count < width { cells.append("") }
                        cells.append(place)
                    }
                    let row = RowCells(row: reader.row, cells: cells, layout: layout)
                    if let unreadable = reader.problem ?? Self.controlCharacters(in: cells) {
                        batch.append(.problem(RowProblem(row: row.row, column: layout.header(atColumn: unreadable.cell),
                                                         reason: unreadable.reason, cells: cells)))
                    } else {
                        switch K.parse(row) {
                        case .failure(let problem):
                            // Only a row that fails is asked whether it lists anyone: valid rows pay nothing.
                            if let skipped = Self.skipped(Array(cells.prefix(width)), row: row.row, layout: layout,
                                                          sheet: multiple ? sheetName : nil) {
                                batch.append(.skipped(skipped))
                            } else {
                                batch.append(.problem(problem))
                            }
                        case .success(let record):
                            let key = K.key(of: record)
                            if let first = firstRow.updateValue(position << 40 | row.row, forKey: key) {
                                firstRow[key] = first  // one hash lookup for the usual, new key; the first row stays
                                let (firstSheet, firstLine) = (first >> 40, first & (1 << 40 - 1))
                                let earlier = firstSheet == position || !multiple
                                    ? Message(ImportMessages.sameAsRow, ["row": String(firstLine)])
                                    : Message(ImportMessages.sameAsRowOfSheet,
                                              ["row": String(firstLine), "sheet": sheetNames[firstSheet] ?? ""])
                                batch.append(.problem(RowProblem(row: row.row, column: layout.header(for: K.fields[0].key, fields: K.fields),
                                                                 reason: earlier, cells: cells)))
                            } else {
                                batch.append(.record(row: row.row, record, cells: K.writerMayRefuse ? cells : nil))
                                for refused in K.refusedCells(of: record) {
                                    batch.append(.cellRefused(RowProblem(row: row.row, column: layout.header(for: refused.field, fields: K.fields),
                                                                         reason: refused.reason, cells: cells)))
                                }
                            }
                        }
                    }
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

/// How far the reader thread is through the file, for the progress bar: sheets read so far and
/// the part of the current one.
final class ProgressGauge: @unchecked Sendable {
    let total: Int
    private let lock = NSLock()
    private var value = 0

    init(total: Int) {
        self.total = total
    }

    var done: Int { lock.withLock { value } }

    /// `bytesRead` is the reader's own progress over the whole file's size.
    func update(sheet: Int, of sheets: Int, bytesRead: Int) {
        let share = sheets > 1 ? (sheet * total + bytesRead) / sheets : bytesRead
        lock.withLock { value = min(total, share) }
    }
}

/// A bounded hand-over between the reader thread and the writer: the reader blocks when the
/// writer is behind, so memory stays at a few batches whatever the file size.
final class BatchChannel<Record: Sendable>: @unchecked Sendable {
    typealias Batch = Result<[ImportRunner.ParsedRow<Record>], any Error>
    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var closed = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// False when the consumer gave up (the import failed): the producer stops.
    func put(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    func take() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !closed { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        closed = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

