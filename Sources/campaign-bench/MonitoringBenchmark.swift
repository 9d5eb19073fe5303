import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Ledger
import Workflow
import WorkflowTesting

/// `campaign-bench monitoring [--people N] [--months N]`: a year of monthly employment monitoring — N
/// monitored workers in the ledger (100,000 by default), one county sheet a month (12), each month
/// some change (a twentieth lose work, a twentieth go out of province, a twentieth come home) —
/// each month run as a campaign of the sample's steps (`monitoring.month`, `monitoring.import-sheet`,
/// `monitoring.compare`) through the engine, timed beside its floor: the sqlite3 shell's `.import` of the
/// same sheet into a plain table (another program's, so the floor does not move with our own reader).
/// Exits 70 when a month's figures differ from the generator's.
enum MonitoringBenchmark {
    struct Worker {
        var area: String        // "" at home, 县内, 省内县外, 省外
        var wish: Bool
    }

    static func run(people: Int, months: Int) async throws {
        let dir = try TemporaryDirectory()
        print("monitoring benchmark — \(people.formatted()) monitored workers, \(months) monthly sheets")
        var generator = LedgerGenerator(seed: 17)
        let ledger = dir.url.appendingPathComponent("people.csv")
        try generator.writePeopleCSV(to: ledger, count: people)
        let workspace = try Workspace(path: dir.databasePath, registry: BenchSupport.registry)
        _ = try await ImportKind.people.importFile(ledger, options: ImportOptions(source: "people.csv", now: Date()),
                                                   pool: workspace.pool)
        let ids = try await workspace.pool.read { db in try String.fetchAll(db, sql: "SELECT id_number FROM person ORDER BY id") }
        var random = SplitMix64(seed: 5)
        func roll(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        var workers = ids.map { _ in Worker(area: ["", "县内", "省内县外", "省外", "省外"][roll(5)], wish: roll(2) == 0) }
        let engine = Engine(registry: BenchSupport.registry, workspace: workspace, clock: SystemClock(),
                            options: EngineOptions(waitHorizon: .zero))
        var ratios: [Double] = [], seconds: [Double] = [], floors: [Double] = []
        for m in 1...months {
            let month = String(format: "%04d-%02d", 2025 + (m - 1) / 12, (m - 1) % 12 + 1)
            var before = workers
            if m > 1 {
                for i in workers.indices {
                    switch roll(20) {
                    case 0: workers[i].area = ""
                    case 1: workers[i].area = "省外"
                    case 2: workers[i].area = "县内"
                    default: break
                    }
                }
            } else {
                before = []
            }
            let sheet = dir.url.appendingPathComponent("\(month).csv")
            var text = "身份证号,是否务工,务工地域,外出时间,就业意愿\n"
            text.reserveCapacity(ids.count * 44)
            for (id, w) in zip(ids, workers) {
                text += "\(id),\(w.area.isEmpty ? "否" : "是"),\(w.area),,\(w.area.isEmpty && w.wish ? "有" : "")\n"
            }
            try Data(text.utf8).write(to: sheet)

            // The floor is another program's (the sqlite3 shell's `.import` of the sheet): a floor of our own
            // code — our CSV reader reading it, until 2026-12 — moved with every change to that reader.
            let floor = try BenchSupport.sqliteImport(sheet, into: dir.url.appendingPathComponent("floor-\(m).sqlite").path,
                                                      rows: ids.count)
            var start = Date()
            let reader = try CSVReader(url: sheet, encoding: .utf8)
            var read = 0
            while try reader.next() != nil { read += 1 }
            let readSeconds = Date().timeIntervalSince(start)

            let yaml = try dir.write("m\(m).yaml", """
                name: monitoring-\(month)
                kind: monitoring
                steps:
                  - { id: month, uses: monitoring.month, with: { month: "\(month)" } }
                  - { id: sheet, needs: month, uses: monitoring.import-sheet, with: { file: \(month).csv } }
                  - { id: compare, needs: sheet, uses: monitoring.compare }
                """)
            start = Date()
            let run = try await engine.start(try Validator(registry: BenchSupport.registry).validate(path: yaml))
            let elapsed = Date().timeIntervalSince(start)
            let outputs = run.steps.first { $0.stepId == "compare" }?.outputs ?? [:]
            let expectedWorking = workers.filter { !$0.area.isEmpty }.count
            let expectedUnemployed = before.isEmpty ? 0 : zip(before, workers).filter { !$0.0.area.isEmpty && $0.1.area.isEmpty }.count
            guard read == ids.count + 1, run.run.status == .completed, outputs["monitored"] == .int(ids.count),
                  outputs["working"] == .int(expectedWorking), outputs["newly_unemployed"] == .int(expectedUnemployed) else {
                FileHandle.standardError.write(Data("month \(month): \(run.run.status) \(outputs) — expected working \(expectedWorking), newly unemployed \(expectedUnemployed)\n".utf8))
                exit(70)
            }
            func took(_ step: String) -> String {
                guard let s = run.steps.first(where: { $0.stepId == step }), let a = s.startedAt, let b = s.finishedAt else { return "?" }
                return String(format: "%.2f", b.timeIntervalSince(a))
            }
            print("    import \(took("sheet")) s, compare \(took("compare")) s")
            seconds.append(elapsed)
            floors.append(floor)
            ratios.append(elapsed / max(floor, 1e-6))
            print("  \(month): imported and compared in \(String(format: "%.2f", elapsed)) s — the sqlite3 shell's .import of the sheet "
                  + "\(String(format: "%.3f", floor)) s (\(String(format: "%.1f", elapsed / max(floor, 1e-6)))× the floor), our reader "
                  + "reading it \(String(format: "%.3f", readSeconds)) s; "
                  + "working \(expectedWorking.formatted()), newly unemployed \(expectedUnemployed.formatted())")
        }
        let sorted = seconds.sorted()
        print("a month: median \(String(format: "%.2f", sorted[sorted.count / 2])) s, slowest \(String(format: "%.2f", sorted.last!)) s; "
              + "median \(String(format: "%.1f", ratios.sorted()[ratios.count / 2]))× the floor (the sqlite3 shell's .import of the "
              + "sheet: median \(String(format: "%.3f", floors.sorted()[floors.count / 2])) s)")
        BenchFigures.record("monitoring.month", ratios.sorted()[ratios.count / 2], .lower,
                            meaning: "a month's sheet imported and compared ÷ the sqlite3 shell's `.import` of it (median month)")
    }
}
