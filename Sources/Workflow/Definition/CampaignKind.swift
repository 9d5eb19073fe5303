/// What kind of campaign a definition runs (`kind: bus-transport`): a name the plugins declare
/// (`Plugin.campaignKinds`), so the engine knows none of them — it only checks that some plugin
/// compiled in declares the kind written, and keeps it on the run for the tally and `status`.
public struct CampaignKind: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    /// A definition that names no kind (or says `kind: other`): every plugin's steps may still run in it.
    public static let other: CampaignKind = "other"
}
