import Foundation
import Workflow

/// How an import runs: the campaign it registers to, the file's encoding and sheet, columns and
/// group labels a county adds, strictness, and the source and time its records are stamped with.
public struct ImportOptions: Sendable {
    /// The campaign to register people (or link enterprises and postings) to.
    public var campaign: String?
    public var encoding: TextEncoding?
    public var sheet: String?
    /// Field → header text, for headers the aliases do not know.
    public var columns: [String: String]
    /// Target-group labels a county uses beyond the built-in ones (label → group).
    public var groupLabels: [String: TargetGroup] = [:]
    /// Any bad row aborts the whole import, writing nothing.
    public var strict: Bool
    /// Recorded as the source of new and changed records (the file name, or "walk-in").
    public var source: String
    /// How people came to the campaign: "import" or "walk-in".
    public var channel: String
    public var now: Date
    /// The language of the reject file's reasons and the summary's words: the command's `--lang`,
    /// else `CAMPAIGN_LANG`, else Chinese.
    public var language = Language.fromEnvironment()

    public init(campaign: String? = nil, encoding: TextEncoding? = nil, sheet: String? = nil,
                columns: [String: String] = [:], strict: Bool = false, source: String, channel: String = "import",
                now: Date) {
        self.campaign = campaign
        self.encoding = encoding
        self.sheet = sheet
        self.columns = columns
        self.strict = strict
        self.source = source
        self.channel = channel
        self.now = now
    }
}
