import Foundation
import GRDB
import Workflow

extension ImportRunner {
    /// The writer's side of an import: each row the reader thread parsed is written (or refused),
    /// counted in the summary and its sheet, and a refused row or cell goes to the reject file with
    /// its reason; the summary keeps the first problems for the terminal.
    struct Intake {
        /// Several sheets: a problem names its sheet.
        let multiple: Bool

        func absorb<W: LedgerWriter>(_ parsed: ParsedRow<W.Record>, into summary: inout ImportSummary, writer: inout W,
                                   rejects: inout RejectFile) throws {
            var problem: RowProblem?
            switch parsed {
            case .sheet(let sheet):
                summary.sheets.append(sheet)
                return
            case .cellRefused(var p):
                if multiple { p.sheet = summary.sheets.last?.name }
                summary.cellsRefused += 1
                if summary.cellProblems.count < maxProblemsShown { summary.cellProblems.append(p) }
                try rejects.append(p)
                return
            case .skipped(let skipped):
                summary.skipped += 1
                summary.sheets[summary.sheets.count - 1].skipped += 1
                if summary.skippedRows.count < maxProblemsShown { summary.skippedRows.append(skipped) }
                return
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
            guard var problem else { return }
            if multiple { problem.sheet = summary.sheets.last?.name }
            summary.rejected += 1
            summary.sheets[summary.sheets.count - 1].rejected += 1
            if summary.problems.count < maxProblemsShown { summary.problems.append(problem) }
            try rejects.append(problem)
        }
    }
}
