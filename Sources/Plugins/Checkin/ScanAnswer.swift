import Foundation
import GRDB
import Ledger
import Workflow

/// The answer staff see: green, amber or red, with a reason a person understands.
public struct ScanAnswer: Sendable, Equatable {
    /// Stored as its raw value (`accepted`, `repeat`, `rejected`) in `scan.result`.
    public enum Result: String, Sendable, DatabaseValueConvertible {
        /// Checked in now: counts.
        case accepted
        /// Already checked in: not an error, not a second count.
        case repeat_ = "repeat"
        case rejected

        /// `result = 'accepted'` for a query's WHERE, written from the case so the two cannot part.
        /// A literal, not a bound value: SQLite uses the index on accepted scans (`scan_once`,
        /// partial) only where the query's text implies its condition.
        static let isAccepted = "result = '\(Result.accepted.rawValue)'"
    }

    public var result: Result
    /// Why, not yet worded: the front end words it in its reader's language.
    public var message: Message
    /// The reason in English (logs, and callers that do not choose a language).
    public var reason: String { message.text(.en) }
    public var maskedName: String?
    public var maskedID: String?
    public var groups: [String]
    /// True when this request's nonce was seen before and the first answer is returned.
    public var replayed: Bool
}
