import GRDB
import Ledger
import PluginKit
import Workflow

/// What check-in adds to tallies: 到场求职者, the registered people who came — an accepted scan at
/// any checkpoint, or registration at the desk (a walk-in is there by definition).
struct AttendanceSection: TallySection {
    static let attended = TallyMeasure(
        "attended", zh: "到场求职者", en: "attended", scope: .people(threshold: 1), ratesOf: ["registered"],
        highlight: true, rowOrder: 2, doc: "Job seekers who came (accepted check-in, or walk-in).")

    let measures = [Self.attended]

    /// Level 1 for everyone who came, sorted by person: the scans (one seek per campaign on the
    /// attended index; several checkpoints may list a person twice) merged with the walk-ins.
    func personLevels(campaign: String, db: Database) throws -> [PersonLevel] {
        let scans = try RawStatement(db, sql: """
            SELECT person_id FROM scan INDEXED BY scan_attended WHERE campaign = ? AND result = 'accepted' ORDER BY person_id
            """)
        scans.bind(1, campaign)
        let walkIns = try Registrations.walkIns(campaign: campaign, db: db)
        var levels: [PersonLevel] = []
        levels.reserveCapacity(walkIns.count)
        var w = 0
        func append(_ person: Int64) {
            if levels.last?.person != person { levels.append(PersonLevel(person: person, level: 1)) }
        }
        while try scans.step() {
            let person = scans.int(0)
            while w < walkIns.count && walkIns[w] < person {
                append(walkIns[w])
                w += 1
            }
            append(person)
        }
        while w < walkIns.count {
            append(walkIns[w])
            w += 1
        }
        return levels
    }
}
