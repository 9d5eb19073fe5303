import Foundation
import GRDB
import Workflow

/// A manager corrects a registered person's phone, township or village at the desk — a number typed
/// wrong at sign-up, a township left blank — and the change is kept in the audit log, masked, with
/// who made it. Staff may not: the ledger is a manager's (a walk-in at the desk never overwrites it).
public enum PersonCorrection {
    /// The fields a correction may change, as the person table and the page name them.
    public struct Fields: Sendable, Equatable {
        public var phone: String?
        public var township: String?
        public var village: String?

        public init(phone: String? = nil, township: String? = nil, village: String? = nil) {
            self.phone = phone
            self.township = township
            self.village = village
        }
    }

    /// Corrects what `fields` gives (nil leaves a field as it is) and returns the changes as said in
    /// the audit log (`phone 138****8000 → 139****0000`); an empty list when nothing differed.
    public static func correct(_ db: Database, person id: Int64, _ fields: Fields, by staff: StaffMember, campaign: String,
                               now: Date) throws -> [String] {
        guard staff.role.includes(.manager) else {
            throw RoleRefusal(needed: .manager, reason: Message(LedgerMessages.managerCorrectsPeople, ["staff": staff.name]))
        }
        guard let row = try Row.fetchOne(db, sql: "SELECT phone, township, village FROM person WHERE id = ?", arguments: [id])
        else { throw InputRefusal(field: "code", Message(LedgerMessages.noSuchPerson)) }
        var phone: String? = row["phone"], township: String = row["township"], village: String = row["village"]
        var changes: [String] = []
        if let typed = fields.phone?.trimmingCharacters(in: .whitespaces), !typed.isEmpty {
            let number: PhoneNumber
            do { number = try PhoneNumber(typed) } catch { throw InputRefusal(field: "phone", error.message) }
            if number.value != phone {
                changes.append("phone \(phone.map(Masking.phone) ?? "—") → \(number.masked)")
                phone = number.value
            }
        }
        for (field, typed) in [("township", fields.township), ("village", fields.village)] {
            guard let text = typed?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { continue }
            try Registrations.requireTypedText(text, field: field)
            let old = field == "township" ? township : village
            guard text != old else { continue }
            changes.append("\(field) \(old.isEmpty ? "—" : old) → \(text)")
            if field == "township" { township = text } else { village = text }
        }
        guard !changes.isEmpty else { return [] }
        try db.execute(sql: "UPDATE person SET phone = ?, township = ?, village = ?, updated_at = ? WHERE id = ?",
                       arguments: [phone, township, village, now, id])
        try AuditLog.record(db, actor: staff.name, action: "person-corrected", campaign: campaign,
                            detail: "person #\(id): " + changes.joined(separator: "; "), at: now)
        return changes
    }
}
