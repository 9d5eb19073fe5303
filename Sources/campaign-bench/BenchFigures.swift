import Foundation

/// The figures `scripts/bench` keeps: each a ratio to a floor measured in the same run (this machine's
/// speed swings by half from one hour to the next, so an absolute time compared across runs says
/// little), named, with the way it should move and the target the issues set. A benchmark records them
/// where it prints them; with `CAMPAIGN_BENCH_FIGURES` naming a file, each is appended to it as a line
/// of tab-separated fields, which `campaign-bench compare` reads.
///
/// The vocabulary is ordo-one's benchmark package's (a polarity, a relative threshold against a stored
/// baseline); its runner is not used because its figures are absolute metrics of closures measured
/// in-process, where ours are ratios to floors that other programs set (wrk on `/health`, the sqlite3
/// shell, psql, a file copy).
enum BenchFigures {
    /// Whether a larger figure is better (a rate's share of its floor's) or a smaller one (a time's multiple).
    enum Polarity: String, Sendable {
        case higher, lower
    }

    struct Figure: Sendable, Equatable {
        var key: String
        var value: Double
        var polarity: Polarity
        /// The issue's target, when it sets one.
        var target: Double?
        /// What the figure is a ratio of, for the table.
        var meaning: String

        var meetsTarget: Bool? {
            target.map { polarity == .higher ? value >= $0 : value <= $0 }
        }

        var line: String {
            [key, String(format: "%.4g", value), polarity.rawValue, target.map { String(format: "%g", $0) } ?? "-", meaning]
                .joined(separator: "\t")
        }

    }

    /// Prints the figure and, under `scripts/bench`, appends it to the run's file.
    static func record(_ key: String, _ value: Double, _ polarity: Polarity, target: Double? = nil, meaning: String) {
        let figure = Figure(key: key, value: value, polarity: polarity, target: target, meaning: meaning)
        let verdict = figure.meetsTarget.map { $0 ? " (target \(String(format: "%g", target!)): met)" : " (target \(String(format: "%g", target!)): not met)" } ?? ""
        print("figure \(key) = " + String(format: "%.3g", value) + verdict)
        guard let path = ProcessInfo.processInfo.environment["CAMPAIGN_BENCH_FIGURES"], !path.isEmpty else { return }
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        handle.seekToEndOfFile()
        handle.write(Data((figure.line + "\n").utf8))
        try? handle.close()
    }
}

extension BenchFigures.Figure {
    /// A figure read back from its line in a run's file (nil for a line that is not one).
    init?(line: Substring) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 5, let value = Double(fields[1]), let polarity = BenchFigures.Polarity(rawValue: fields[2]) else { return nil }
        self.init(key: fields[0], value: value, polarity: polarity, target: Double(fields[3]), meaning: fields[4])
    }
}
