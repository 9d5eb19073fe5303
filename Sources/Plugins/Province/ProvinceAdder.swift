import Foundation
import Ledger
import PluginKit
import Tally

extension ProvinceTally {
    /// Turns PostgreSQL's sums into report lines: a row's people measures (with "of which" per target
    /// group) from the sums under its key, zero where a measure applies but nobody reached it; its
    /// campaign measures from its campaigns' values, combined as each measure declares.
    struct Adder {
        let people: [TallyMeasure]
        let measures: [TallyMeasure]
        let campaigns: [ProvinceStore.PublishedCampaign]
        let values: [(county: String, campaign: String, measure: String, value: Int)]

        func line(_ sums: [ProvinceStore.PeopleSum], key: String, campaigns own: [ProvinceStore.PublishedCampaign],
                  peopleOnly: Bool = false) -> TallyCounts {
            var counts = TallyCounts()
            let applying = Set((peopleOnly ? campaigns : own).flatMap(\.peopleMeasures))
            for measure in people where applying.contains(measure.key) { counts[measure.key] = 0 }
            var ofWhich: [TargetGroup: TallyCounts] = [:]
            for sum in sums where sum.key == key {
                if let groupKey = sum.group {
                    guard let group = TargetGroup.allCases.first(where: { $0.key == groupKey }) else { continue }
                    ofWhich[group, default: TallyCounts()][sum.measure] = (ofWhich[group]?[sum.measure] ?? 0) + sum.value
                } else {
                    counts[sum.measure] = (counts[sum.measure] ?? 0) + sum.value
                }
            }
            counts.ofWhich = ofWhich
            guard !peopleOnly else { return counts }
            let names = Set(own.map { $0.county + "/" + $0.campaign })
            for measure in measures where measure.threshold == nil {
                let mine = values.filter { $0.measure == measure.key && names.contains($0.county + "/" + $0.campaign) }.map(\.value)
                if let value = measure.combined(mine) { counts[measure.key] = value }
            }
            return counts
        }
    }
}
