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

    /// Opens an existing workspace only: reading commands must not create an empty file by accident.
    public func openExisting() throws -> Workspace {
        guard FileManager.default.fileExists(atPath: path) else {
            throw WorkflowError.unavailable("no workspace at '\(path)'",
                                            hint: "start a campaign first (`campaign start workflows/spring-fair.yaml`), "
                                                + "or point to the workspace with --db PATH")
        }
        return try open()
    }
}
