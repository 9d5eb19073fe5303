import CampaignTesting
import CXlsxWriter
import Foundation
import Ledger
import Workflow
import WorkflowTesting

/// `campaign-bench import-xlsx [--rows N]`: a generated people ledger written as an .xlsx workbook
/// (by libxlsxwriter, every cell text, as a clerk's sheet with its ID column formatted as text) and
/// imported, to show the workbook is streamed: the peak memory stays bounded whatever the rows.
enum XLSXImportBenchmark {
    static func run(rows: Int) async throws {
        let dir = try TemporaryDirectory()
        let url = dir.url.appendingPathComponent("people.xlsx")
        let started = Date()
        try write(rows: rows, to: url)
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        print(String(format: "xlsx import benchmark — %d generated people, a %.1f MB workbook written in %.1f s (not timed)",
                     rows, Double(size) / 1e6, Date().timeIntervalSince(started)))
        let workspace = try Workspace(path: dir.databasePath, registry: BenchSupport.registry)
        try await BenchSupport.startCampaign("bench", in: workspace)
        let before = ImportBenchmark.peakRSS()
        let importStarted = Date()
        let summary = try await ImportKind.people.importFile(url, options: ImportOptions(campaign: "bench", source: "people.xlsx",
                                                                                         now: Date()),
                                                             pool: workspace.pool)
        let seconds = Date().timeIntervalSince(importStarted)
        guard summary.rows == rows, summary.rejected == 0, summary.inserted == rows else {
            throw WorkflowError.internal("unexpected import result: \(summary)")
        }
        print(String(format: "imported %d rows in %.2f s — %.0f rows/s", rows, seconds, Double(rows) / seconds))
        let peak = Double(ImportBenchmark.peakRSS()) / 1024
        print(String(format: "peak memory (max RSS of the process): %.0f MB (%.0f MB before importing)", peak, Double(before) / 1024))
        // Kept beside the CSV's so a change that holds more of the sheet at once is seen; it swings by
        // about 30 MB from run to run (148–179 MB in four runs of one build on 2026-12-07; 145 MB with
        // MALLOC_ARENA_MAX=1: the swing is glibc's per-thread arenas, the sheet read on a thread of its own).
        BenchFigures.record("import.xlsx-peak-mb", peak, .lower,
                            meaning: "the .xlsx import's peak memory, MB (absolute; 167 MB when #39 was filed)")
        // The floor: the same rows as a CSV, imported into a workspace of their own in this run.
        let csv = dir.url.appendingPathComponent("people.csv")
        var generator = LedgerGenerator(seed: 7)
        try generator.writePeopleCSV(to: csv, count: rows)
        let plain = try Workspace(path: dir.url.appendingPathComponent("csv.sqlite").path, registry: BenchSupport.registry)
        try await BenchSupport.startCampaign("bench", in: plain)
        let csvStarted = Date()
        let csvSummary = try await ImportKind.people.importFile(csv, options: ImportOptions(campaign: "bench", source: "people.csv", now: Date()),
                                                                pool: plain.pool)
        let csvSeconds = Date().timeIntervalSince(csvStarted)
        guard csvSummary.inserted == rows else { throw WorkflowError.internal("the CSV floor imported \(csvSummary.inserted) of \(rows)") }
        print(String(format: "the same rows as CSV: %.2f s", csvSeconds))
        BenchFigures.record("import.xlsx", seconds / max(csvSeconds, 1e-9), .lower, target: 2,
                            meaning: "the .xlsx import's time ÷ the same rows' as CSV")
    }

    /// Writes the rows with libxlsxwriter's constant-memory mode (rows go to disk as they are written).
    static func write(rows: Int, to url: URL) throws {
        var options = lxw_workbook_options(constant_memory: UInt8(LXW_TRUE.rawValue), tmpdir: nil,
                                           use_zip64: UInt8(LXW_TRUE.rawValue))
        guard let workbook = workbook_new_opt(url.path, &options), let sheet = workbook_add_worksheet(workbook, "台账") else {
            throw WorkflowError.unavailable("cannot create \(url.path)")
        }
        for (column, header) in LedgerGenerator.peopleHeader.enumerated() {
            worksheet_write_string(sheet, 0, lxw_col_t(column), header, nil)
        }
        var generator = LedgerGenerator(seed: 7)
        for row in 1...max(1, rows) {
            for (column, cell) in generator.personRow().enumerated() where !cell.isEmpty {
                worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), cell, nil)
            }
        }
        guard workbook_close(workbook) == LXW_NO_ERROR else { throw WorkflowError.unavailable("cannot write \(url.path)") }
    }
}
