import GRDB
import Ledger
import PluginKit

/// Shredding at the gates: what staff typed or scanned (kept masked, but still part of a number) goes
/// from the scans of shredded people and from the campaign's scans that matched no one; names and
/// numbers go from the answers' wording. Every scan row stays, so attendance counts do not move.
struct ScanShredder: PersonalDataShredder {
    func shred(_ db: Database, campaign: String, values: ShredValues) throws -> Int {
        let mine = "(person_id IN (SELECT id FROM \(ShredRecords.peopleTable)) OR (campaign = ? AND person_id IS NULL))"
        var changed = try scrub(db, table: "scan", key: "id", column: "reason", where: mine, arguments: [campaign],
                                values: values)
        try db.execute(sql: "UPDATE scan SET input = '' WHERE input <> '' AND \(mine)", arguments: [campaign])
        changed += db.changesCount
        return changed
    }
}
