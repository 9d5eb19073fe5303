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
    var code: String
    var newly_registered: Bool
    var name: String
    var id_number: String
    var groups: [String]
    /// Whether they were checked in too (the gate open and taking walk-ins), and what happened.
    var checked_in: Bool
    var attendance: String
}
