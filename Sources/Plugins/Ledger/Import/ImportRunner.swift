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
    /// Any bad row aborts the whole import, writing nothing.
    public var strict: Bool
    /// Recorded as the source of new and changed records (the file name, or "walk-in").
    public var source: String
    /// How people came to the campaign: "import" or "walk-in".
    public var channel: String
    public var now: Date

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

public struct ImportSummary: Sendable {
    public var file: String
    public var format: String
    public var rows = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    /// People registered (or enterprises and postings linked) to the campaign by this import.
    public var linked = 0
    public var rejectFile: String?
    /// True when the input's folder was read-only and the reject file went beside the workspace.
    public var rejectFileMoved = false
    /// The first problems, for the terminal; all of them are in the reject file.
    public var problems: [RowProblem] = []
    public var seconds = 0.0
    /// A first, city-wide load written through a rollback journal rather than the WAL (see
    /// `ImportKind.importFile(file:options:pool:progress:)`).
    public var bulkLoad = false

    public var outputs: [String: Value] {
        var o: [String: Value] = ["rows": .int(rows), "inserted": .int(inserted), "updated": .int(updated),
                                  "unchanged": .int(unchanged), "rejected": .int(rejected), "linked": .int(linked)]
        if let rejectFile { o["reject_file"] = .string(rejectFile) }
        return o
    }
}

/// Runs an import: a reader thread parses and validates rows while the calling thread writes
/// them in the surrounding transaction — both cores busy, memory bounded by a few batches.
enum ImportRunner {
    static let batchSize = 2048
    static let maxProblemsShown = 20

