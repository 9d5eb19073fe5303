import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// Registration: fills the shared ledger of people, enterprises and postings from the lists clerks
/// already keep (CSV or XLSX, Chinese headers, GB18030 or UTF-8), and registers walk-ins at the fair.
public enum RegistrationPlugin {
    public static let plugin = CampaignPlugin(
        Plugin(name: "registration",
               summary: "Imports village ledgers, enterprises and postings (CSV/XLSX) into the shared ledger; registers people.",
               actions: [ImportAction(PeopleImport()), ImportAction(EnterpriseImport()), ImportAction(PostingImport())],
               dependencies: ["ledger"]),
        title: "registration (登记)",
        commands: [RegisterCommand.self, PostingsCommand.self],
        importKinds: [.people, .enterprises, .postings],
        routes: WalkInRoutes.routes,
        web: WebSurface(panels: [
            PagePanel(name: "walk-in", html: PackageResources.walk_in_html, script: PackageResources.walk_in_js,
                      words: RegistrationPageWords.all, kinds: [.jobFair], order: 50),
        ], openAPI: PackageResources.openapi_json),
        messages: RegistrationMessages.all
    )
}
