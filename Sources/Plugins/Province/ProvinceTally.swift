import Foundation
import Ledger
import PluginKit
import Tally
import Workflow

/// The province's tally: every county's published facts added up by PostgreSQL, in the shape and
/// words of a county's own tally (the same report, printed by Tally's writers), with a breakdown by
/// county. People measures add up as visits (人次) across counties — distinct people need
/// pseudonyms no county has published yet — and campaign measures combine by their declared rule.
public enum ProvinceTally {
    static let countyGrouping = TallyGrouping("county", zh: "县（市、区）", en: "county")
    static let kindGrouping = TallyGrouping("kind", zh: "活动类型", en: "campaign kind")
    public static let county = TallyDimension(countyGrouping)
    public static let kind = TallyDimension(kindGrouping)
    /// What `province tally --by` takes.
    public static let dimensions: [TallyDimension] = [county, .township, .village, .group, kind, .campaign]

    public struct Result: Sendable {
        public var report: TallyReport
        public var counties: [ProvinceStore.PublishedCounty]
        public var campaigns: [ProvinceStore.PublishedCampaign]
    }

    public static func run(_ store: ProvinceStore, from: String?, to: String?, breakdowns: [TallyDimension],
                           sections: [any TallySection], now: Date) async throws -> Result {
        let counties = try await store.counties()
        guard !counties.isEmpty else {
            throw WorkflowError.unavailable(ProvinceMessages.noCountyPublished(), hint: ProvinceMessages.publishFirst())
        }
        let campaigns = try await store.campaigns(from: from, to: to)
        let values = try await store.campaignValues(from: from, to: to)
        let names = Dictionary(counties.map { ($0.code, $0.name) }, uniquingKeysWith: { $1 })
        let present = Set(campaigns.flatMap(\.peopleMeasures) + values.map(\.measure))
        let measures = TallyFacts.measures(sections: sections).filter { present.contains($0.key) }
        let people = measures.filter { $0.threshold != nil }
        let adder = Adder(people: people, measures: measures, campaigns: campaigns, values: values)

        var funnel = adder.line(try await store.peopleSums(key: "''", from: from, to: to), campaigns: campaigns)
        if campaigns.isEmpty { for measure in measures { funnel[measure.key] = 0 } }
        var built: [TallyBreakdown] = []
        for dimension in breakdowns {
            built.append(try await breakdown(dimension, store: store, adder: adder, funnel: funnel, names: names, from: from, to: to))
        }
        let infos = campaigns.map { c in
            TallyReport.CampaignInfo(name: c.campaign, title: c.title, kind: CampaignKind(rawValue: c.kind), startedAt: c.startedAt,
                                     timeZone: TimeZone(identifier: c.timeZone) ?? WorkflowDefinition.defaultTimeZone,
                                     heldOn: c.heldOn, county: c.countyName, venue: c.venue)
        }
        var report = TallyReport(campaigns: infos, from: from, to: to, generatedAt: now, measures: measures, funnel: funnel,
                                 breakdowns: built)
        // 人数 beside 人次 where every campaign came with its people's pseudonyms.
        if !campaigns.isEmpty, campaigns.allSatisfy(\.peoplePublished) {
            let distinct = try await store.distinctPeople(from: from, to: to)
            report.distinctPeople = Dictionary(uniqueKeysWithValues: people.map { ($0.key, distinct[$0.key] ?? 0) })
        }
        return Result(report: report, counties: counties, campaigns: campaigns)
    }

    /// One breakdown: its rows summed by PostgreSQL, labelled with the county where names repeat across counties.
    static func breakdown(_ dimension: TallyDimension, store: ProvinceStore, adder: Adder, funnel: TallyCounts,
                          names: [String: String], from: String?, to: String?) async throws -> TallyBreakdown {
        var peopleTotal = TallyCounts()
        for measure in adder.people { peopleTotal[measure.key] = funnel[measure.key] }
        peopleTotal.ofWhich = funnel.ofWhich
        if dimension == .group {
            let rows = TargetGroup.allCases.compactMap { group -> TallyRow? in
                guard let counts = funnel.ofWhich[group], (counts[TallyFacts.registered] ?? 0) > 0 else { return nil }
                return TallyRow(key: group.key, label: group.label, counts: counts)
            }
            return TallyBreakdown(dimension: .group, measures: adder.people, rows: rows, total: peopleTotal)
        }
        let key: String
        var rowCampaigns: (ProvinceStore.PublishedCampaign) -> String? = { _ in nil }
        switch dimension {
        case county:
            key = "c.county"
            rowCampaigns = { $0.county }
        case kind:
            key = "cc.kind"
            rowCampaigns = { $0.kind }
        case .campaign:
            key = "c.county || '/' || c.campaign"
            rowCampaigns = { $0.county + "/" + $0.campaign }
        case .township: key = "c.county || '/' || c.township"
        default: key = "c.county || '/' || c.township || '/' || c.village"
        }
        let sums = Dictionary(grouping: try await store.peopleSums(key: key, from: from, to: to), by: \.key)
        let campaignsOf = Dictionary(grouping: adder.campaigns.compactMap { c in rowCampaigns(c).map { ($0, c) } }, by: \.0)
            .mapValues { $0.map(\.1) }
        let keys = Set(sums.keys).union(campaignsOf.keys)
        let rows = keys.sorted().map { rowKey -> TallyRow in
            let own = campaignsOf[rowKey] ?? []
            let counts = adder.line(sums[rowKey] ?? [], campaigns: own, peopleOnly: own.isEmpty)
            return TallyRow(key: rowKey, label: label(dimension, key: rowKey, names: names, campaigns: own), counts: counts)
        }
        // Rows of campaigns (a county, a kind) carry their campaign measures too; rows of places, people only.
        let ofCampaigns = [county, kind, .campaign].contains(dimension)
        return TallyBreakdown(dimension: dimension, measures: ofCampaigns ? adder.measures : adder.people, rows: rows,
                              total: ofCampaigns ? funnel : peopleTotal)
    }

    /// What a reader sees for a row: the county's name, 县名 城关镇, 县名 城关镇/东村, the campaign's title.
    static func label(_ dimension: TallyDimension, key: String, names: [String: String],
                      campaigns: [ProvinceStore.PublishedCampaign]) -> String {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch dimension {
        case county: return names[key] ?? key
        case kind: return key
        case .campaign: return campaigns.first.map { ($0.countyName) + " " + ($0.title.isEmpty ? $0.campaign : $0.title) } ?? key
        default:
            let county = names[parts[0]] ?? parts[0]
            return county + " " + parts.dropFirst().map { $0.isEmpty ? "(未填)" : $0 }.joined(separator: "/")
        }
    }
}
