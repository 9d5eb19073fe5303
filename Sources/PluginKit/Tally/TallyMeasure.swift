import Workflow

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

    /// How the campaigns' values of a measure make the figure of several campaigns (a year's tally).
    /// People measures always add up as visits (人次), with the distinct people (人数) beside them.
    public enum Combination: Sendable, Hashable {
        /// Each campaign's own count, added: visits (人次), enterprises per campaign (家次), yuan.
        case sum
        /// The largest campaign's value: a peak happened in one campaign, never in their sum
        /// (four streams that peaked at 3,650 and 8,000… peaked at 8,000).
        case maximum
        /// Meaningful for one campaign only: blank in a tally of several.
        case single
    }

    /// A rate shown as a column of its own in breakdowns, e.g. 就业率 = placed / attended.
    public struct BreakdownRate: Sendable, Hashable {
        public let of: String
        /// Its column header (就业率): a catalogue entry keyed by the measure it divides.
        public let words: MessageText

        public init(of measure: String, zh: String, en: String) {
            self.of = measure
            words = MessageText("tally.rate-of.\(measure)", zh: zh, en: en)
        }

        public func label(_ lang: Language) -> String { words.template(lang) }
    }

    /// The stable key of JSON reports and CSV headers in English: `attended`.
    public let key: String
    /// Its name in each language: a catalogue entry (`tally.measure.attended`), checked with the rest.
    public let words: MessageText
    public var zh: String { words.zh }
    public var en: String { words.en }
    public let scope: Scope
    /// How several campaigns' values combine (every format shows the combined figure).
    public let combination: Combination
    /// The kinds of campaign it means something for, where that is narrower than its section's
    /// (placements without a check-in mean something only where there is a gate). Nil: its section's.
    public let kinds: Set<CampaignKind>?
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

    public init(_ key: String, zh: String, en: String, scope: Scope, combination: Combination = .sum,
                kinds: Set<CampaignKind>? = nil, ratesOf: [String] = [], breakdownRate: BreakdownRate? = nil,
                highlight: Bool = false, rowOrder: Int? = nil, doc: String = "") {
        self.doc = doc
        self.combination = combination
        self.kinds = kinds
        self.key = key
        words = MessageText("tally.measure.\(key)", zh: zh, en: en)
        self.scope = scope
        self.ratesOf = ratesOf
        self.breakdownRate = breakdownRate
        self.highlight = highlight
        self.rowOrder = rowOrder
    }

    public func label(_ lang: Language) -> String { words.template(lang) }

    /// The figure of several campaigns from each one's value (nil where none has one).
    public func combined(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        switch combination {
        case .sum: return values.reduce(0, +)
        case .maximum: return values.max()
        case .single: return values.count == 1 ? values[0] : nil
        }
    }

    /// The level a registered person must reach to count, or nil for a campaign measure.
    public var threshold: Int? {
        if case .people(let threshold) = scope { return threshold }
        return nil
    }
}
