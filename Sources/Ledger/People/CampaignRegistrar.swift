import Foundation
import GRDB
import Workflow

/// Finds people of the ledger by ID number or phone and registers them to one campaign through one
/// channel, with its statements prepared once: for imports that match and register row after row
/// (a platform's sign-ups), where GRDB's argument boxing and statement cache cost more than
/// SQLite's own lookups (measured with `campaign-bench leads`). The answers are those of
/// `People.id(_:of:)`, `People.id(_:ofPhone:)` and `Registrations.register`.
public struct CampaignRegistrar {
    private let byIDNumber: RawStatement
    private let byPhone: RawStatement
    private let register: RawStatement

    /// Makes the campaign's badge key when it has none, so each registration need not look.
    public init(_ db: Database, campaign: String, channel: String, now: Date) throws {
        _ = try Registrations.badgeCode(db, for: campaign)
        byIDNumber = try RawStatement(db, sql: "SELECT id FROM person WHERE id_number = ?")
        byPhone = try RawStatement(db, sql: "SELECT id FROM person WHERE phone = ? LIMIT 2")
        register = try RawStatement(db, sql: """
            INSERT INTO registration (campaign, person_id, channel, registered_at) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (campaign, person_id) DO NOTHING
            """)
        // The campaign, channel and time are the same for every row: bound once.
        register.bind(1, campaign)
        register.bind(3, channel)
        register.bind(4, LedgerSchema.unixTime(now))
    }

    /// The person with this ID number, if the ledger has them.
    public func person(idNumber: ResidentID) throws -> Int64? {
        byIDNumber.bind(1, idNumber.value)
        guard try byIDNumber.step() else { return nil }
        let id = byIDNumber.int(0)
        byIDNumber.reset()
        return id
    }

    /// The one person with this phone; nil when nobody has it or more than one does (as a gate reads a phone).
    public func person(phone: PhoneNumber) throws -> Int64? {
        byPhone.bind(1, phone.value)
        guard try byPhone.step() else { return nil }
        let id = byPhone.int(0)
        if try byPhone.step() {
            byPhone.reset()
            return nil
        }
        return id
    }

    /// Registers the person to the campaign; true when they were not registered yet.
    public func register(_ person: Int64) throws -> Bool {
        register.bind(2, person)
        _ = try register.step()
        return register.changes > 0
    }
}
