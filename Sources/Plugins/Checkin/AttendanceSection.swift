import GRDB
import Ledger
import PluginKit
import Workflow

/// What check-in adds to tallies: 到场求职者, the registered people who came — an accepted scan at
/// any checkpoint. Someone registered at the desk while the gate is open is scanned there too
/// (`GateDesk`); a registration alone is not attendance. The gate step's `attended`, `campaign
/// checkins` and the page count the same scans.
struct AttendanceSection: TallySection {
    static let attended = TallyMeasure(
        "attended", zh: "到场求职者", en: "attended", scope: .people(threshold: 1), ratesOf: ["registered"],
        highlight: true, rowOrder: 2, doc: "Job seekers who came: an accepted check-in (at the gate, or at the desk when they registered there).")

    static let enterprisesAttended = TallyMeasure(
        "enterprises_attended", zh: "到场企业", en: "enterprises attended", scope: .campaign, highlight: true,
        doc: "Invited enterprises whose booth was checked in (credit code at the gate, or campaign attend-enterprise).")

    let measures = [Self.enterprisesAttended, Self.attended]

    /// A fair has a gate; a bus season's doors are transport's checkpoints, a livestream has none.
    let campaignKinds: Set<CampaignKind>? = [.jobFair]

    func campaignValues(_ db: Database, campaign: String) throws -> [String: Int] {
        [Self.enterprisesAttended.key: try EnterpriseCheckIns.count(db, campaign: campaign)]
    }

    /// Level 1 for everyone who came, sorted by person: a sorted read of `scan_once` per checkpoint,
    /// merged (several checkpoints may list a person twice).
    func personLevels(_ db: Database, campaign: String) throws -> [PersonLevel] {
        try AcceptedScans.people(db, campaign: campaign).map { PersonLevel(person: $0, level: 1) }
    }
}
