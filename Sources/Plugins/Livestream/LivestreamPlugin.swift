import Ledger
import PluginKit
import Workflow

/// Livestream recruitment (直播带岗): the stream, its line-up and run sheet, the platforms' viewer figures and
/// sign-ups (matched to the ledger, merged across platforms and re-imports), call-backs given to staff
/// fairly and retried, and the funnel in the tally.
public enum LivestreamPlugin {
    public static let plugin = CampaignPlugin(
        Plugin(name: "livestream",
               summary: "Livestream recruitment: run sheet, platform exports in, every lead called back and followed.",
               actions: [LineupAction(), SessionAction(), FollowUpAction(), ImportAction(LeadImport()),
                         ImportAction(MetricsImport())],
               migrations: LivestreamSchema.migrations, dependencies: ["ledger", "outcomes"],
               formerNames: ["schedule.stream": "lineup"], campaignKinds: [.livestream]),
        title: "livestream (直播带岗)",
        commands: [CallsCommand.self],
        importKinds: [.leads, .streamMetrics],
        routes: LivestreamRoutes.routes,
        web: WebSurface(panels: [
            PagePanel(name: "calls", html: PackageResources.calls_html, script: PackageResources.calls_js,
                      words: LivestreamPageWords.all, kinds: [.livestream], order: 30),
        ], openAPI: PackageResources.openapi_json),
        tallySection: LivestreamSection(),
        shredder: LeadShredder(),
        messages: LivestreamMessages.all + CallMessages.all + LineupMessages.all
    )
}
