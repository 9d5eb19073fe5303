import Foundation
import GRDB
import Testing
import WorkflowTesting

/// Kill -9 at many points of a run; `resume` must finish it with exactly the rows of an
/// uninterrupted run — none twice, none missing.
@Suite struct CrashTests {
    /// 240 journal steps in a DAG of width 4 (step i needs step i-4), each writing one row.
    static let definition: String = {
        var lines = ["name: crash", "steps:"]
        for i in 0..<240 {
            lines.append("  - id: s\(i)")
            lines.append("    uses: core.log")
            if i >= 4 { lines.append("    needs: s\(i - 4)") }
            lines.append("    with: { message: \"row \(i) of ${{ vars.place }}\" }")
        }
        lines.insert("vars: { place: 城关镇 }", at: 1)
        return lines.joined(separator: "\n") + "\n"
    }()

    struct Snapshot: Equatable {
        var journal: [String]
        var steps: [String]
        var runStatus: String?
    }

    static func snapshot(_ path: String) throws -> Snapshot {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            Snapshot(
                journal: try String.fetchAll(db, sql: """
                    SELECT step_id || '|' || level || '|' || message FROM core_log ORDER BY step_id, id
                    """),
                steps: try String.fetchAll(db, sql: """
                    SELECT step_id || '|' || status || '|' || attempt || '|' || coalesce(outputs_json, '')
                        || '|' || coalesce(item_json, '') || '|' || coalesce(fan_out, '')
                    FROM workflow_step ORDER BY position, item_number
                    """),
                runStatus: try String.fetchOne(db, sql: "SELECT status FROM workflow_run"))
        }
    }

    /// Rows written before the kill: 0 when the run was not even created yet.
    static func rowsBeforeResume(_ path: String) -> Int {
        guard FileManager.default.fileExists(atPath: path), let queue = try? DatabaseQueue(path: path) else { return 0 }
        return (try? queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM core_log") ?? 0 }) ?? 0
    }

    /// Polls until `condition` holds or the process ends.
    static func waitUntil(_ process: Process, _ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline, !condition() { Thread.sleep(forTimeInterval: 0.0005) }
    }

    /// Whether the workspace holds the run yet (read-only, from outside).
    static func runRecorded(_ path: String) -> Bool {
        var configuration = Configuration()
        configuration.readonly = true
        guard FileManager.default.fileExists(atPath: path),
              let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return false }
        return ((try? queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM workflow_run") }) ?? 0) > 0
    }

    /// Polls the run's journal (read-only, from outside) until it holds `count` rows.
    static func waitForRows(in path: String, atLeast count: Int, while process: Process) {
        var configuration = Configuration()
        configuration.readonly = true
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline {
            if FileManager.default.fileExists(atPath: path),
               let queue = try? DatabaseQueue(path: path, configuration: configuration),
               let rows = try? queue.read({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM core_log") }),
               rows >= count {
                return
            }
            Thread.sleep(forTimeInterval: 0.001)
        }
    }

    /// A 100-instance fan-out between two steps: instances run eight at a time, each writing one row.
    static let fanOutDefinition: String = {
        let towns = (1...100).map { "t\($0)" }.joined(separator: ", ")
        return """
            name: crash
            vars: { towns: [\(towns)] }
            steps:
              - id: first
                uses: core.log
                with: { message: before }
              - id: each
                needs: first
                for_each: ${{ vars.towns }}
                max-parallel: 8
                uses: core.log
                with: { message: "row for ${{ item }}" }
              - id: last
                needs: each
                uses: core.log
                with: { message: "after ${{ steps.each.outputs.message }}" }

            """
    }()

    @Test(.timeLimit(.minutes(5))) func killedAnywhereResumeCompletesExactlyOnce() throws {
        try killAndResume(definition: Self.definition, rows: 240, kills: 24)
    }

    /// Every instance of a fan-out exactly once, whatever moment the process is killed at.
    @Test(.timeLimit(.minutes(5))) func killedDuringAFanOutEveryInstanceRunsExactlyOnce() throws {
        try killAndResume(definition: Self.fanOutDefinition, rows: 102, kills: 14)
    }

    func killAndResume(definition: String, rows: Int, kills: Int) throws {
        let dir = try TemporaryDirectory()
        let yaml = try dir.write("crash.yaml", definition)

        // The reference: one uninterrupted run, timed to spread the kills over its length.
        let reference = CLIRunner(directory: dir)
        let began = Date()
        let clean = try reference.run("start", yaml, env: ["CAMPAIGN_DB": dir.url.appendingPathComponent("reference.sqlite").path])
        let runTime = Date().timeIntervalSince(began)
        #expect(clean.status == 0, "\(clean.stderr)")
        let expected = try Self.snapshot(dir.url.appendingPathComponent("reference.sqlite").path)
        #expect(expected.journal.count == rows)
        #expect(expected.runStatus == "completed")

        // Kill points: three at start-up (at once, once the workspace file appears, once the run is
        // recorded), the rest when the run has written a chosen number of rows, spread over the whole
        // run — whatever the machine's load.
        let spacing = max(1, rows / (kills - 2))
        var landedMidRun = 0
        for k in 0..<kills {
            let db = dir.url.appendingPathComponent("killed-\(k).sqlite").path
            let env = ["CAMPAIGN_DB": db]
            let cli = CLIRunner(directory: dir)
            let process = cli.process(["start", yaml], extraEnvironment: env)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            switch k {
            case 0: break                                                   // at once: before anything
            case 1: Self.waitUntil(process) { FileManager.default.fileExists(atPath: db) }   // the workspace opening
            case 2: Self.waitUntil(process) { Self.runRecorded(db) }         // the run just recorded
            default: Self.waitForRows(in: db, atLeast: (k - 3) * spacing + 1, while: process)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let before = Self.rowsBeforeResume(db)
            if before > 0 && before < rows { landedMidRun += 1 }

            var resumed = try cli.run("resume", "crash", env: env)
            if resumed.status == 64 || resumed.status == 69 {
                // Killed before the run was recorded: the organizer simply starts it.
                resumed = try cli.run("start", yaml, env: env)
            }
            #expect(resumed.status == 0, "kill \(k): \(resumed.stdout) \(resumed.stderr)")
            let actual = try Self.snapshot(db)
            #expect(actual == expected, "kill \(k) after \(before) rows: the resumed run differs from the reference")
            #expect(Set(actual.journal).count == actual.journal.count, "kill \(k): a row was written twice")
        }
        print("crash test (\(rows) rows): uninterrupted run \(Int(runTime * 1000)) ms; \(landedMidRun) of \(kills) kills landed mid-run")
        // The kills must actually have interrupted runs in the middle, or the test proves nothing.
        #expect(landedMidRun >= kills / 2, "only \(landedMidRun) of \(kills) kills landed mid-run")
    }
}
