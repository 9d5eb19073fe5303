/// The language a report is written in.
public enum TallyLanguage: String, Sendable, CaseIterable {
    case zh, en
}

/// One number a tally reports, e.g. 到场求职者 (attended). Plugins declare their measures in their
/// tally section; the tally counts them and every report format shows them, in funnel order.
public struct TallyMeasure: Sendable, Hashable {
    public enum Scope: Sendable, Hashable {
        /// A number per campaign (enterprises, postings, positions): summed over campaigns.
        case campaign
        /// Registered people whose level in the section reaches `threshold` (0: every registered
        /// person), counted once per campaign and broken down by place and target group.
        case people(threshold: Int)
    }

    /// A rate shown as a column of its own in breakdowns, e.g. 就业率 = placed / attended.
    public struct BreakdownRate: Sendable, Hashable {
        public let of: String
        public let zh: String
        public let en: String

        public init(of measure: String, zh: String, en: String) {
            self.of = measure
            self.zh = zh
            self.en = en
        }
    }

    /// The stable key of JSON reports and CSV headers in English: `attended`.
    public let key: String
    public let zh: String
    public let en: String
    public let scope: Scope
    /// The measures this one is divided by for its conversion rates (`placed_of_intents`, …); the
    /// first is the funnel's 转化率 column.
    public let ratesOf: [String]
    public let breakdownRate: BreakdownRate?
    /// Shown as a headline figure above the HTML report's funnel.
    public let highlight: Bool
    /// Breakdown rows come in order of the measures that have this, 1 first, each highest value
    /// first (most placements, then most attendance), then by key.
    public let rowOrder: Int?
    /// What it counts, in a sentence: shown where the measure is an output (`campaign plugins`).
    public let doc: String

    public init(_ key: String, zh: String, en: String, scope: Scope, ratesOf: [String] = [],
                breakdownRate: BreakdownRate? = nil, highlight: Bool = false, rowOrder: Int? = nil, doc: String = "") {
        self.doc = doc
        self.key = key
        self.zh = zh
        self.en = en
        self.scope = scope
        self.ratesOf = ratesOf
        self.breakdownRate = breakdownRate
        self.highlight = highlight
        self.rowOrder = rowOrder
    }

    public func label(_ lang: TallyLanguage) -> String { lang == .zh ? zh : en }

    /// The level a registered person must reach to count, or nil for a campaign measure.
    public var threshold: Int? {
        if case .people(let threshold) = scope { return threshold }
        return nil
    }
}
