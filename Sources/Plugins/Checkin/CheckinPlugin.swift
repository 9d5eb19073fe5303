import Foundation
import Ledger
import PluginKit
import Workflow

/// Check-in at the gates (and at the bus checkpoints): a human step that opens a checkpoint, the
/// scan ledger behind `campaign checkin` and the check-in page, and the "attended" of tallies.
public enum CheckinPlugin {
    public static let plugin = CampaignPlugin(
        Plugin(name: "checkin",
               summary: "Opens check-in at a checkpoint (gates, bus doors) and counts distinct people, exactly once.",
               actions: [GateAction()], migrations: CheckinSchema.migrations, dependencies: ["ledger"],
               campaignKinds: [.jobFair], countedTables: ["scan"]),
        title: "check-in (签到)",
        commands: [CheckinCommand.self, CheckinsCommand.self, BadgesCommand.self, AttendEnterpriseCommand.self],
        routes: CheckinRoutes.routes,
        web: WebSurface(panels: [
            PagePanel(name: "scan", html: PackageResources.scan_html, script: PackageResources.scan_js,
                      words: CheckinPageWords.all, kinds: [.jobFair, .busTransport], order: 10),
            PagePanel(name: "desk", html: PackageResources.desk_html, script: PackageResources.desk_js,
                      words: [], kinds: [.jobFair, .busTransport], order: 40),
        ], openAPI: PackageResources.openapi_json),
        tallySection: AttendanceSection(),
        deskAttendance: GateDesk(),
        shredder: ScanShredder(),
        messages: CheckinMessages.all + LookupMessages.all + GateMessages.all
    )
}
