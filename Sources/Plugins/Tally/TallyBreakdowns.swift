import GRDB
import Ledger
import PluginKit
import Workflow

/// Builds the breakdowns a tally asks for from its people cells and per-campaign lines. Every
/// breakdown ends with 合计: the tally's own counts, each person once (a plugin's grouping: over the
/// campaigns its section applies to).
struct TallyBreakdowns {
    let scope: TallyScope
    let totals: TallyTotals
    let people: [PeopleScan.Group]
    let perCampaign: [TallyCounts]
    let funnel: TallyCounts
    /// The enterprise and posting breakdowns made before the people were counted (they need none).
    var postings: [TallyDimension: TallyBreakdown] = [:]

    func breakdown(_ db: Database, _ dimension: TallyDimension) throws -> TallyBreakdown? {
        var breakdown: TallyBreakdown
        switch dimension {
        case .campaign:
            let rows = scope.campaigns.enumerated().map { c, campaign in
                TallyRow(key: campaign.name, label: campaign.title.isEmpty ? campaign.name : campaign.title,
                         counts: perCampaign[c])
            }
            breakdown = TallyBreakdown(dimension: .campaign, measures: scope.measures.filter { $0 != LedgerMeasures.campaigns },
                                       rows: rows)
        case .township, .village:
            breakdown = TallyBreakdown(dimension: dimension, measures: scope.peopleMeasures, rows: placeRows(dimension))
        case .group:
            let rows = TargetGroup.allCases.compactMap { group -> TallyRow? in
                guard let counts = funnel.ofWhich[group], (counts[LedgerMeasures.registered.key] ?? 0) > 0 else { return nil }
                return TallyRow(key: group.key, label: group.label, counts: counts)
            }
            breakdown = TallyBreakdown(dimension: .group, measures: scope.peopleMeasures, rows: rows)
        case .enterprise, .posting:
            guard let made = try postings[dimension] ?? Self.postingBreakdown(db, scope, dimension) else { return nil }
            breakdown = made
        default:
            // A plugin's grouping: its people (and its own things, such as leads), by the group it gives each.
            guard let owner = scope.sections.firstIndex(where: { $0.groupings.contains { $0.key == dimension.rawValue } }) else {
                return nil
            }
            return try GroupingBreakdown(scope: scope, totals: totals, people: people, perCampaign: perCampaign)
                .breakdown(db, dimension, owner: owner)
        }
        breakdown.total = funnel
        return breakdown
    }

    /// Townships or villages in the county's order — where each first appears in the ledger — not by
    /// their numbers: a report compared with last year's lists them the same way.
    private func placeRows(_ dimension: TallyDimension) -> [TallyRow] {
        var townshipOrder: [String: Int] = [:]
        for g in people { townshipOrder[g.township] = min(townshipOrder[g.township] ?? Int.max, g.placeOrder) }
        var cells: [String: [PeopleScan.Group]] = [:]
        for g in people { cells[dimension == .township ? g.township : g.township + "/" + g.village, default: []].append(g) }
        let rows = cells.map { key, members in
            let first = members[0]
            let label = dimension == .township ? TallyQuery.blankLabel(first.township)
                : TallyQuery.blankLabel(first.township) + " " + TallyQuery.blankLabel(first.village)
            let order = (townshipOrder[first.township] ?? Int.max,
                         dimension == .township ? 0 : members.map(\.placeOrder).min() ?? Int.max)
            return (order: order, row: TallyRow(key: key, label: label, counts: totals.add(members, measures: scope.peopleMeasures)))
        }
        return rows.sorted { ($0.order.0, $0.order.1, $0.row.key) < ($1.order.0, $1.order.1, $1.row.key) }.map(\.row)
    }

    /// Enterprises or postings: what each offered, and the people at each level with its postings,
    /// from the sections whose measures are tied to postings, in the campaigns each applies to.
    /// Counted from the sections' own tables alone, so a tally makes them while the ledger's places
    /// are still being read. None when no campaign offers postings (only those have enterprises and
    /// postings to break down by).
    static func postingBreakdown(_ db: Database, _ scope: TallyScope, _ dimension: TallyDimension) throws -> TallyBreakdown? {
        guard scope.measures.contains(LedgerMeasures.positions) || scope.campaigns.isEmpty else { return nil }
        var sections: [PostingBreakdown.Section] = []
        for (s, section) in scope.sections.enumerated() {
            var levels: [String: [PostingLevel]] = [:]
            var tied = false
            for c in scope.campaignIndexes(of: s) {
                guard let list = try section.postingLevels(db, campaign: scope.names[c]) else { continue }
                tied = true
                levels[scope.names[c]] = list
            }
            guard tied else { continue }
            sections.append(PostingBreakdown.Section(measures: section.measures.filter { $0.threshold != nil && scope.measures.contains($0) },
                                                     levels: levels))
        }
        let measures = scope.peopleMeasures.filter { measure in sections.contains { $0.measures.contains(measure) } }
        let offering = scope.campaigns.indices.filter { scope.applies(LedgerMeasures.positions, toCampaign: $0) }
        let rows = try PostingBreakdown.rows(db, dimension, campaigns: scope.names, offering: offering.map { scope.names[$0] },
                                             sections: sections, measures: measures)
        let offers = dimension == .enterprise ? [LedgerMeasures.postings, LedgerMeasures.positions] : [LedgerMeasures.positions]
        return TallyBreakdown(dimension: dimension, measures: offers.filter(scope.measures.contains) + measures,
                              rows: TallyQuery.ordered(rows, by: scope.measures))
    }
}
