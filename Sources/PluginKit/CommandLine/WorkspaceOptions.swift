import ArgumentParser
import Foundation
import Workflow

/// `--db PATH`, shared by every command that touches the workspace.
public struct WorkspaceOptions: ParsableArguments, Sendable {
    public init() {}

    @Option(name: .long, help: "Workspace database (default: $CAMPAIGN_DB or ./campaign.sqlite).")
    public var db: String?

    public var path: String { Workspace.defaultPath(explicit: db) }

    /// Opens (creating if needed) the workspace with every plugin's tables.
    public func open() throws -> Workspace {
        try Workspace(path: path, registry: PluginSystem.registry)
    }

    /// Opens an existing workspace only. Only `start`, `import`, `register` and `restore` create one:
    /// any other command run in the wrong folder would make an empty workspace (a staff token that
    /// works nowhere, a tally of nothing) instead of saying it is in the wrong place.
    public func openExisting() throws -> Workspace {
        guard FileManager.default.fileExists(atPath: path) else {
            let source = db != nil ? "--db" : ProcessInfo.processInfo.environment["CAMPAIGN_DB"] != nil
                ? "$CAMPAIGN_DB" : "the current folder"
            throw WorkflowError.unavailable(
                "no workspace at '\(URL(fileURLWithPath: path).standardizedFileURL.path)' (from \(source)) / 这里没有工作区",
                hint: "run this in the folder where the campaign was started, or point to its campaign.sqlite with --db PATH "
                    + "(a new workspace is made only by `campaign start`)")
        }
        return try open()
    }
}
