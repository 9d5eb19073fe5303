import Ledger
import PluginKit
import Workflow

/// The ledger's own measures, which every tally has: campaigns, what they offered, who registered.
/// The plugins' sections add the rest of the funnel after these.
enum LedgerMeasures {
    static let campaigns = TallyMeasure("campaigns", zh: "活动场次", en: "campaigns", scope: .campaign)
    /// A bus season carries workers already placed: what was offered means something only where
    /// postings are presented.
    static let offerKinds: Set<CampaignKind> = [.jobFair, .livestream]
    static let enterprises = TallyMeasure("enterprises", zh: "邀请企业", en: "enterprises invited", scope: .campaign,
                                          kinds: offerKinds, highlight: true)
    static let postings = TallyMeasure("postings", zh: "岗位数", en: "postings", scope: .campaign, kinds: offerKinds)
    static let positions = TallyMeasure("positions", zh: "招聘人数", en: "positions offered", scope: .campaign,
                                        kinds: offerKinds, highlight: true)
    static let registered = TallyMeasure("registered", zh: "登记求职者", en: "registered", scope: .people(threshold: 0),
                                         doc: "Job seekers registered.")

    static let all = [campaigns, enterprises, postings, positions, registered]
}

extension TallyDimension {
    public func label(_ lang: Language) -> String { lang == .zh ? zh : en }

    /// "按乡镇" / "by township": a breakdown's title.
    public func title(_ lang: Language) -> String {
        TallyWords.byDimension.text(lang, ["dimension": label(lang)])
    }
}

extension TargetGroup {
    public func label(_ lang: Language) -> String { words.template(lang) }
}

enum TallyText {
    static func percent(_ value: Double?) -> String {
        guard let value else { return "" }
        return String(format: "%.1f%%", value * 100)
    }

    static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }

    /// The label of a breakdown's totals row.
    static func totalLabel(_ lang: Language) -> String { TallyWords.total.text(lang) }
    static func visitsTotalLabel(_ lang: Language) -> String { TallyWords.totalVisits.text(lang) }
    static func peopleTotalLabel(_ lang: Language) -> String { TallyWords.totalPeople.text(lang) }

    /// The target groups any registered person in the tally belongs to, in standard order.
    static func groupsPresent(_ counts: TallyCounts) -> [TargetGroup] {
        TargetGroup.allCases.filter { (counts.ofWhich[$0]?[LedgerMeasures.registered.key] ?? 0) > 0 }
    }

    static func rowLabel(_ row: TallyRow, dimension: TallyDimension, lang: Language) -> String {
        if dimension == .group, let group = TargetGroup.allCases.first(where: { $0.key == row.key }) {
            return group.label(lang)
        }
        if dimension == .posting { return row.key + " " + row.label }
        return row.label
    }

    /// The rate columns a breakdown shows (就业率 = placed / attended), where both measures are in it.
    static func breakdownRates(_ breakdown: TallyBreakdown) -> [(measure: TallyMeasure, rate: TallyMeasure.BreakdownRate)] {
        breakdown.measures.compactMap { measure in
            guard let rate = measure.breakdownRate, breakdown.measures.contains(where: { $0.key == rate.of }) else { return nil }
            return (measure, rate)
        }
    }
}
