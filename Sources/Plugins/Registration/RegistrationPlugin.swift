import Foundation
import GRDB
import Ledger
import Workflow

/// Registration: fills the shared ledger of people, enterprises and postings from the lists clerks
/// already keep (CSV or XLSX, Chinese headers, GB18030 or UTF-8), and registers walk-ins at the fair.
public enum RegistrationPlugin {
    public static let plugin = Plugin(
        name: "registration",
        summary: "Imports village ledgers, enterprises and postings (CSV/XLSX) into the shared ledger; registers people.",
        actions: [ImportAction(PeopleImport()), ImportAction(EnterpriseImport()), ImportAction(PostingImport())],
        dependencies: ["ledger"]
    )

    /// The lists `campaign import` reads into the ledger.
    public static let importKinds: [ImportKind] = [.people, .enterprises, .postings]
}
