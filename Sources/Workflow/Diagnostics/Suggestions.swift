/// "Did you mean" suggestions: the closest known name within a small edit distance.
public enum Suggestions {
    /// The candidate a mistyped word most likely meant: within a couple of edits (a third of the
    /// word for long ones) and not every letter of it changed — or nil.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates where !candidate.isEmpty {  // an empty name is never what was meant
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let limit = max(2, min(word.count, best.name.count) / 3)
        // A name every letter of which would change is not "close" (王五 is not a typo of 李明), however short.
        guard best.distance < max(lowered.count, best.name.count) else { return nil }
        return best.distance <= limit ? best.name : nil
    }

    /// A "help:" line for an unknown name, or a list of the valid ones when nothing is close.
    public static func hint(for word: String, among candidates: [String], noun: String) -> String? {
        if let match = closest(to: word, among: candidates) { return "did you mean '\(match)'?" }
        guard !candidates.isEmpty else { return nil }
        let shown = candidates.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
        return "known \(noun): \(shown)\(candidates.count > 12 ? ", …" : "")"
    }

    /// `hint(for:among:noun:)` as a catalogue message: "did you mean", or the known names.
    public static func message(for word: String, among candidates: [String]) -> Message? {
        if let match = closest(to: word, among: candidates) { return Message(EngineMessages.didYouMean, ["name": match]) }
        guard !candidates.isEmpty else { return nil }
        let shown = candidates.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
        return Message(EngineMessages.known, ["names": shown + (candidates.count > 12 ? ", …" : "")])
    }

    /// Levenshtein distance; a transposition counts as one edit (so "lgo" is one step from "log").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
