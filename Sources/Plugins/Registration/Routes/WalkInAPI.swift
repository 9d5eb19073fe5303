import Foundation
import Hummingbird

/// The JSON bodies of walk-in registration. Keys are stable: phones and scripts depend on them.
struct WalkInBody: Decodable {
    var name: String
    var id_number: String
    var phone: String?
    var township: String?
    var village: String?
    var groups: String?
    /// The gate the desk stands at, when the checkpoint names gates.
    var gate: String?
}

struct WalkInReply: ResponseEncodable {
    /// The badge code when this request registered them (or a manager asks); null for someone already
    /// registered — a staff token that types an ID number learns nothing it did not type.
    var code: String?
    var newly_registered: Bool
    /// What was typed for someone already in the ledger and left as the ledger has it (a manager may change it).
    var unchanged_fields: [String]
    /// The ledger fields this registration changed (a manager's), recorded in the audit log.
    var changed_fields: [String]
    /// What happened to the ledger, worded; null when nothing was withheld or changed.
    var ledger: String?
    var name: String
    var id_number: String
    var groups: [String]
    /// Whether they were checked in too (the gate open and taking walk-ins), and what happened.
    var checked_in: Bool
    var attendance: String

    enum CodingKeys: String, CodingKey {
        case code, newly_registered, unchanged_fields, changed_fields, ledger, name, id_number, groups, checked_in, attendance
    }

    /// Every key always there, null where there is nothing: pages and scripts test for them.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(newly_registered, forKey: .newly_registered)
        try container.encode(unchanged_fields, forKey: .unchanged_fields)
        try container.encode(changed_fields, forKey: .changed_fields)
        try container.encode(ledger, forKey: .ledger)
        try container.encode(name, forKey: .name)
        try container.encode(id_number, forKey: .id_number)
        try container.encode(groups, forKey: .groups)
        try container.encode(checked_in, forKey: .checked_in)
        try container.encode(attendance, forKey: .attendance)
    }
}
