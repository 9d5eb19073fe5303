import GRDB

/// The target groups a person is in. Held as a bit set (bit n for the group whose raw value is n) so
/// that a tally filters with one AND and the ledger stores one integer; `capacity` bits wide, and
/// `TargetGroup.allFit` guards that every declared group has its bit (a test checks it, so adding a
/// tenth or a thirty-third group cannot silently drop one, as an 8-bit copy once dropped the ninth).
public struct TargetGroupSet: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32

    /// How many groups a set can hold.
    public static let capacity = UInt32.bitWidth

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public init(_ group: TargetGroup) { rawValue = 1 << UInt32(group.rawValue) }

    public init<S: Sequence>(_ groups: S) where S.Element == TargetGroup {
        self = groups.reduce(into: []) { $0.insert(TargetGroupSet($1)) }
    }

    /// From the ledger's `groups` column, which only `stored` writes: every value fits. One that does
    /// not (a hand-edited workspace) keeps the declared groups it names and nothing else.
    public init(stored value: Int64) {
        rawValue = UInt32(exactly: value) ?? UInt32(truncatingIfNeeded: value) & TargetGroupSet.every.rawValue
    }

    public static let none: TargetGroupSet = []

    /// Every declared group.
    public static var every: TargetGroupSet { TargetGroupSet(TargetGroup.allCases) }

    public func contains(_ group: TargetGroup) -> Bool { contains(TargetGroupSet(group)) }

    /// The groups in it, in the standard order.
    public var members: [TargetGroup] { TargetGroup.allCases.filter(contains) }

    /// The Chinese labels, in the standard order.
    public var labels: [String] { members.map(\.label) }

    /// The value the ledger's `groups` column holds.
    public var stored: Int64 { Int64(rawValue) }

    public var description: String { labels.joined(separator: "、") }
}

extension TargetGroupSet: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { stored.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> TargetGroupSet? {
        Int64.fromDatabaseValue(dbValue).map(TargetGroupSet.init(stored:))
    }
}

extension TargetGroup {
    /// Whether every declared group has a bit of its own in `TargetGroupSet`.
    public static var allFit: Bool { allCases.allSatisfy { $0.rawValue >= 0 && $0.rawValue < TargetGroupSet.capacity } }
}
