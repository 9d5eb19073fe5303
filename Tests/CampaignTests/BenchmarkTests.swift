import CampaignTesting
import Foundation
import Testing
import WorkflowTesting

/// Every benchmark runs at a tiny size here, so none can rot unnoticed: each must finish and pass its own
/// cross-check (the run completes, every row is imported, every check-in counted once, the hand-written
/// SQL's funnel equals the tally's). Their real sizes are run by hand (docs/benchmarks.md).
@Suite struct BenchmarkTests {
    static let bench = CLIRunner.binary.deletingLastPathComponent().appendingPathComponent("campaign-bench")
    static let sqlite3 = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")
    static let wrk = FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk")

    /// Runs `campaign-bench` and returns its exit status and everything it printed.
    func bench(_ arguments: String..., figures: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = Self.bench
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CAMPAIGN_BENCH_FIGURES"] = figures
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// `scripts/bench`'s last step: the figures a run recorded, beside a baseline table, each with how far it
    /// moved the way its polarity calls worse or better, and whether it meets its target.
    @Test func theComparerNamesWhatMovedAndFailsOnASlowdown() throws {
        let dir = try TemporaryDirectory()
        let figures = try dir.write("figures.tsv", """
            checkin.first\t0.17\thigher\t0.5\tfirst scans ÷ /health
            import.csv\t0.5\thigher\t0.8\tsqlite3 ÷ import
            tally\t0.16\tlower\t0.1\ttally ÷ SQL
            leads\t4.2\tlower\t5\tleads ÷ floor
            season\t3\tlower\t-\tseason ÷ grouping

            """)
        let baseline = try dir.write("baseline.md", """
            | figure | what it is | now | better | target | baseline | moved |
            | --- | --- | --- | --- | --- | --- | --- |
            | `checkin.first` | first scans | 0.25 | higher | ≥ 0.5 not met | — | new |
            | `import.csv` | x | 0.5 | higher | — | — | new |
            | `tally` | x | 0.3 | lower | — | — | new |
            | `leads` | x | 4.5 | lower | — | — | new |
            """)
        let table = dir.url.appendingPathComponent("latest.md").path
        let (status, output) = try bench("compare", baseline, figures, "--out", table)
        #expect(status == 1, "\(output)")
        #expect(output.contains("Moved the wrong way by more than 20%: `checkin.first` 0.25 → 0.17 (-32%)."), "\(output)")
        #expect(output.contains("Moved the right way by more than 20% (commit a new baseline once it holds): `tally` 0.3 → 0.16 (+47%)."))
        #expect(output.contains("| `import.csv` | sqlite3 ÷ import | 0.5 | higher | ≥ 0.8 not met | 0.5 | +0% |"))
        #expect(output.contains("| `leads` | leads ÷ floor | 4.2 | lower | ≤ 5 met | 4.5 | +7% |"))
        #expect(output.contains("| `season` | season ÷ grouping | 3 | lower | — | — | new |"))
        #expect(try String(contentsOfFile: table, encoding: .utf8) + "\n" == output)

        // Within the threshold both ways: the run passes.
        let calm = try dir.write("calm.tsv", "leads\t4.2\tlower\t5\tleads ÷ floor\n")
        let (calmStatus, calmOutput) = try bench("compare", baseline, calm)
        #expect(calmStatus == 0, "\(calmOutput)")
        #expect(calmOutput.contains("No figure moved the wrong way by more than 20%."))
    }

    /// A benchmark run under `scripts/bench` appends its figures to the file it names.
    @Test func aBenchmarkRecordsItsFiguresForTheTable() throws {
        let dir = try TemporaryDirectory()
        let figures = dir.url.appendingPathComponent("figures.tsv").path
        let (status, output) = try bench("season", "--passengers", "600", "--days", "8", "--coaches", "40", "--destinations", "6",
                                         "--repetitions", "1", figures: figures)
        #expect(status == 0, "\(output)")
        let lines = try String(contentsOfFile: figures, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        let fields = lines.first?.split(separator: "\t").map(String.init) ?? []
        #expect(fields.first == "season" && fields[2] == "lower", "\(lines)")
        #expect((Double(fields[1]) ?? 0) > 0, "\(lines)")
        #expect(output.contains("figure season = "))
    }

    @Test func theEngineBenchmarkRunsEveryShape() throws {
        let (status, output) = try bench("engine", "--repetitions", "1", "--steps", "200")
        #expect(status == 0, "\(output)")
        #expect(output.contains("20-step chain"))
        #expect(output.contains("200-step DAG, width 100"))
        #expect(output.contains("200-instance fan-out"))
        #expect(output.contains("fan-out instance ÷ chain step: "))
        #expect(output.components(separatedBy: "per transition: median").count == 4, "\(output)")
    }

    @Test func theExternalPluginBenchmarkRunsItsThreeChainsAndItsFloor() throws {
        let (status, output) = try bench("external", "--steps", "5", "--repetitions", "1")
        #expect(status == 0, "\(output)")
        #expect(output.contains("core.log (5 steps): "))
        #expect(output.contains("external, shell no-op (5 steps): "))
        #expect(output.contains("external, python no-op (1 steps): "))
        #expect(output.contains("shell no-op step ÷ core.log step: "))
        #expect(output.contains("shell no-op step ÷ bare spawn: "))
        #expect(output.contains("python no-op step ÷ bare spawn: "))
    }

    @Test func theScheduleBenchmarkPlansAndChecksItsPlan() throws {
        let (status, output) = try bench("schedule", "--seekers", "300", "--repetitions", "1")
        #expect(status == 0, "\(output)")
        #expect(output.contains("300 seekers"))
        #expect(output.contains("interviews scheduled: "))
        #expect(output.contains(" of an upper bound of "))
        #expect(output.contains("slots used: "))
    }

    @Test func theBackupBenchmarkVerifiesItsCopy() throws {
        let (status, output) = try bench("backup", "--rows", "500")
        #expect(status == 0, "\(output)")
        #expect(output.contains("500 people registered"))
        #expect(output.contains("× the copy"))
    }

    @Test func theShredBenchmarkShredsEveryone() throws {
        let (status, output) = try bench("shred", "--rows", "500")
        #expect(status == 0, "\(output)")
        #expect(output.contains("an ended campaign of 500 people"))
        #expect(output.contains("× the VACUUM"))
    }

    @Test func theLeadsBenchmarkMatchesMergesAndFansOut() throws {
        let (status, output) = try bench("leads", "--people", "2000", "--leads", "400", "--staff", "7")
        #expect(status == 0, "\(output)")
        #expect(output.contains("400 sign-ups from 3 platforms against a ledger of 2,000 people, 7 staff"))
        #expect(output.contains("× the floor"))
        #expect(output.contains("rows merged"))
        #expect(output.contains("7 staff with "))
    }

    @Test(.enabled(if: sqlite3, "needs sqlite3 (scripts/test installs it)"))
    func theMonitoringBenchmarkImportsAndComparesEachMonth() throws {
        let (status, output) = try bench("monitoring", "--people", "300", "--months", "3")
        #expect(status == 0, "\(output)")
        #expect(output.contains("300 monitored workers, 3 monthly sheets"))
        #expect(output.contains("2025-03: imported and compared in"), "\(output)")
        #expect(output.contains("× the floor"))
        #expect(output.contains("the sqlite3 shell's .import of the sheet"))
        #expect(output.contains("figure monitoring.month = "))
    }

    @Test(.enabled(if: PostgresTestServer.available, "needs Debian's postgresql (scripts/setup test installs it)"))
    func theProvinceBenchmarkPublishesAndAddsUp() throws {
        let (status, output) = try bench("province", "--counties", "4", "--people", "2000", "--county-people", "3000",
                                         "--repetitions", "1")
        #expect(status == 0, "\(output)")
        #expect(output.contains("first publish: 20 campaigns"), "\(output)")
        #expect(output.contains("republish after 30 people (1%) changed"), "\(output)")
        #expect(output.contains("first publish with pseudonyms (the province's key): 3000 people"), "\(output)")
        #expect(output.contains("× COPY"))
        #expect(output.contains("published 4 counties"), "\(output)")
        #expect(output.contains("× the scan"), "\(output)")
    }

    @Test func theSeasonBenchmarkKeepsCoachesHomeUntilTheyAreBack() throws {
        let (status, output) = try bench("season", "--passengers", "600", "--days", "8", "--coaches", "40",
                                         "--destinations", "6", "--repetitions", "1")
        #expect(status == 0, "\(output)")
        #expect(output.contains("600 passengers, 8 days, 40 coaches, 6 destinations"))
        #expect(output.contains("× the floor"))
        #expect(output.contains("no coach left while away"), "\(output)")
    }

    @Test func theRosterBenchmarkSeatsEveryoneAndKeepsSeatsOnARerun() throws {
        let (status, output) = try bench("roster", "--passengers", "2000", "--destinations", "20", "--repetitions", "1")
        #expect(status == 0, "\(output)")
        #expect(output.contains("2,000 passengers, 20 destinations"))
        #expect(output.contains("× the floor"))
        #expect(output.contains(", lower bound "))
        #expect(output.contains("re-run after 20 passengers changed"))
    }

    @Test(.enabled(if: sqlite3, "needs sqlite3 (scripts/test installs it)"))
    func theImportBenchmarkImportsEveryRowTwiceAndItsFloor() throws {
        let (status, output) = try bench("import", "--rows", "300")
        #expect(status == 0, "\(output)")
        #expect(output.contains("first import:"))
        #expect(output.contains("(300 new, 0 unchanged, 300 registered"))
        #expect(output.contains("(0 new, 300 unchanged"))
        // Three rounds, each a fresh first import beside its floor; the figure is their median.
        #expect(output.components(separatedBy: "first import:").count == 4, "\(output)")
        #expect(output.contains("round 3: sqlite3 shell .import"))
        #expect(output.contains("figure import.csv = "))
    }

    @Test func theWorkbookImportBenchmarkImportsEveryRow() throws {
        let (status, output) = try bench("import-xlsx", "--rows", "300")
        #expect(status == 0, "\(output)")
        #expect(output.contains("imported 300 rows in"))
        #expect(output.contains("peak memory (max RSS of the process):"))
    }

    @Test(.enabled(if: sqlite3 && wrk, "needs sqlite3 and wrk (scripts/test installs them)"))
    func theCheckinBenchmarkCountsEveryoneOnceUnderLoad() throws {
        let (status, output) = try bench("checkin", "--people", "50", "--seconds", "1")
        #expect(status == 0, "\(output)")
        #expect(output.contains("first scans   POST /api/checkin: Requests/sec"), "\(output)")
        #expect(output.contains("repeat scans  POST /api/checkin: Requests/sec"), "\(output)")
        #expect(output.contains("GET /health: Requests/sec"))
        #expect(output.contains("ratios to /health in this run: first scans"))
        #expect(output.contains("ledger after the run:"))
    }

    @Test(.enabled(if: wrk && BrowserTests.chromium != nil && BadgeTests.zbarimg
                   && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm"),
                   "needs wrk, chromium, zbar-tools and poppler-utils (scripts/test installs them)"),
          .timeLimit(.minutes(3)))
    func thePhotoBenchmarkReadsEveryPhotoAndCountsEveryoneOnce() throws {
        let (status, output) = try bench("photo", "--photos", "2", "--seconds", "1", "--dpi", "150", "--phones", "4")
        #expect(status == 0, "\(output)")
        #expect(output.contains("POST /api/checkin/photo round trip: median"), "\(output)")
        #expect(output.contains("while 4 phones send photos"), "\(output)")
        // The server holds what it held before the photos: no pipe, child or file left open.
        let descriptors = try #require(output.firstMatch(of: /open descriptors: (\d+) before the photos, (\d+) after/))
        #expect(Int(descriptors.2)! <= Int(descriptors.1)! + 20, "\(output)")
        #expect(output.contains("check-ins per second while photos arrive ÷ alone:"), "\(output)")
        #expect(output.contains("ledger after the run:"))
    }

    @Test(.enabled(if: wrk && BadgeTests.zbarimg, "needs wrk and zbar-tools (scripts/test installs them)"),
          .timeLimit(.minutes(3)))
    func theWearBenchmarkSeesDescriptorsAndMemoryComeBack() throws {
        let (status, output) = try bench("wear", "--photos", "12", "--sockets", "300")
        #expect(status == 0, "\(output)")
        let plain = try #require(output.firstMatch(of: /plain flood: (\d+) connections made/), "\(output)")
        #expect(Int(plain.1) == 300, "every connection of the flood made, from 2 addresses: \(output)")
        #expect(output.contains("after 12 photos and frames ("), "\(output)")
        let tls = try #require(output.firstMatch(of: /TLS server's memory after the flood ÷ at start: ([0-9.]+)×.*descriptors (\d+) → (\d+)/))
        #expect(Int(tls.3)! <= Int(tls.2)! + 20, "\(output)")
        #expect(output.contains("ledger after the run:"))
    }

    @Test(.enabled(if: sqlite3, "needs sqlite3 (scripts/test installs it)"))
    func theTallyBenchmarkAgreesWithTheHandWrittenSQL() throws {
        let directory = try TemporaryDirectory()
        let (status, output) = try bench("tally", "--rows", "2000", "--repetitions", "1", "--dir", directory.url.path)
        #expect(status == 0, "\(output)")
        #expect(output.contains("funnel: registered 2000, attended"))
        #expect(output.contains("hand-written SQL's funnel line (registered|attended|interviewed|intents|placed|retained): 2000|"))
        #expect(output.contains("campaign tally / sqlite3 by hand:"))
    }
}
