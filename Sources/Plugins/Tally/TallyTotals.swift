import GRDB
import Ledger
import PluginKit
import Workflow

/// Adds counts up into the lines of a report — a campaign's, the funnel, a township's, a group's —
/// each measure over the campaigns it applies to, and each rate's two sides over the campaigns both
/// apply to.
struct TallyTotals {
    let scope: TallyScope

    /// Each campaign's line: its campaign measures, and its people measures from the people cells;
    /// a measure that does not apply to the campaign's kind is absent (a blank, not a zero).
    func perCampaign(_ db: Database, _ people: [PeopleScan.Group]) throws -> [TallyCounts] {
        var lines: [TallyCounts] = []
        for (c, campaign) in scope.names.enumerated() {
            var line = add(people.filter { $0.campaignIndex == c }, measures: scope.peopleMeasures)
            for section in scope.sections(of: c) {
                for (key, value) in try section.campaignValues(db, campaign: campaign) where scope.applying[c].contains(key) {
                    line[key] = value
                }
            }
            for key in line.values.keys where !scope.applying[c].contains(key) { line[key] = nil }
            for group in line.ofWhich.keys {
                for key in line.ofWhich[group]!.values.keys where !scope.applying[c].contains(key) {
                    line.ofWhich[group]![key] = nil
                }
            }
            line.rateBases = [:]
            lines.append(line)
        }
        return lines
    }

    /// The whole tally's line: campaign measures combined as each declares (a sum of visits, the
    /// largest peak), people measures from every cell, rates over the campaigns both sides apply to.
    func funnel(_ people: [PeopleScan.Group], perCampaign: [TallyCounts]) -> TallyCounts {
        var funnel = add(people, measures: scope.peopleMeasures)
        for measure in scope.measures where measure.threshold == nil {
            funnel[measure.key] = measure.combined(perCampaign.compactMap { $0[measure.key] }) ?? (perCampaign.isEmpty ? 0 : nil)
        }
        for (part, whole) in scope.ratePairs {
            let both = perCampaign.filter { $0[part] != nil && $0[whole] != nil }
            guard both.count != perCampaign.count else { continue }
            funnel.rateBases[part + "/" + whole] = .init(part: both.reduce(0) { $0 + ($1[part] ?? 0) },
                                                         whole: both.reduce(0) { $0 + ($1[whole] ?? 0) })
        }
        return funnel
    }

    /// The people cells' counts added into one line, with "of which" per target group; where some of
    /// the cells' campaigns lack one side of a rate, that rate's sides over the others.
    func add(_ groups: [PeopleScan.Group], measures: [TallyMeasure]) -> TallyCounts {
        var line = Line(width: measures.count)
        var ofWhich: [TargetGroup: Line] = [:]
        let pairs = ratePairs(among: measures)
        for g in groups {
            let both = pairs.map { scope.applying[g.campaignIndex].isSuperset(of: [measures[$0.part].key, measures[$0.whole].key]) }
            line.add(g.counts, pairs: pairs, both: both)
            for group in g.groups.members {
                ofWhich[group, default: Line(width: measures.count)].add(g.counts, pairs: pairs, both: both)
            }
        }
        var counts = line.counts(measures, pairs: pairs)
        for (group, groupLine) in ofWhich { counts.ofWhich[group] = groupLine.counts(measures, pairs: pairs) }
        return counts
    }

    /// The rates among `measures` whose two sides do not apply to the same campaigns, by position.
    private func ratePairs(among measures: [TallyMeasure]) -> [(part: Int, whole: Int)] {
        scope.ratePairs.compactMap { part, whole in
            guard let p = measures.firstIndex(where: { $0.key == part }), let w = measures.firstIndex(where: { $0.key == whole }),
                  scope.applying.contains(where: { $0.contains(part) != $0.contains(whole) }) else { return nil }
            return (p, w)
        }
    }

    /// Sums of one line, and of each rate's sides over the cells where both apply.
    private struct Line {
        var totals: [Int]
        var bases: [TallyCounts.RateBase] = []

        init(width: Int) { totals = [Int](repeating: 0, count: width) }

        mutating func add(_ counts: [Int], pairs: [(part: Int, whole: Int)], both: [Bool]) {
            for m in totals.indices { totals[m] += counts[m] }
            if bases.isEmpty { bases = pairs.map { _ in .init(part: 0, whole: 0) } }
            for (i, pair) in pairs.enumerated() where both[i] {
                bases[i].part += counts[pair.part]
                bases[i].whole += counts[pair.whole]
            }
        }

        func counts(_ measures: [TallyMeasure], pairs: [(part: Int, whole: Int)]) -> TallyCounts {
            var counts = TallyCounts(Dictionary(uniqueKeysWithValues: zip(measures.map(\.key), totals)))
            for (i, pair) in pairs.enumerated() where i < bases.count {
                counts.rateBases[measures[pair.part].key + "/" + measures[pair.whole].key] = bases[i]
            }
            return counts
        }
    }
}
