import Foundation

/// Benchmarks, run in release mode: `swift run -c release campaign-bench engine [--repetitions N]`.
@main
struct BenchCommand {
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var repetitions = 5
        if let i = arguments.firstIndex(of: "--repetitions"), i + 1 < arguments.count, let n = Int(arguments[i + 1]) {
            repetitions = max(1, n)
            arguments.removeSubrange(i...(i + 1))
        }
        let suite = arguments.first ?? "engine"
        do {
            switch suite {
            case "engine":
                try await EngineBenchmark.run(repetitions: repetitions)
            default:
                FileHandle.standardError.write(Data("unknown benchmark '\(suite)'; available: engine\n".utf8))
                exit(64)
            }
        } catch {
            FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
            exit(70)
        }
    }
}
