import Foundation
import GRDB
import Workflow

/// Finds the person staff name by what they have at hand: a campaign badge code, an 18-digit ID
/// number or an 11-digit mobile number. Shared by check-in and outcome recording, so both
/// accept the same inputs and refuse them with the same words.
public enum PersonLookup {
    /// How the person was named: a badge code, an ID number or a phone number (stored as `code`, `id`, `phone`).
    public enum Method: String, Sendable, DatabaseValueConvertible {
        case code, id, phone
    }

    public static func resolve(_ db: Database, _ rawInput: String,
                               campaign: String) throws -> (method: Method, Result<Int64, LookupFailure>) {
        // Read by meaning: a number typed with a zero-width space or in another script's digits is that number.
        let input = TypedText.trimmed(TypedText.normalized(rawInput))
        let digits = input.filter { $0.isNumber || $0 == "X" || $0 == "x" }
        if digits.count >= 15 {
            guard let id = try? ResidentID(input) else {
                return (.id, .failure(LookupFailure(Message(LookupMessages.invalidID, ["input": Masking.scrub(input)]))))
            }
            guard let personID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM person WHERE id_number = ?"),
                                                    arguments: [id.value]) else {
                return (.id, .failure(LookupFailure(Message(LookupMessages.unknownID, ["id": id.masked]))))
            }
            return (.id, .success(personID))
        }
        if let phone = try? PhoneNumber(input) {
            let ids = try People.ids(db, ofPhone: phone)
            switch ids.count {
            case 0: return (.phone, .failure(LookupFailure(Message(LookupMessages.unknownPhone, ["phone": phone.masked]))))
            case 1: return (.phone, .success(ids[0]))
            default:
                return (.phone, .failure(LookupFailure(Message(LookupMessages.sharedPhone, ["phone": phone.masked]))))
            }
        }
        let scheme = try Registrations.badgeCode(db, for: campaign)
        guard let personID = scheme.decode(input),
              try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM person WHERE id = ?)"), arguments: [personID])! else {
            return (.code, .failure(LookupFailure(Message(LookupMessages.unknownCode,
                                                          ["code": Masking.scrub(String(input.prefix(12))), "campaign": campaign]))))
        }
        return (.code, .success(personID))
    }
}

public struct LookupFailure: Error, Sendable {
    public let message: Message
    /// In English, for logs and callers not yet worded by language.
    public var reason: String { message.text(.en) }
    public init(_ message: Message) { self.message = message }
}
