import Foundation
import Workflow

extension ImportRunner {
    /// The reader thread's side of an import: each row of each sheet read against the sheet's
    /// header, parsed and validated by its kind, refused when it repeats a key met before (in any
    /// sheet), set aside when it lists no one.
    struct RowParser<K: LedgerKind> {
        let job: SheetJob
        let multiple: Bool
        let sheetNames: [String?]
        /// The first row of each key, as sheet << 40 | row (as many as a million).
        private var firstRow: FirstRows<K.Key>
        private var position = 0
        private var layout: ColumnLayout
        private var width = 0
        /// The township the sheet's name gives, when its rows have no column for it.
        private var place: String?

        init(job: SheetJob) {
            self.job = job
            multiple = job.plan.tables.count > 1
            sheetNames = job.plan.tables.map { job.source.tableNames[$0] }
            layout = job.firstHeader.layout
            // Sized for the file up front (ledger rows run 60–120 bytes) rather than grown by
            // rehashing a million keys several times over.
            firstRow = FirstRows(expected: min(job.source.totalBytes / 80, 4_000_000))
        }

        /// The sheet the next rows come from; its summary, to hand over before them.
        mutating func begin(sheet position: Int, header: DetectedHeader) -> SheetSummary {
            self.position = position
            let sheetName = sheetNames[position]
            layout = header.layout
            layout.groupLabels = job.groupLabels
            place = nil
            if let field = job.plan.placeField, let sheetName {
                layout = layout.adding(field, fields: K.fields)
                place = sheetName
            }
            width = header.cells.count
            return SheetSummary(name: sheetName, headerRow: header.row, description: header.description,
                                fieldFromName: place == nil ? nil : job.plan.placeField?.key)
        }

        /// One row: a record (and any cell refused in it), a problem, or a row that lists no one.
        mutating func parse(_ cells: [String], row number: Int, problem unreadable: CellProblem?,
                            into batch: inout [ParsedRow<K.Record>]) {
            var cells = cells
            if let place {
                while cells.count < width { cells.append("") }
                cells.append(place)
            }
            let row = RowCells(row: number, cells: cells, layout: layout)
            if let unreadable = unreadable ?? ImportRunner.controlCharacters(in: cells) {
                batch.append(.problem(RowProblem(row: row.row, column: layout.header(atColumn: unreadable.cell),
                                                 reason: unreadable.reason, cells: cells)))
                return
            }
            switch K.parse(row) {
            case .failure(let problem):
                // Only a row that fails is asked whether it lists anyone: valid rows pay nothing.
                if let skipped = ImportRunner.skipped(Array(cells.prefix(width)), row: row.row, layout: layout,
                                                      sheet: multiple ? sheetNames[position] : nil) {
                    batch.append(.skipped(skipped))
                } else {
                    batch.append(.problem(problem))
                }
            case .success(let record):
                accept(record, row: row.row, cells: cells, into: &batch)
            }
        }

        /// A valid record, unless its key was met before: then a problem naming the first row.
        private mutating func accept(_ record: K.Record, row: Int, cells: [String], into batch: inout [ParsedRow<K.Record>]) {
            let key = K.key(of: record)
            if let first = firstRow.insertFirst(key, position << 40 | row) {
                let (firstSheet, firstLine) = (first >> 40, first & (1 << 40 - 1))
                let earlier = firstSheet == position || !multiple
                    ? Message(ImportMessages.sameAsRow, ["row": String(firstLine)])
                    : Message(ImportMessages.sameAsRowOfSheet, ["row": String(firstLine), "sheet": sheetNames[firstSheet] ?? ""])
                batch.append(.problem(RowProblem(row: row, column: layout.header(for: K.fields[0].key, fields: K.fields),
                                                 reason: earlier, cells: cells)))
                return
            }
            batch.append(.record(row: row, record, cells: K.writerMayRefuse ? cells : nil))
            for refused in K.refusedCells(of: record) {
                batch.append(.cellRefused(RowProblem(row: row, column: layout.header(for: refused.field, fields: K.fields),
                                                     reason: refused.reason, cells: cells)))
            }
        }
    }
}
