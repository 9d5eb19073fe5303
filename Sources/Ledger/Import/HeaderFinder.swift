import Foundation
import Workflow

/// The header row of a sheet as county offices lay them out: a title (often a merged cell) and
/// lines such as 填报单位：城关镇 above it, then the headers. The header is the first row, among the
/// first `rowsSearched`, that has a column for every required field; the lines above it become the
/// sheet's description. Only these few rows are read, so a million-row file costs nothing more.
struct DetectedHeader: Sendable {
    /// The spreadsheet row number of the header.
    let row: Int
    let cells: [String]
    /// The non-empty rows above the header, each as its cells joined by spaces.
    let description: [String]
    let layout: ColumnLayout
}

enum HeaderFinder {
    static let rowsSearched = 20

    /// Reads up to the header row and resolves the columns; nil when the sheet has no rows at all.
    /// Throws when none of the first rows has every required column, naming the row that came closest.
    static func find(in reader: any TableReader, fields: [FieldSpec], overrides: [String: String],
                     file: String) throws -> DetectedHeader? {
        var above: [(row: Int, cells: [String])] = []
        var closest: (row: Int, cells: [String], matched: Int)?
        while above.count < rowsSearched, let cells = try reader.next() {
            let matched = ColumnLayout.fieldsMatched(by: cells, fields: fields, overrides: overrides)
            let required = fields.filter(\.required).map(\.key)
            if !matched.isEmpty && required.allSatisfy(matched.contains) {
                if let problem = reader.problem {
                    throw WorkflowError.invalidInput(LedgerMessages.headerCell(["file": file, "row": "\(reader.row)",
                                                                                "column": "\(problem.cell + 1)"])
                                                     + problem.reason)
                }
                let layout = try ColumnLayout.resolve(header: cells, fields: fields, overrides: overrides,
                                                      file: file, headerRow: reader.row)
                let description = above.map { $0.cells.filter { !$0.isEmpty }.joined(separator: " ") }
                    .filter { !$0.isEmpty }
                return DetectedHeader(row: reader.row, cells: cells, description: description, layout: layout)
            }
            if matched.count > (closest?.matched ?? 0) { closest = (reader.row, cells, matched.count) }
            above.append((reader.row, cells))
        }
        guard let first = above.first else { return nil }
        // No row qualifies: explain against the row that came closest (or the first row).
        let best = closest ?? (first.row, first.cells, 0)
        _ = try ColumnLayout.resolve(header: best.cells, fields: fields, overrides: overrides, file: file,
                                     headerRow: best.row, searchedRows: above.count)
        throw WorkflowError.internal("\(file): row \(best.row) was taken as the header and then refused")
    }
}
