import GRDB
import Ledger
import PluginKit
import Workflow

/// A breakdown a plugin adds (`--by destination`, `--by platform`), over the campaigns its section
/// applies to: for each group, the registered people in it and, for each people measure, those whose
/// level reaches it; beside them the section's own things counted per group (leads per platform).
/// Registered people in no group have a row of their own, so a grouping where each person stands in
/// one row adds up to its 合计.
struct GroupingBreakdown {
    let scope: TallyScope
    let totals: TallyTotals
    let people: [PeopleScan.Group]
    let perCampaign: [TallyCounts]

    func breakdown(_ db: Database, _ dimension: TallyDimension, owner: Int) throws -> TallyBreakdown {
        let campaigns = scope.campaignIndexes(of: owner)
        let applying = campaigns.reduce(into: Set<String>()) { $0.formUnion(scope.applying[$1]) }
        let peopleMeasures = scope.peopleMeasures.filter { applying.contains($0.key) }
        let grouping = scope.sections[owner].groupings.first { $0.key == dimension.rawValue }
        let ownMeasures = Set(grouping?.counts ?? []).intersection(applying)
        var rows: [String: TallyCounts] = [:]
        for c in campaigns {
            try countPeople(db, dimension.rawValue, owner: owner, campaign: c, measures: peopleMeasures, into: &rows)
            for (group, values) in try scope.sections[owner].groupCounts(db, dimension.rawValue, campaign: scope.names[c]) {
                for (key, value) in values where ownMeasures.contains(key) {
                    rows[group, default: Self.zero(peopleMeasures)][key] = (rows[group]?[key] ?? 0) + value
                }
            }
        }
        let measures = scope.measures.filter { ownMeasures.contains($0.key) || peopleMeasures.contains($0) }
        for key in rows.keys {
            for measure in measures where rows[key]![measure.key] == nil { rows[key]![measure.key] = 0 }
        }
        var breakdown = TallyBreakdown(
            dimension: dimension, measures: measures,
            rows: TallyQuery.ordered(rows.map { TallyRow(key: $0.key, label: TallyQuery.blankLabel($0.key), counts: $0.value) },
                                     by: measures))
        breakdown.total = total(over: campaigns, people: peopleMeasures, measures: measures, own: ownMeasures)
        return breakdown
    }

    /// Adds one campaign's registered people to their groups' rows (and to the row of no group).
    private func countPeople(_ db: Database, _ grouping: String, owner: Int, campaign c: Int, measures: [TallyMeasure],
                             into rows: inout [String: TallyCounts]) throws {
        let campaign = scope.names[c]
        let groups = try scope.sections[owner].groups(db, grouping, campaign: campaign)
        var levels: [Int: [Int64: Int]] = [:]
        for (s, section) in scope.sections.enumerated() where scope.sectionApplies[s][c] {
            levels[s] = Dictionary(try section.personLevels(db, campaign: campaign).map { ($0.person, $0.level) },
                                   uniquingKeysWith: max)
        }
        let sectionOf = measures.map { scope.sectionIndex(of: $0) }
        for person in try Registrations.registeredPeople(db, campaign: campaign) {
            let named = groups[person] ?? []
            for group in Set(named.isEmpty ? [""] : named) {
                var row = rows[group] ?? Self.zero(measures)
                for (m, measure) in measures.enumerated() {
                    let level = sectionOf[m].flatMap { levels[$0]?[person] } ?? 0
                    if level >= measure.threshold ?? 0 { row[measure.key] = (row[measure.key] ?? 0) + 1 }
                }
                rows[group] = row
            }
        }
    }

    /// 合计 over the section's campaigns: its people each once, and its own measures' campaign figures.
    private func total(over campaigns: [Int], people peopleMeasures: [TallyMeasure], measures: [TallyMeasure],
                       own: Set<String>) -> TallyCounts {
        // The cells count every people measure of the tally, in its order; the grouping shows its own.
        var total = totals.add(people.filter { campaigns.contains($0.campaignIndex) }, measures: scope.peopleMeasures)
        let shown = Set(peopleMeasures.map(\.key))
        total.values = total.values.filter { shown.contains($0.key) }
        for group in total.ofWhich.keys { total.ofWhich[group]!.values = total.ofWhich[group]!.values.filter { shown.contains($0.key) } }
        for measure in measures where own.contains(measure.key) {
            total[measure.key] = measure.combined(campaigns.compactMap { perCampaign[$0][measure.key] })
        }
        return total
    }

    private static func zero(_ measures: [TallyMeasure]) -> TallyCounts {
        TallyCounts(Dictionary(uniqueKeysWithValues: measures.map { ($0.key, 0) }))
    }
}
