import Foundation

/// An open checkpoint as stored by its `checkin.gate` step.
struct CheckpointWindow {
    var gates: [String]
    var gateNames: [String: String]
    var opens: Date?
    var closes: Date?
    var closed: Bool
    /// When its step closed it (nil: open, or closed before this was recorded).
    var closedAt: Date?
    var walkIns: Bool
}
