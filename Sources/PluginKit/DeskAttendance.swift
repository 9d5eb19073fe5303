import Foundation
import GRDB
import Workflow

/// What happened at the gate when someone was registered at the desk.
public enum DeskCheckIn: Sendable, Equatable {
    /// Checked in now, at this checkpoint: they count as attended.
    case checkedIn(checkpoint: String)
    /// They had already been checked in (the reason says when and where).
    case alreadyCheckedIn(reason: Message)
    /// Registered only: the gate is not open, closed, takes no walk-ins, or there is no gate.
    case notCheckedIn(reason: Message)
}

/// Registering someone and their coming to the fair are two acts. A plugin that keeps attendance
/// (check-in) checks in a person just registered at the desk when its gate is open and welcomes
/// walk-ins, and says why not otherwise; the registration plugin asks through this, knowing no
/// check-in table.
public protocol DeskAttendance: Sendable {
    func checkIn(_ db: Database, badgeCode: String, campaign: String, checkpoint: String, gate: String, staff: String,
                 now: Date) throws -> DeskCheckIn
}

extension [CampaignPlugin] {
    /// The plugin that keeps attendance, if any is built in.
    public var deskAttendance: (any DeskAttendance)? { lazy.compactMap(\.deskAttendance).first }
}
