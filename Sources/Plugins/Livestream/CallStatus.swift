import Workflow

/// What a call-back came to. `open` is a call not made yet; `notReached` comes back after the retry
/// delay until the attempts run out; the others settle the lead.
public enum CallStatus: String, CaseIterable, Sendable {
    case open
    case reached
    case notReached = "not-reached"
    case wrongNumber = "wrong-number"
    case notInterested = "not-interested"
    case booked

    public var label: MessageText {
        switch self {
        case .open: CallMessages.statusOpen
        case .reached: CallMessages.statusReached
        case .notReached: CallMessages.statusNotReached
        case .wrongNumber: CallMessages.statusWrongNumber
        case .notInterested: CallMessages.statusNotInterested
        case .booked: CallMessages.statusBooked
        }
    }

    /// Whether the lead needs no more calls after this one (a not-reached lead settles when its
    /// attempts run out).
    public var settles: Bool { ![.open, .notReached].contains(self) }
    public var reachedSomeone: Bool { [.reached, .notInterested, .booked].contains(self) }
}
