import GRDB
import Ledger
import PluginKit

/// Shredding of a bus campaign: passengers hold nothing personal beyond the ledger's person, but the
/// campaign's vehicle list names its drivers and escorts with their phones — people too. Their names
/// and phones go with the campaign's; plates and seats stay, so rosters still count.
struct CrewShredder: PersonalDataShredder {
    func shred(_ db: Database, campaign: String, values: ShredValues) throws -> Int {
        try db.execute(sql: """
            UPDATE transport_vehicle SET driver = CASE WHEN driver = '' THEN '' ELSE ? END, driver_phone = '',
                   escort = CASE WHEN escort = '' THEN '' ELSE ? END, escort_phone = ''
            WHERE campaign = ? AND (driver_phone <> '' OR escort_phone <> '' OR driver NOT IN ('', ?) OR escort NOT IN ('', ?))
            """, arguments: [ShredRecords.shreddedName, ShredRecords.shreddedName, campaign,
                             ShredRecords.shreddedName, ShredRecords.shreddedName])
        return db.changesCount
    }
}
