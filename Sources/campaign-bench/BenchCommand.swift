import CampaignTesting
import Foundation
import Ledger
import Workflow
import WorkflowTesting

/// Benchmarks, run in release mode:
/// `swift run -c release campaign-bench engine [--repetitions N] [--steps N]`,
/// `swift run -c release campaign-bench external [--steps N] [--repetitions N]`,
/// `swift run -c release campaign-bench photo [--photos N] [--seconds S] [--dpi D] [--phones P]`,
/// `swift run -c release campaign-bench wear [--photos N] [--sockets S]`,
/// `swift run -c release campaign-bench import [--rows N]`,
/// `swift run -c release campaign-bench schedule [--seekers N] [--repetitions N]`,
/// `swift run -c release campaign-bench roster [--passengers N] [--destinations N] [--repetitions N]`,
/// `swift run -c release campaign-bench leads [--people N] [--leads N] [--staff N]`,
/// `swift run -c release campaign-bench monitoring [--people N] [--months N]`,
/// `swift run -c release campaign-bench season [--passengers N] [--days N] [--coaches N] [--destinations N]`,
/// `swift run -c release campaign-bench backup [--rows N]`,
/// `swift run -c release campaign-bench shred [--rows N]`,
/// `swift run -c release campaign-bench import-xlsx [--rows N]`,
/// `swift run -c release campaign-bench generate [--rows N] FILE [utf-8|gb18030]`,
/// `campaign-bench compare BASELINE.md FIGURES.tsv [--out TABLE.md] [--threshold PERCENT]` (what `scripts/bench` runs last),
/// `swift build -c release && .build/release/campaign-bench checkin [--people N] [--seconds S]`,
/// `swift build -c release && .build/release/campaign-bench tally [--rows N] [--repetitions N] [--dir PATH]`,
/// `swift build -c release --product campaign-bench && .build/release/campaign-bench province [--counties N] [--people N]
/// [--county-people N]` (a PostgreSQL server of its own, `scripts/postgres`).
///
/// Each benchmark checks its own result (the run completed, every row imported, every check-in counted once,
/// the hand-written SQL's funnel equals the tally's) and exits 70 when it does not, so the tiny runs in the
/// test suite (`BenchmarkTests`) catch a benchmark that no longer runs or no longer agrees.
@main
struct BenchCommand {
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String, default value: Int) -> Int {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let n = Int(arguments[i + 1]) else {
                return value
            }
            arguments.removeSubrange(i...(i + 1))
            return max(1, n)
        }
        func path(_ name: String, default value: String) -> String {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return value }
            defer { arguments.removeSubrange(i...(i + 1)) }
            return arguments[i + 1]
        }
        let repetitions = option("--repetitions", default: 5)
        let rows = option("--rows", default: 1_000_000)
        let suite = arguments.first ?? "engine"
        do {
            switch suite {
            case "engine":
                try await EngineBenchmark.run(repetitions: repetitions, steps: option("--steps", default: 10_000))
            case "external":
                try await ExternalBenchmark.run(steps: option("--steps", default: 1_000), repetitions: repetitions)
            case "import":
                try await ImportBenchmark.run(rows: rows)
            case "import-xlsx":
                try await XLSXImportBenchmark.run(rows: rows)
            case "checkin":
                try await CheckinBenchmark.run(people: option("--people", default: 10_000),
                                               seconds: option("--seconds", default: 10))
            case "photo":
                try await PhotoBenchmark.run(photos: option("--photos", default: 30), seconds: option("--seconds", default: 10),
                                             dpi: option("--dpi", default: 360), phones: option("--phones", default: 16))
            case "wear":
                try await WearBenchmark.run(photos: option("--photos", default: 10_000), sockets: option("--sockets", default: 20_000))
            case "tally":
                try await TallyBenchmark.run(registered: rows, repetitions: repetitions,
                                             folder: URL(fileURLWithPath: path("--dir", default: "/tmp/campaign-bench-tally")))
            case "schedule":
                try ScheduleBenchmark.run(repetitions: repetitions, seekers: option("--seekers", default: 8_000))
            case "roster":
                try RosterBenchmark.run(repetitions: repetitions, passengers: option("--passengers", default: 100_000),
                                        destinations: option("--destinations", default: 500))
            case "leads":
                try await LeadsBenchmark.run(people: option("--people", default: 1_000_000),
                                             leads: option("--leads", default: 50_000), staff: option("--staff", default: 40))
            case "province":
                try await ProvinceBenchmark.run(counties: option("--counties", default: 100), people: option("--people", default: 1_000_000),
                                                countyPeople: option("--county-people", default: 1_000_000),
                                                repetitions: option("--repetitions", default: 3),
                                                keep: arguments.contains("--keep"))
            case "season":
                try SeasonBenchmark.run(repetitions: repetitions, passengers: option("--passengers", default: 20_000),
                                        days: option("--days", default: 60), coaches: option("--coaches", default: 300),
                                        destinations: option("--destinations", default: 40))
            case "monitoring":
                try await MonitoringBenchmark.run(people: option("--people", default: 100_000), months: option("--months", default: 12))
            case "backup":
                try await BackupBenchmark.run(rows: rows)
            case "shred":
                try await ShredBenchmark.run(rows: rows)
            case "compare":
                // campaign-bench compare BASELINE FIGURES [--out TABLE] [--threshold PERCENT]
                let out = path("--out", default: "")
                let threshold = option("--threshold", default: 20)
                guard arguments.count >= 3 else {
                    FileHandle.standardError.write(Data("usage: campaign-bench compare BASELINE.md FIGURES.tsv [--out TABLE.md] [--threshold PERCENT]\n".utf8))
                    exit(64)
                }
                exit(try BenchComparison.run(baseline: URL(fileURLWithPath: arguments[1]), figures: URL(fileURLWithPath: arguments[2]),
                                             out: out.isEmpty ? nil : URL(fileURLWithPath: out), threshold: Double(threshold)))
            case "generate":
                // campaign-bench generate --rows N FILE [gb18030]: a synthetic people ledger.
                guard arguments.count >= 2 else {
                    FileHandle.standardError.write(Data("usage: campaign-bench generate [--rows N] FILE [utf-8|gb18030]\n".utf8))
                    exit(64)
                }
                var generator = LedgerGenerator(seed: 7)
                let encoding = arguments.count > 2 ? TextEncoding(name: arguments[2]) ?? .utf8 : .utf8
                try generator.writePeopleCSV(to: URL(fileURLWithPath: arguments[1]), count: rows, encoding: encoding)
            default:
                FileHandle.standardError.write(Data("unknown benchmark '\(suite)'; available: engine, external, import, import-xlsx, checkin, photo, tally, schedule, roster, leads, monitoring, season, province, backup, shred, compare, generate\n".utf8))
                exit(64)
            }
        } catch {
            FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
            exit(70)
        }
    }

    /// The release `campaign` binary beside this one, and a tool from Debian the benchmark drives.
    static func campaignBinary(alsoNeeding tool: String, from package: String) throws -> URL {
        let campaign = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("campaign")
        guard FileManager.default.isExecutableFile(atPath: campaign.path), FileManager.default.isExecutableFile(atPath: tool)
        else {
            throw WorkflowError.unavailable("needs \(campaign.path) (swift build -c release) and \(tool) "
                                            + "(apt-get install \(package))")
        }
        return campaign
    }
}
