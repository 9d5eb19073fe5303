import Workflow

/// What an import did: rows read, inserted, updated, unchanged, refused and skipped, per sheet and in
/// all, the first problems for the terminal, and where the reject file went.
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
