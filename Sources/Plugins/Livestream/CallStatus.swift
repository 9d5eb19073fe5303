/// What a call-back came to. `open` is a call not made yet; `notReached` comes back after the retry
/// delay until the attempts run out; the others settle the lead.
public enum CallStatus: String, CaseIterable, Sendable {
    case open
    case reached
    case notReached = "not-reached"
    case wrongNumber = "wrong-number"
    case notInterested = "not-interested"
    case booked

    public var label: (zh: String, en: String) {
        switch self {
        case .open: ("待拨打", "to call")
        case .reached: ("已接通", "reached")
        case .notReached: ("未接通", "not reached")
        case .wrongNumber: ("空号/错号", "wrong number")
        case .notInterested: ("无意向", "not interested")
        case .booked: ("已约面试", "interview booked")
        }
    }

    /// Whether the lead needs no more calls after this one (a not-reached lead settles when its
    /// attempts run out).
    public var settles: Bool { ![.open, .notReached].contains(self) }
    public var reachedSomeone: Bool { [.reached, .notInterested, .booked].contains(self) }
}
