import ArgumentParser
import Foundation
import GRDB
import Workflow

/// What the shell completes (`campaign --generate-completion-script bash|zsh|fish`): the campaigns of
/// the workspace, and a campaign's step ids. Read-only — completing a word never makes or changes a
/// workspace — and silent when there is none.
enum Completions {
    static let campaigns = CompletionKind.custom { words, _, prefix in
        read(words) { db in try RunQueries.runs(db).map(\.campaign) }?.filter { $0.hasPrefix(prefix) } ?? []
    }

    /// The steps of the campaign written just before the word being completed (`signal NAME STEP`).
    static let steps = CompletionKind.custom { words, index, prefix in
        guard index >= 1, index - 1 < words.count else { return [] }
        let campaign = words[index - 1]
        let ids = read(words) { db -> [String] in
            guard let run = try RunQueries.run(db, named: campaign) else { return [] }
            return try RunQueries.steps(db, runID: run.id).filter { $0.parentStep == nil }.map(\.stepId)
        } ?? []
        return ids.filter { $0.hasPrefix(prefix) }
    }

    private static func read<T>(_ words: [String], _ body: (Database) throws -> T) -> T? {
        var explicit: String?
        if let flag = words.firstIndex(of: "--db"), flag + 1 < words.count { explicit = words[flag + 1] }
        let path = Workspace.defaultPath(explicit: explicit)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        return try? DatabaseQueue(path: path, configuration: configuration).read(body)
    }
}
