import ArgumentParser
import Foundation
import Workflow

/// `--db PATH`, shared by every command that touches the workspace.
public struct WorkspaceOptions: ParsableArguments, Sendable {
    public init() {}

    @Option(name: .long, help: ArgumentHelp(CommandHelp.text(zh: "工作区数据库（默认：$CAMPAIGN_DB 或 ./campaign.sqlite）。", en: "Workspace database (default: $CAMPAIGN_DB or ./campaign.sqlite).")))
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
            let source = db != nil ? CommandMessages.fromFlag
                : ProcessInfo.processInfo.environment["CAMPAIGN_DB"] != nil ? CommandMessages.fromEnvironment : CommandMessages.fromFolder
            throw WorkflowError.unavailable(
                Message(CommandMessages.noWorkspace, ["path": URL(fileURLWithPath: path).standardizedFileURL.path])
                    + Message(source) + Message(EngineMessages.closingBracket),
                hint: Message(CommandMessages.whereToRun))
        }
        return try open()
    }
}
