import Foundation
import Workflow

/// What a plugin's routes work with: the workspace, the campaign `campaign serve` serves, the
/// checkpoint its gate staff scan at, the clock, and the other plugins (the tally counts their sections).
public struct ServerEnvironment: Sendable {
    public let workspace: Workspace
    public let campaign: String
    public let checkpoint: String
    public let clock: any WorkflowClock
    public let plugins: [CampaignPlugin]

    public init(workspace: Workspace, campaign: String, checkpoint: String, clock: any WorkflowClock,
                plugins: [CampaignPlugin]) {
        self.workspace = workspace
        self.campaign = campaign
        self.checkpoint = checkpoint
        self.clock = clock
        self.plugins = plugins
    }
}
