import Foundation
import Workflow

/// One round of a plugin's work in a daemon: given the time, it says what it did (lines for the
/// daemon's log), or nothing. It must return quickly: long work goes on in the background.
public typealias DaemonChore = @Sendable (Date) async throws -> [String]

/// What a daemon was started with, for the chores plugins make of it: the workspace and the daemon's
/// own flags by name (`publish-to`, `publish-every`), as given.
public struct DaemonSettings: Sendable {
    public var workspace: Workspace
    public var flags: [String: String]

    public init(workspace: Workspace, flags: [String: String]) {
        self.workspace = workspace
        self.flags = flags
    }
}

extension [CampaignPlugin] {
    /// Every plugin's chores for a daemon with these settings.
    public func daemonChores(_ settings: DaemonSettings) throws -> [DaemonChore] {
        try flatMap(\.daemonChores).compactMap { try $0(settings) }
    }
}
