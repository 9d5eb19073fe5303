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
        if digitCount(input) >= 15 {
            guard let id = try? ResidentID(input) else {
                return (.id, .failure(LookupFailure(Message(LookupMessages.invalidID, ["input": Masking.scrub(input)]))))
            }
            // Read through SQLite's C API: a gate looks an ID number up on nearly every scan.
            let byNumber = try RawStatement(cached: db, sql: "SELECT id FROM person WHERE id_number = ?")
            byNumber.bind(1, id.value)
            guard try byNumber.step() else {
                return (.id, .failure(LookupFailure(Message(LookupMessages.unknownID, ["id": id.masked]))))
            }
            defer { byNumber.reset() }
            return (.id, .success(byNumber.int(0)))
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

extension PersonLookup {
    /// How many of the input's characters are digits (of any script) or an ID number's X: an ID number
    /// has 15 or more. Counted byte by byte for ASCII input (what scanners send), by character otherwise.
    static func digitCount(_ input: String) -> Int {
        let utf8 = input.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return utf8.reduce(0) { count, byte in
                count + ((0x30...0x39).contains(byte) || byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x") ? 1 : 0)
            }
        }
        return input.filter { $0.isNumber || $0 == "X" || $0 == "x" }.count
    }
}

public struct LookupFailure: Error, Sendable {
    public let message: Message
    /// In English, for logs and callers not yet worded by language.
    public var reason: String { message.text(.en) }
    public init(_ message: Message) { self.message = message }
}
