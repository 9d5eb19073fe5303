import BuiltinPlugins
import CampaignTesting
import Foundation
import Ledger
import Workflow
import WorkflowTesting

/// `campaign-bench import [--rows N]`: a generated people ledger imported with full validation,
/// end to end (read, decode, validate, deduplicate, write, register), against the sqlite3 shell's
/// `.import` of the same file into a plain table — the floor.
enum ImportBenchmark {
    static func run(rows: Int) async throws {
        let dir = try TemporaryDirectory()
        let csv = dir.url.appendingPathComponent("people.csv")
        print("import benchmark — \(rows) generated people, UTF-8 CSV, full validation, registration to a campaign")
        let genStart = Date()
        var generator = LedgerGenerator(seed: 7)
        try generator.writePeopleCSV(to: csv, count: rows)
        // On disk before timing, as a clerk's file is: otherwise the kernel writes it back during
        // the import and the import's own syncs wait behind it.
        let written = try FileHandle(forUpdating: csv)
        try written.synchronize()
        try written.close()
        let size = (try FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int) ?? 0
        print(String(format: "generated %.1f MB in %.1f s (not timed below)\n", Double(size) / 1e6,
                     Date().timeIntervalSince(genStart)))

        let workspace = try Workspace(path: dir.databasePath, registry: BenchSupport.registry)
        try await BenchSupport.startCampaign("bench", in: workspace)
        let rssBefore = peakRSS()
        var firstSeconds = 0.0
        for (label, expectNew) in [("first import", true), ("same file again (idempotent)", false)] {
            let options = ImportOptions(campaign: "bench", source: "people.csv", now: Date())
            let start = Date()
            let summary = try await ImportKind.people.importFile(csv, options: options, pool: workspace.pool)
            let seconds = Date().timeIntervalSince(start)
            if expectNew { firstSeconds = seconds }
            guard summary.rows == rows, summary.rejected == 0, (summary.inserted == rows) == expectNew else {
                throw WorkflowError.internal("unexpected import result: \(summary)")
            }
            print(String(format: "%@: %.2f s — %.0f rows/s (%d new, %d unchanged, %d registered%@)", label, seconds,
                         Double(rows) / seconds, summary.inserted, summary.unchanged, summary.linked,
                         summary.bulkLoad ? "; first load, through a rollback journal" : ""))
        }
        print(String(format: "peak memory (max RSS of the process): %.0f MB (%.0f MB before importing)",
                     Double(peakRSS()) / 1024, Double(rssBefore) / 1024))

        let seconds = try BenchSupport.sqliteImport(csv, into: dir.url.appendingPathComponent("floor.sqlite").path, rows: rows)
        print(String(format: "sqlite3 shell .import into a plain table (no validation, no index): %.2f s — %.0f rows/s",
                     seconds, Double(rows) / seconds))
        BenchFigures.record("import.csv", seconds / max(firstSeconds, 1e-9), .higher, target: 0.8,
                            meaning: "sqlite3's `.import` of the CSV ÷ the import's time (full validation, registration)")
        BenchFigures.record("import.csv-peak-mb", Double(peakRSS()) / 1024, .lower, target: 150,
                            meaning: "the import's peak memory, MB (absolute: the issue's limit)")
    }

    /// Peak resident memory of this process, in KiB.
    static func peakRSS() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }
}
