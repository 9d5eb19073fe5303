import Foundation

/// Benchmarks, run in release mode:
/// `swift run -c release campaign-bench engine [--repetitions N]`,
/// `swift run -c release campaign-bench import [--rows N]`.
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
        let repetitions = option("--repetitions", default: 5)
        let rows = option("--rows", default: 1_000_000)
        let suite = arguments.first ?? "engine"
        do {
            switch suite {
            case "engine":
                try await EngineBenchmark.run(repetitions: repetitions)
            case "import":
                try await ImportBenchmark.run(rows: rows)
            default:
                FileHandle.standardError.write(Data("unknown benchmark '\(suite)'; available: engine, import\n".utf8))
                exit(64)
            }
        } catch {
            FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
            exit(70)
        }
    }
}
