import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// The desk beside the gate: someone registered there is checked in at the same moment — a real
/// scan, counted like every other — when the checkpoint is open and welcomes walk-ins. Before the
/// gate opens, after it closes, or when walk-ins are not allowed, the registration stands alone
/// and the reason is said: a late registrant has not come.
struct GateDesk: DeskAttendance {
    func checkIn(_ db: Database, badgeCode: String, campaign: String, checkpoint: String, gate: String, staff: String,
                 now: Date) throws -> DeskCheckIn {
        let request = ScanRequest(campaign: campaign, checkpoint: checkpoint, input: badgeCode, gate: gate, staff: staff,
                                  device: "desk")
        let windows = WindowCache()
        guard let window = try windows.window(db, for: request) else {
            return .notCheckedIn(reason: Message(CheckinMessages.deskGateNotOpened,
                                                 ["checkpoint": checkpoint, "campaign": campaign]))
        }
        guard window.walkIns else {
            return .notCheckedIn(reason: Message(CheckinMessages.deskNoWalkIns, ["checkpoint": checkpoint]))
        }
        let zone = try windows.timeZone(db, of: campaign)
        if let problem = Scans.windowProblem(request, now: now, zone: zone, window: window) {
            return .notCheckedIn(reason: problem + Message(CheckinMessages.deskRegisteredOnly))
        }
        let answer = try Scans.scan(db, request, now: now, windows: windows)
        switch answer.result {
        case .accepted: return .checkedIn(checkpoint: checkpoint)
        case .repeat_: return .alreadyCheckedIn(reason: answer.message)
        case .rejected: return .notCheckedIn(reason: answer.message)
        }
    }
}
