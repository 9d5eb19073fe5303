import Foundation

/// A one-line progress bar on stderr, shown only on a terminal and only for work that has
/// already taken more than a second (quick imports print just their summary).
public final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let started = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    public init(label: String) {
        self.label = label
    }

    public func update(done: Int, total: Int) {
        guard enabled, total > 0, Date().timeIntervalSince(started) > 1 else { return }
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let elapsed = Date().timeIntervalSince(started)
        // Read to the end: the rest (a first load's indexes, the commit) has no measure to show.
        let eta = fraction >= 1 ? " — saving…" : fraction > 0.02 ? String(format: " ~%.0fs left", elapsed / fraction - elapsed) : ""
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(Int(fraction * 100))%\(eta)   ".utf8))
        shown = true
    }

    public func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
