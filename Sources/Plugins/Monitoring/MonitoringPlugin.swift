import Ledger
import PluginKit
import Workflow

/// Monthly employment monitoring (就业动态监测) of the poverty-alleviated and monitored households'
/// workers: each township's sheet of the month, the changes against the month before, the list of
/// people wanting work without it given out for one-to-one help, and the figures by township and group.
public enum MonitoringPlugin {
    public static let plugin = CampaignPlugin(
        Plugin(name: "monitoring",
               summary: "Monthly employment monitoring: township sheets, month-over-month changes, one-to-one help.",
               actions: [MonthAction(), ImportAction(SheetImport()), CompareAction(), HelpAction()],
               migrations: MonitoringSchema.migrations, dependencies: ["ledger"], campaignKinds: [.monitoring]),
        title: "monitoring (就业动态监测)",
        commands: [MonitoringCommand.self],
        importKinds: [.monitoringSheet],
        routes: MonitoringRoutes.routes,
        web: WebSurface(panels: [
            PagePanel(name: "help", html: PackageResources.help_html, script: PackageResources.help_js,
                      words: MonitoringPageWords.all, kinds: [.monitoring], order: 30),
        ], openAPI: PackageResources.openapi_json),
        tallySections: [MonitoringSection(), MonitoringHelpSection()] + MonitoringChangeSection.all,
        messages: MonitoringMessages.all + MonitoringWords.all
    )
}
