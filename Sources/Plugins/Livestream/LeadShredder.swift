import GRDB
import Ledger
import PluginKit

/// Shredding of a livestream's sign-ups: a lead of a shredded person, or a lead of the campaign no one
/// in the ledger was found for, loses its name, ID number and phone (the phone becomes a pseudonym that
/// keeps leads apart, never a number) and its calls lose their notes. The leads, their platforms,
/// postings and call results stay: the funnel counts them.
struct LeadShredder: PersonalDataShredder {
    func shred(_ db: Database, campaign: String, values: ShredValues) throws -> Int {
        let leads = "(person_id IN (SELECT id FROM \(ShredRecords.peopleTable)) OR (campaign = ? AND person_id IS NULL))"
        var changed = try scrub(db, table: "livestream_lead", key: "id", column: "posting_text", where: leads,
                                arguments: [campaign], values: values)
        try db.execute(sql: """
            UPDATE livestream_call SET note = '' WHERE note <> ''
              AND lead_id IN (SELECT id FROM livestream_lead WHERE \(leads))
            """, arguments: [campaign])
        changed += db.changesCount
        try db.execute(sql: """
            UPDATE livestream_lead SET name = ?, id_number = '', phone = ? || id
            WHERE \(leads) AND substr(phone, 1, \(ShredRecords.idPrefix.count)) <> ?
            """, arguments: [ShredRecords.shreddedName, ShredRecords.idPrefix, campaign, ShredRecords.idPrefix])
        changed += db.changesCount
        return changed
    }
}
