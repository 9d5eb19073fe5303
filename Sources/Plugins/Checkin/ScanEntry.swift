import Foundation
import GRDB
import Ledger
import Workflow

/// One scan of the ledger as staff and managers see it: personal data masked.
public struct ScanEntry: Sendable {
    public var at: Date
    public var gate: String
    public var staff: String
    public var method: String
    public var input: String
    public var name: String?
    public var idNumber: String?
    public var result: String
    /// Why, not yet worded (scans recorded before reasons had keys: their stored words).
    public var message: Message
    /// The reason in English.
    public var reason: String { message.text(.en) }
}