    /// Opens a CSV or XLSX file and reads its header row.
    static func open(_ url: URL, options: ImportOptions) throws -> (any TableReader, header: [String], format: String) {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw WorkflowError.unavailable("file '\(url.path)' does not exist", hint: "check the path")
        }
        let reader: any TableReader
        let format: String
        switch url.pathExtension.lowercased() {
        case "xlsx", "xlsm":
            let xlsx = try XLSXReader(url: url, sheet: options.sheet)
            reader = xlsx
            format = "XLSX, sheet '\(xlsx.sheetName)'"
        case "xls":
            throw WorkflowError.invalidInput("'\(url.lastPathComponent)' is an old-style .xls workbook",
                                             hint: "save it as .xlsx (Excel/WPS: Save As → Excel Workbook) or as CSV")
        default:
            let csv = try CSVReader(url: url, encoding: options.encoding)
            reader = csv
            format = "CSV, \(csv.encoding.rawValue)"
        }
        guard let header = try reader.next() else {
            throw WorkflowError.invalidInput("'\(url.lastPathComponent)' is empty", hint: "the first row must hold the column headers")
        }
        if let problem = reader.problem {
            throw WorkflowError.invalidInput("\(url.lastPathComponent): the header row (row \(reader.row)), column "
                                             + "\(problem.cell + 1): \(problem.reason)")
        }
        return (reader, header, format)
    }

    static func run<K: LedgerKind>(_ kind: K, file url: URL, options: ImportOptions, db: Database,
                                   progress: @escaping (Int, Int) -> Void = { _, _ in }) throws -> ImportSummary {
        let started = Date()
        let (reader, header, format) = try open(url, options: options)
        let layout = try ColumnLayout.resolve(header: header, fields: K.fields, overrides: options.columns,
                                              file: url.lastPathComponent)
        var summary = ImportSummary(file: url.path, format: format)
        var writer = try kind.makeWriter(db, options: options)
        var rejects = RejectFile(input: url, header: header, fallbackFolder: db.workspaceFolder)
        defer { rejects.close() }

        let channel = BatchChannel<K.Record>(capacity: 8)
        let producer = Thread {
            Self.produce(kind: K.self, reader: reader, layout: layout, channel: channel)
        }
        producer.stackSize = 1 << 20
        producer.start()
        defer { channel.cancel() }

        var lastReport = Date()
        while let batch = channel.take() {
            switch batch {
            case .failure(let error):
                throw error
            case .success(let rows):
                for parsed in rows {
                    summary.rows += 1
                    var problem: RowProblem?
                    switch parsed {
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
                    if let problem {
                        summary.rejected += 1
                        if summary.problems.count < maxProblemsShown { summary.problems.append(problem) }
                        try rejects.append(problem)
                    }
                }
                if Date().timeIntervalSince(lastReport) > 0.2 {
                    progress(reader.bytesRead, reader.totalBytes)
                    lastReport = Date()
                }
            }
        }
        // All read: what remains (indexes of a first load, the commit) shows as "saving".
        progress(reader.totalBytes, reader.totalBytes)
        try writer.finish()
        summary.linked = writer.linked
        summary.rejectFile = try rejects.finish()
        summary.rejectFileMoved = summary.rejectFile != nil && rejects.moved
        summary.seconds = Date().timeIntervalSince(started)
        if options.strict && summary.rejected > 0 {
            throw WorkflowError.invalidInput(
                "\(url.lastPathComponent): \(summary.rejected) of \(summary.rows) rows are invalid, so nothing was "
                    + "imported (--strict): " + summary.problems.prefix(5).map(\.summary).joined(separator: "; "),
                hint: "fix the rows listed in \(summary.rejectFile ?? "the reject file") and import again, "
                    + "or import without --strict to keep the valid rows")
        }
        return summary
    }

    /// The first cell holding a control character or the replacement character, as a problem of
    /// its row: neither is ever stored in the ledger.
    static func controlCharacters(in cells: [String]) -> CellProblem? {
        if let index = cells.firstIndex(where: CellText.hasControlCharacters) {
            return CellProblem(cell: index, reason: "this cell holds control characters (such as NUL) that no text has; "
                               + "the file may be damaged or not a spreadsheet export — retype the cell")
        }
        if let index = cells.firstIndex(where: CellText.hasReplacementCharacter) {
            return CellProblem(cell: index, reason: "this cell holds '\u{FFFD}', the mark text garbled by a wrong encoding "
                               + "leaves; retype the cell, or export the file again (for a CSV, try --encoding gb18030)")
        }
        return nil
    }

    enum ParsedRow<Record: Sendable>: Sendable {
        /// The cells are kept only for kinds whose writer may refuse a valid row (see `LedgerKind`).
        case record(row: Int, Record, cells: [String]?)
        case problem(RowProblem)
    }

    /// The reader thread: parse, validate, catch duplicates, hand over in batches.
    private static func produce<K: LedgerKind>(kind: K.Type, reader: any TableReader, layout: ColumnLayout,
                                               channel: BatchChannel<K.Record>) {
        var firstRow: [K.Key: Int] = [:]
        // Sized for the file up front (ledger rows run 60–120 bytes) rather than grown by
        // rehashing a million keys several times over.
        firstRow.reserveCapacity(min(reader.totalBytes / 80, 4_000_000))
        var batch: [ParsedRow<K.Record>] = []
        batch.reserveCapacity(batchSize)
        do {
            while let cells = try reader.next() {
                let row = RowCells(row: reader.row, cells: cells, layout: layout)
                if let unreadable = reader.problem ?? Self.controlCharacters(in: cells) {
                    batch.append(.problem(RowProblem(row: row.row, column: layout.header(atColumn: unreadable.cell),
                                                     reason: unreadable.reason, cells: cells)))
                } else {
                    switch K.parse(row) {
                    case .failure(let problem):
                        batch.append(.problem(problem))
                    case .success(let record):
                        let key = K.key(of: record)
                        if let first = firstRow.updateValue(row.row, forKey: key) {
                            firstRow[key] = first  // one hash lookup for the usual, new key; the first row stays
                            batch.append(.problem(RowProblem(row: row.row, column: layout.header(for: K.fields[0].key, fields: K.fields),
                                                             reason: "the same \(K.noun) as row \(first) (kept row \(first))",
                                                             cells: cells)))
                        } else {
                            batch.append(.record(row: row.row, record, cells: K.writerMayRefuse ? cells : nil))
                        }
                    }
                }
                if batch.count == batchSize {
                    guard channel.put(.success(batch)) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { _ = channel.put(.success(batch)) }
        } catch {
            _ = channel.put(.failure(error))
        }
        channel.close()
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

