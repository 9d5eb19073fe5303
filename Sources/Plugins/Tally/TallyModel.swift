import Foundation
import Ledger
import PluginKit
import Workflow

/// What a tally can be broken down by. Person dimensions (township, village, group) count job
/// seekers by where they live and who they are; posting dimensions (enterprise, posting) count
/// them by where they applied; a plugin's grouping (a bus campaign's destination) counts them by
/// what that plugin knows of them.
public struct TallyDimension: Sendable, Hashable, Codable {
    public let rawValue: String
    let zh: String
    let en: String
    /// Whether one person may count in several rows (two target groups, interviews at two enterprises).
    let overlapping: Bool

    init(_ rawValue: String, zh: String, en: String, overlapping: Bool) {
        self.rawValue = rawValue
        self.zh = zh
        self.en = en
        self.overlapping = overlapping
    }

    public init(_ grouping: TallyGrouping) {
        self.init(grouping.key, zh: grouping.zh, en: grouping.en, overlapping: grouping.overlapping)
    }

    public static let campaign = TallyDimension("campaign", zh: "活动", en: "campaign", overlapping: false)
    public static let township = TallyDimension("township", zh: "乡镇", en: "township", overlapping: false)
    public static let village = TallyDimension("village", zh: "村", en: "village", overlapping: false)
    public static let group = TallyDimension("group", zh: "人员类别", en: "target group", overlapping: true)
    public static let enterprise = TallyDimension("enterprise", zh: "企业", en: "enterprise", overlapping: true)
    public static let posting = TallyDimension("posting", zh: "岗位", en: "posting", overlapping: true)
    public static let builtIn = [campaign, township, village, group, enterprise, posting]

