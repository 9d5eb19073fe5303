import Ledger
import Outcomes
import PluginKit

/// The measures of a tally, in funnel order, with the names county reports use.
public enum TallyMeasure: String, Sendable, CaseIterable {
    case campaigns, enterprises, postings, positions, registered, attended, interviewed, intents, placed, retained

    public func label(_ lang: TallyLanguage) -> String {
        switch (self, lang) {
        case (.campaigns, .zh): "活动场次"
        case (.enterprises, .zh): "参会企业"
        case (.postings, .zh): "岗位数"
        case (.positions, .zh): "招聘人数"
        case (.registered, .zh): "登记求职者"
        case (.attended, .zh): "到场求职者"
        case (.interviewed, .zh): "面试人数"
        case (.intents, .zh): "达成意向"
        case (.placed, .zh): "成功就业"
        case (.retained, .zh): "稳定就业"
        case (.campaigns, .en): "campaigns"
        case (.enterprises, .en): "enterprises"
        case (.postings, .en): "postings"
        case (.positions, .en): "positions offered"
        case (.registered, .en): "registered"
        case (.attended, .en): "attended"
        case (.interviewed, .en): "interviewed"
        case (.intents, .en): "hiring intents"
        case (.placed, .en): "placed"
        case (.retained, .en): "retained"
        }
    }

    /// The measure's value in a line of the tally; nil where it does not apply.
    public func value(in counts: TallyCounts) -> Int? {
        switch self {
        case .campaigns: counts.campaigns
        case .enterprises: counts.enterprises
        case .postings: counts.postings
        case .positions: counts.positions
        case .registered: counts.registered
        case .attended: counts.attended
        case .interviewed: counts.interviewed
        case .intents: counts.intents
        case .placed: counts.placed
        case .retained: counts.retained
        }
    }

    /// The stage a person-count measure comes from the one before it, for conversion rates.
    var previous: TallyMeasure? {
        switch self {
        case .attended: .registered
        case .interviewed: .attended
        case .intents: .interviewed
        case .placed: .intents
        case .retained: .placed
        default: nil
        }
    }

    /// The measures that count people, and so have "of which" per target group.
    static let people: [TallyMeasure] = [.registered, .attended, .interviewed, .intents, .placed, .retained]

    func value(in people: PeopleCounts) -> Int? {
        switch self {
        case .registered: people.registered
        case .attended: people.attended
        case .interviewed: people.interviewed
        case .intents: people.intents
        case .placed: people.placed
        case .retained: people.retained
        default: nil
        }
    }

    /// Conversion from the previous stage, e.g. attended / registered.
    func rate(in counts: TallyCounts) -> Double? {
        guard let previous, let part = value(in: counts), let whole = previous.value(in: counts), whole > 0 else {
            return nil
        }
        return Double(part) / Double(whole)
    }
}

extension TallyDimension {
    public func label(_ lang: TallyLanguage) -> String {
        switch (self, lang) {
        case (.campaign, .zh): "活动"
        case (.township, .zh): "乡镇"
        case (.village, .zh): "村"
        case (.group, .zh): "人员类别"
        case (.enterprise, .zh): "企业"
        case (.posting, .zh): "岗位"
        case (.campaign, .en): "campaign"
        case (.township, .en): "township"
        case (.village, .en): "village"
        case (.group, .en): "target group"
        case (.enterprise, .en): "enterprise"
        case (.posting, .en): "posting"
        }
    }

    /// "按乡镇" / "by township": a breakdown's title.
    public func title(_ lang: TallyLanguage) -> String {
        lang == .zh ? "按\(label(.zh))" : "by \(label(.en))"
    }

    /// The measures a breakdown by this dimension shows.
    public var measures: [TallyMeasure] {
        switch self {
        case .campaign: TallyMeasure.allCases.filter { $0 != .campaigns }
        case .township, .village, .group: TallyMeasure.people
        case .enterprise: [.postings, .positions, .interviewed, .intents, .placed, .retained]
        case .posting: [.positions, .interviewed, .intents, .placed, .retained]
        }
    }
}

extension TargetGroup {
    public func label(_ lang: TallyLanguage) -> String {
        guard lang == .en else { return label }
        switch self {
        case .povertyAlleviated: return "lifted out of poverty"
        case .monitored: return "monitored households"
        case .zeroEmploymentFamily: return "zero-employment families"
        case .hardship: return "hardship"
        case .graduate: return "graduates"
        case .veteran: return "veterans"
        case .disabled: return "disabled"
        case .returnee: return "returning migrants"
        }
    }
}

enum TallyText {
    static func percent(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%.1f%%", value * 100)
    }

    static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }

    /// The target groups any registered person in the tally belongs to, in standard order.
    static func groupsPresent(_ counts: TallyCounts) -> [TargetGroup] {
        TargetGroup.allCases.filter { (counts.ofWhich[$0]?.registered ?? 0) > 0 }
    }

    static func rowLabel(_ row: TallyRow, dimension: TallyDimension, lang: TallyLanguage) -> String {
        if dimension == .group, let group = TargetGroup.allCases.first(where: { $0.key == row.key }) {
            return group.label(lang)
        }
        if dimension == .posting { return row.key + " " + row.label }
        return row.label
    }
}
