import Foundation
import GRDB
import Ledger
import PluginKit

/// Registering someone at the desk, as `campaign register` and the page's walk-in form do: the
/// registration, then — in the same transaction — the check-in the plugin that keeps attendance
/// allows (none when `desk` is nil: `--no-check-in`, or no such plugin).
public enum DeskRegistration {
    public static func register(_ db: Database, _ walkIn: WalkIn, desk: (any DeskAttendance)?, checkpoint: String,
                                gate: String, staff: String,
                         now: Date) throws -> (WalkInResult, DeskCheckIn?) {
        let result = try Registrations.registerWalkIn(db, walkIn, now: now)
        let attendance = try desk?.checkIn(db, badgeCode: result.code, campaign: walkIn.campaign, checkpoint: checkpoint,
                                           gate: gate, staff: staff, now: now)
        return (result, attendance)
    }
}
