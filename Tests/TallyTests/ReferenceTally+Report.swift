import Foundation

/// The report docs/reference.md promises from the campaigns' counts: the funnel (人次 added up, a peak the
/// largest), 人数 beside it, 其中 per group, rates over the campaigns both sides apply to, and every
/// breakdown with its 合计.
extension ReferenceTally {
    static let groupLabels: [String: String] = spellings.mapValues { $0[0] }
    static var spellings: [String: [String]] { CountingWorld.spellings }

    /// A person's groups, from the labels their sheet (or the desk) gave, by docs/reference.md's list.
    func groups(of person: Int) -> Set<String> {
        var groups = Set<String>()
        for label in world.everyone[person].labels {
            for (group, words) in Self.spellings where words.contains(label) { groups.insert(group) }
        }
        return groups
    }

    func place(of person: Int) -> (township: String, village: String) {
        (world.everyone[person].township, world.everyone[person].village)
    }

    static func blank(_ text: String) -> String { text.isEmpty ? "(未填)" : text }

    /// The measures that apply to a campaign of this kind.
    static func measures(of kind: CountingWorld.Kind) -> Set<String> {
        Set(peopleMeasures.filter { $0.kinds.contains(kind) }.map(\.key) + campaignMeasures.filter { $0.kinds.contains(kind) }.map(\.key))
    }

    static func threshold(_ key: String) -> Int? { peopleMeasures.first { $0.key == key }?.threshold }

    /// A registered person's people measures at one campaign: each reached counts 1.
    func reached(_ person: Int, at c: CampaignCount) -> [String: Int] {
        var line: [String: Int] = [:]
        for (key, kinds, threshold) in Self.peopleMeasures where kinds.contains(c.kind) {
            let level = Self.source[key].map { c.levels[$0]?[person] ?? 0 } ?? 0
            line[key] = level >= threshold ? 1 : 0
        }
        return line
    }

    func expected() -> Expected {
        let kinds = Set(campaigns.map(\.kind))
        let measures = kinds.reduce(into: Set<String>()) { $0.formUnion(Self.measures(of: $1)) }
        let people = Self.peopleMeasures.map(\.key).filter(measures.contains)
        var funnel = Line()
        for key in people { funnel.values[key] = 0 }
        for group in Self.spellings.keys { funnel.ofWhich[group] = Dictionary(uniqueKeysWithValues: people.map { ($0, 0) }) }
        for c in campaigns {
            for person in c.registered {
                let line = reached(person, at: c)
                for (key, value) in line { funnel.values[key, default: 0] += value }
                for group in groups(of: person) {
                    for (key, value) in line { funnel.ofWhich[group]![key, default: 0] += value }
                }
            }
        }
        for (key, kinds) in Self.campaignMeasures where measures.contains(key) {
            let values = campaigns.filter { kinds.contains($0.kind) }.map { $0.values[key] ?? 0 }
            funnel.values[key] = key == "peak_viewers" ? values.max() ?? 0 : values.reduce(0, +)
        }
        var report = Expected(measures: measures, funnel: funnel, distinct: nil, rates: rates(measures), breakdowns: [:],
                              totals: [:], distinctTotal: nil)
        if campaigns.count > 1 {
            report.distinct = distinct(people)
            report.distinctTotal = report.distinct
        }
        addBreakdowns(to: &report, people: people)
        return report
    }

    /// Each rate, over the campaigns both its sides apply to.
    private func rates(_ measures: Set<String>) -> [String: Double?] {
        var rates: [String: Double?] = [:]
        for (part, whole) in Self.rates where measures.contains(part) && measures.contains(whole) {
            var p = 0, w = 0
            for c in campaigns where Self.measures(of: c.kind).isSuperset(of: [part, whole]) {
                p += value(part, at: c)
                w += value(whole, at: c)
            }
            rates["\(part)_of_\(whole)"] = w > 0 ? (Double(p) / Double(w) * 10_000).rounded() / 10_000 : nil
        }
        return rates
    }

    /// A measure's figure at one campaign: its own value, or the people reaching it.
    func value(_ key: String, at c: CampaignCount) -> Int {
        if Self.threshold(key) != nil { return c.registered.reduce(0) { $0 + (reached($1, at: c)[key] ?? 0) } }
        return c.values[key] ?? 0
    }

    /// 人数: each person once, at the furthest level any campaign gave them.
    private func distinct(_ people: [String]) -> [String: Int] {
        var out: [String: Int] = [:]
        for key in people {
            var who = Set<Int>()
            for c in campaigns {
                for person in c.registered where reached(person, at: c)[key] == 1 { who.insert(person) }
            }
            out[key] = who.count
        }
        return out
    }
}

extension ReferenceTally.Expected {
    /// The measures a breakdown's table shows as columns (the JSON and CSV lines carry them all).
    func displayed(_ dimension: String) -> Set<String> {
        let people = Set(ReferenceTally.peopleMeasures.map(\.key)).intersection(measures)
        let tied: Set<String> = ["interviewed", "intents", "placed", "retained", "leads_matched", "leads_matched_reached"]
        switch dimension {
        case "township", "village", "group": return people
        case "campaign": return measures.subtracting(["campaigns"])
        case "enterprise": return measures.intersection(tied.union(["postings", "positions"]))
        case "posting": return measures.intersection(tied.union(["positions"]))
        case "destination": return people.intersection(ReferenceTally.measures(of: .bus))
        case "platform": return people.intersection(ReferenceTally.measures(of: .livestream)).union(["leads", "leads_reached"])
        default: return []
        }
    }
}
