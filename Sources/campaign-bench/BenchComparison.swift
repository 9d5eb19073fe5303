import Foundation

/// `campaign-bench compare BASELINE FIGURES [--out TABLE] [--threshold PERCENT]`: the figures of a
/// `scripts/bench` run as a Markdown table beside the committed baseline's, each with how far it moved and
/// whether it meets its target. A figure that moved the wrong way by more than the threshold (20% unless
/// told) is named below the table and makes the exit status 1, so a slowdown is never silent; one that
/// moved the right way is named too, as a reason to commit a new baseline.
enum BenchComparison {
    struct Row {
        var figure: BenchFigures.Figure
        var baseline: Double?

        /// Relative change, signed so that positive is better whatever the polarity.
        var improvement: Double? {
            guard let baseline, baseline > 0 else { return nil }
            let change = (figure.value - baseline) / baseline
            return figure.polarity == .higher ? change : -change
        }
    }

    static func run(baseline: URL, figures: URL, out: URL?, threshold: Double) throws -> Int32 {
        let current = try String(contentsOf: figures, encoding: .utf8).split(separator: "\n").compactMap(BenchFigures.Figure.init(line:))
        guard !current.isEmpty else {
            FileHandle.standardError.write(Data("no figures in \(figures.path): was the run made with CAMPAIGN_BENCH_FIGURES set?\n".utf8))
            return 65
        }
        let stored = (try? String(contentsOf: baseline, encoding: .utf8)).map(baselineValues) ?? [:]
        let rows = current.map { Row(figure: $0, baseline: stored[$0.key]) }
        let table = markdown(rows, baselineName: baseline.lastPathComponent, threshold: threshold)
        if let out { try table.write(to: out, atomically: true, encoding: .utf8) }
        print(table)
        return rows.contains { ($0.improvement ?? 0) < -threshold / 100 } ? 1 : 0
    }

    /// The figures a table written by this command holds: its first column's key, its "now" column's value.
    static func baselineValues(_ text: String) -> [String: Double] {
        var values: [String: Double] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else { continue }
            let key = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            if let value = Double(cells[2].replacingOccurrences(of: "×", with: "").replacingOccurrences(of: ",", with: "")) {
                values[key] = value
            }
        }
        return values
    }

    static func markdown(_ rows: [Row], baselineName: String, threshold: Double) -> String {
        var lines = ["# Benchmark figures", "",
                     "Measured \(Self.today()) on \(Self.machine()) by `scripts/bench`; each figure a ratio to a floor measured in "
                     + "the same run (higher or lower is better as the column says), beside `\(baselineName)`.", "",
                     "| figure | what it is | now | better | target | baseline | moved |",
                     "| --- | --- | --- | --- | --- | --- | --- |"]
        var worse: [String] = [], better: [String] = []
        for row in rows {
            let f = row.figure
            let target = f.target.map { (f.polarity == .higher ? "≥ " : "≤ ") + format($0) + (f.meetsTarget == true ? " met" : " not met") } ?? "—"
            let moved = row.improvement.map { String(format: "%+.0f%%", $0 * 100) } ?? "new"
            lines.append("| `\(f.key)` | \(f.meaning) | \(format(f.value)) | \(f.polarity.rawValue) | \(target) | "
                         + "\(row.baseline.map(format) ?? "—") | \(moved) |")
            if let change = row.improvement, abs(change) > threshold / 100 {
                (change < 0 ? { worse.append($0) } : { better.append($0) })(
                    "`\(f.key)` \(format(row.baseline ?? 0)) → \(format(f.value)) (\(moved))")
            }
        }
        lines.append("")
        lines.append(worse.isEmpty ? "No figure moved the wrong way by more than \(percent(threshold))%."
                     : "Moved the wrong way by more than \(percent(threshold))%: " + worse.joined(separator: "; ") + ".")
        if !better.isEmpty {
            lines.append("Moved the right way by more than \(percent(threshold))% (commit a new baseline once it holds): "
                         + better.joined(separator: "; ") + ".")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func percent(_ value: Double) -> String { String(format: "%g", value) }

    static func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : value >= 10 ? String(format: "%.1f", value) : String(format: "%.3g", value)
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    /// The processor's model and how many cores, as /proc/cpuinfo says.
    static func machine() -> String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "an unknown processor"
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores"
    }
}
