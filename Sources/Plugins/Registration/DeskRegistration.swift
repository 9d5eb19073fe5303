import Foundation
import GRDB
import Ledger
import PluginKit

/// Registering someone at the desk, as `campaign register` and the page's walk-in form do: the
/// registration, then — in the same transaction — the check-in the plugin that keeps attendance
/// allows (none when `desk` is nil: `--no-check-in`, or no such plugin).
public enum DeskRegistration {
    public static func register(_ walkIn: WalkIn, desk: (any DeskAttendance)?, checkpoint: String, gate: String, staff: String,
                         now: Date, db: Database) throws -> (WalkInResult, DeskCheckIn?) {
        let result = try Registrations.registerWalkIn(walkIn, now: now, db: db)
        let attendance = try desk?.checkIn(badgeCode: result.code, campaign: walkIn.campaign, checkpoint: checkpoint,
                                           gate: gate, staff: staff, now: now, db: db)
        return (result, attendance)
    }
}