    public static func == (a: TallyDimension, b: TallyDimension) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    public init(from decoder: any Decoder) throws {
        let key = try decoder.singleValueContainer().decode(String.self)
        self = Self.builtIn.first { $0.rawValue == key } ?? TallyDimension(key, zh: key, en: key, overlapping: true)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    var isPersonDimension: Bool { self == .township || self == .village || self == .group }

    /// The built-in dimensions and the groupings `sections` add.
    public static func known(_ sections: [any TallySection]) -> [TallyDimension] {
        builtIn + sections.flatMap(\.groupings).map(TallyDimension.init)
    }

    /// Breakdowns as `--by`, `by:` and `?by=` give them: repeated or comma-separated, each once.
    public static func parseList(_ items: [String], among known: [TallyDimension] = builtIn) throws -> [TallyDimension] {
        var dimensions: [TallyDimension] = []
        for item in items.flatMap({ $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
        where !item.isEmpty {
            guard let dimension = known.first(where: { $0.rawValue == item }) else {
                throw WorkflowError.usage(TallyCommandMessages.unknownBreakdown(["name": item]),
                                          hint: Suggestions.message(for: item, among: known.map(\.rawValue))
                                            ?? TallyCommandMessages.useBreakdowns(["names": known.map(\.rawValue).joined(separator: ", ")]))
            }
            if !dimensions.contains(dimension) { dimensions.append(dimension) }
        }
        return dimensions
    }
}

/// One line of a tally — the whole funnel, or one township, enterprise, posting… — as the value of
/// each measure that applies to it, by key. A measure that does not apply (a township offers no
/// positions; a posting has no registrations) is absent, and prints as a blank, not a zero.
/// `counts.placed` reads the measure `placed`, whichever plugin declared it.
@dynamicMemberLookup
public struct TallyCounts: Sendable, Equatable {
    public var values: [String: Int] = [:]
    /// "Of which" per target group: the people measures counting only people in that group.
    public var ofWhich: [TargetGroup: TallyCounts] = [:]
    /// A rate's two sides counted over only the campaigns both measures apply to, by "part/whole",
    /// where that differs from the line's values: in a year of fairs and livestreams, 就业率 is the
    /// fairs' placements over the fairs' attendance, not every placement over the fairs' attendance.
    public var rateBases: [String: RateBase] = [:]

    public struct RateBase: Sendable, Equatable {
        public var part: Int
        public var whole: Int
    }

    public init(_ values: [String: Int] = [:]) {
        self.values = values
    }

    public subscript(key: String) -> Int? {
        get { values[key] }
        set { values[key] = newValue }
    }

    public subscript(dynamicMember key: String) -> Int? { values[key] }

    /// The conversion rate of `measure` from what it is divided by (its first `ratesOf`, or `of`), or
    /// nil where either does not apply or the whole is zero.
    public func rate(_ measure: TallyMeasure, of whole: String? = nil) -> Double? {
        guard let whole = whole ?? measure.ratesOf.first else { return nil }
        if let base = rateBases[measure.key + "/" + whole] {
            return base.whole > 0 ? Double(base.part) / Double(base.whole) : nil
        }
        guard let part = values[measure.key], let total = values[whole], total > 0 else { return nil }
        return Double(part) / Double(total)
    }
}

public struct TallyRow: Sendable, Equatable {
    /// Stable identifier: the township, "township/village", the group key, the credit code, the posting code.
    public var key: String
    /// What people read: 城关镇 / 东村, 脱贫人口, 某某公司, 焊工（某某公司）.
    public var label: String
    public var counts: TallyCounts

    public init(key: String, label: String, counts: TallyCounts) {
        self.key = key
        self.label = label
        self.counts = counts
    }
}

public struct TallyBreakdown: Sendable, Equatable {
    public var dimension: TallyDimension
    /// The measures its tables show, in funnel order.
    public var measures: [TallyMeasure]
    public var rows: [TallyRow]
    /// The 合计 row: the whole tally's counts. Where a person can stand in several rows (two target
    /// groups, interviews at two enterprises) it is less than the rows' sum: each person counts once.
    public var total = TallyCounts()
    /// For the campaign breakdown of several campaigns (a year of fairs): a second total counting each
    /// person once however many of the campaigns they came to (人数), under the 人次 total.
    public var distinctTotal: TallyCounts?

    public init(dimension: TallyDimension, measures: [TallyMeasure], rows: [TallyRow], total: TallyCounts = TallyCounts()) {
        self.dimension = dimension
        self.measures = measures
        self.rows = rows
        self.total = total
    }

    /// Whether a person may count in more than one row, so 合计 is not the rows' sum.
    public var rowsMayOverlap: Bool { dimension.overlapping }
}

/// A tally of one or more campaigns: the funnel and the breakdowns asked for.
public struct TallyReport: Sendable {
    public var campaigns: [CampaignInfo]
    public var from: String?
    public var to: String?
    public var generatedAt: Date
    /// Every measure, in funnel order: the ledger's, then each plugin's.
    public var measures: [TallyMeasure]
    public var funnel: TallyCounts
    /// 人数 beside the funnel's 人次: for a tally of several campaigns, each people measure counting
    /// every person once however many of them they came to; nil for one campaign (the two agree).
    public var distinctPeople: [String: Int]?
    public var breakdowns: [TallyBreakdown]
    /// Lists of people the plugins offer (the placed job seekers), with their rows when a manager
    /// asked for them (`--list-placed`) and nil otherwise.
    public var personLists: [(list: TallyPersonList, rows: [TallyPersonList.Row]?)]
    /// The shreds of its campaigns' personal data (`campaign shred`): the figures stand, the people
    /// behind them are pseudonyms, and the report says so.
    public var shredded: [ShredRecords.Record] = []
    /// The form it is printed as: 表号, 制表机关, 填报单位, and the lines it is signed under.
    public var form = ReportForm()
    /// An earlier period beside this one (`--compare-from/--compare-to`), or nil.
    public var comparison: TallyComparison?

    /// A report whose figures were added up elsewhere (the province's, from its counties' facts).
    public init(campaigns: [CampaignInfo], from: String?, to: String?, generatedAt: Date, measures: [TallyMeasure],
                funnel: TallyCounts, breakdowns: [TallyBreakdown],
                personLists: [(list: TallyPersonList, rows: [TallyPersonList.Row]?)] = []) {
        self.campaigns = campaigns
        self.from = from
        self.to = to
        self.generatedAt = generatedAt
        self.measures = measures
        self.funnel = funnel
        self.breakdowns = breakdowns
        self.personLists = personLists
    }

    public struct CampaignInfo: Sendable, Equatable {
        public var name: String
        public var title: String
        /// Its kind (`kind:`): which sections apply to it.
        public var kind: CampaignKind
        public var startedAt: Date
        /// The campaign's own time zone.
        public var timeZone: TimeZone
        /// The day it was held (its `date:`, else the day it was started): what periods select on.
        public var heldOn: String
        /// Its county and venue, from its vars (`county:`, `venue:`), for the report's title.
        public var county: String?
        public var venue: String?

        public init(name: String, title: String, kind: CampaignKind = .other, startedAt: Date, timeZone: TimeZone,
                    heldOn: String, county: String? = nil, venue: String? = nil) {
            self.name = name
            self.kind = kind
            self.title = title
            self.startedAt = startedAt
            self.timeZone = timeZone
            self.heldOn = heldOn
            self.county = county
            self.venue = venue
        }

        /// `2026年春风行动专场招聘会（2026-03-01，县人力资源市场）`.
        public func described(_ lang: Language) -> String {
            let what = title.isEmpty ? name : title
            let details = [heldOn, venue].compactMap { $0 }.joined(separator: Punctuation.comma.text(lang))
            return Punctuation.remark.text(lang, ["what": what, "remark": details])
        }
    }

    /// The period the report covers: the one asked for, else the first and last days its campaigns
    /// were held (`2026-03-01` or `2026-03-01 – 2026-11-20`).
    public var period: String {
        if from != nil || to != nil { return "\(from ?? "…") – \(to ?? "…")" }
        let days = campaigns.map(\.heldOn).sorted()
        guard let first = days.first, let last = days.last else { return "" }
        return first == last ? first : "\(first) – \(last)"
    }

    /// The zone the report's own times are printed in: its campaigns' (the first one's, should they differ).
    public var timeZone: TimeZone { campaigns.first?.timeZone ?? WorkflowDefinition.defaultTimeZone }

    /// The report's heading: the campaign's title, or "3 campaigns".
    /// The county all its campaigns were held in, when they share one.
    public var county: String? {
        let counties = Set(campaigns.map(\.county))
        return counties.count == 1 ? counties.first! : nil
    }

    /// The report's title: the county, then the campaign's title (or how many there were).
    public func heading(_ lang: Language) -> String {
        let bare = bareHeading(lang)
        guard let county, !bare.hasPrefix(county) else { return bare }
        return county + " " + bare
    }

    /// The campaigns, each with its day and venue, for the line under the title.
    public func campaignsLine(_ lang: Language) -> String {
        TallyWords.campaignsAre.text(lang, ["campaigns": campaigns.map { $0.described(lang) }.joined(separator: Punctuation.semicolon.text(lang))])
    }

    func bareHeading(_ lang: Language) -> String {
        if campaigns.count == 1 { return campaigns[0].title.isEmpty ? campaigns[0].name : campaigns[0].title }
        if campaigns.isEmpty { return TallyWords.noCampaignHeld.text(lang) }
        return TallyWords.campaignsCount.text(lang, ["count": String(campaigns.count)])
    }

    /// The measures that count registered people, in funnel order.
    public var peopleMeasures: [TallyMeasure] { measures.filter { $0.threshold != nil } }

    /// The lists a manager asked for.
    public var askedLists: [(list: TallyPersonList, rows: [TallyPersonList.Row])] {
        personLists.compactMap { entry in entry.rows.map { (entry.list, $0) } }
    }
}
