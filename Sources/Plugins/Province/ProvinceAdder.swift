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
        /// Each campaign's values by measure, under "county/campaign".
        let values: [String: [String: Int]]
        /// The people measures that apply to any of the campaigns.
        let applyingAnywhere: Set<String>

        init(people: [TallyMeasure], measures: [TallyMeasure], campaigns: [ProvinceStore.PublishedCampaign],
             values: [(county: String, campaign: String, measure: String, value: Int)]) {
            self.people = people
            self.measures = measures
            self.campaigns = campaigns
            var byCampaign: [String: [String: Int]] = [:]
            for value in values { byCampaign[value.county + "/" + value.campaign, default: [:]][value.measure] = value.value }
            self.values = byCampaign
            applyingAnywhere = Set(campaigns.flatMap(\.peopleMeasures))
        }

        /// A row's line from its own sums (those under its key).
        func line(_ sums: [ProvinceStore.PeopleSum], campaigns own: [ProvinceStore.PublishedCampaign],
                  peopleOnly: Bool = false) -> TallyCounts {
            var counts = TallyCounts()
            let applying = peopleOnly ? applyingAnywhere : Set(own.flatMap(\.peopleMeasures))
            for measure in people where applying.contains(measure.key) { counts[measure.key] = 0 }
            var ofWhich: [TargetGroup: TallyCounts] = [:]
            for sum in sums {
                if let groupKey = sum.group {
                    guard let group = TargetGroup.allCases.first(where: { $0.key == groupKey }) else { continue }
                    ofWhich[group, default: TallyCounts()][sum.measure] = (ofWhich[group]?[sum.measure] ?? 0) + sum.value
                } else {
                    counts[sum.measure] = (counts[sum.measure] ?? 0) + sum.value
                }
            }
            counts.ofWhich = ofWhich
            guard !peopleOnly else { return counts }
            let mine = own.compactMap { values[$0.county + "/" + $0.campaign] }
            for measure in measures where measure.threshold == nil {
                if let value = measure.combined(mine.compactMap { $0[measure.key] }) { counts[measure.key] = value }
            }
            return counts
        }
    }
}
