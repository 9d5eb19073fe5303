import GRDB
import Ledger
import PluginKit

/// Shredding of outcomes: the free-text notes kept with shredded people's interviews, intents and
/// placements (and their history) go; the stages and dates the tallies count stay.
struct OutcomeShredder: PersonalDataShredder {
    func shred(_ db: Database, campaign: String, values: ShredValues) throws -> Int {
        var changed = 0
        for table in ["outcome", "outcome_change"] {
            try db.execute(sql: """
                UPDATE \(table) SET note = '' WHERE note <> '' AND person_id IN (SELECT id FROM \(ShredRecords.peopleTable))
                """)
            changed += db.changesCount
        }
        return changed
    }
}
