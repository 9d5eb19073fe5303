import Foundation
import Ledger
import Outcomes
import PluginKit
import Workflow

/// What a tally can be broken down by. Person dimensions (township, village, group) count job
/// seekers by where they live and who they are; posting dimensions (enterprise, posting) count
/// them by where they applied.
public enum TallyDimension: String, Sendable, CaseIterable, Codable {
    case campaign, township, village, group, enterprise, posting

    var isPersonDimension: Bool { self == .township || self == .village || self == .group }

    /// Breakdowns as `--by`, `by:` and `?by=` give them: repeated or comma-separated, each once.
    public static func parseList(_ items: [String]) throws -> [TallyDimension] {
        var dimensions: [TallyDimension] = []
        for item in items.flatMap({ $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
        where !item.isEmpty {
            guard let dimension = TallyDimension(rawValue: item) else {
                throw WorkflowError.usage("unknown breakdown '\(item)'",
                                          hint: Suggestions.hint(for: item, among: allCases.map(\.rawValue), noun: "breakdowns")
                                            ?? "use " + allCases.map(\.rawValue).joined(separator: ", "))
            }
            if !dimensions.contains(dimension) { dimensions.append(dimension) }
        }
        return dimensions
    }
}

/// Job seekers at each stage of the funnel: distinct people per campaign, added up over campaigns.
public struct PeopleCounts: Sendable, Equatable {
    public var registered = 0
    public var attended = 0
    public var interviewed = 0
    public var intents = 0
    public var placed = 0
    public var retained = 0

    public init() {}

    static func + (a: PeopleCounts, b: PeopleCounts) -> PeopleCounts {
        var c = a
        c.add(b)
        return c
    }

    mutating func add(_ b: PeopleCounts) {
        registered += b.registered
        attended += b.attended
        interviewed += b.interviewed
        intents += b.intents
        placed += b.placed
        retained += b.retained
    }
}

/// One line of a tally: the whole funnel, or one township, enterprise, posting… Measures that do
/// not apply to a dimension are nil (a township offers no positions; a posting has no
/// registrations), and print as blanks, not zeros.
public struct TallyCounts: Sendable, Equatable {
    public var campaigns: Int?
    public var enterprises: Int?
    public var postings: Int?
    public var positions: Int?
    public var registered: Int?
    public var attended: Int?
    public var interviewed = 0
    public var intents = 0
    public var placed = 0
    public var retained = 0
    /// "Of which" per target group: the same stages counting only people in that group.
    public var ofWhich: [TargetGroup: PeopleCounts] = [:]

    public init() {}

    init(people: PeopleCounts) {
        registered = people.registered
        attended = people.attended
        interviewed = people.interviewed
        intents = people.intents
        placed = people.placed
        retained = people.retained
    }

    /// Conversion from one stage to the next, nil where the earlier stage is zero or not counted.
    public var rates: [(key: String, value: Double?)] {
        func rate(_ part: Int?, _ whole: Int?) -> Double? {
            guard let part, let whole, whole > 0 else { return nil }
            return Double(part) / Double(whole)
        }
        return [
            ("attended_of_registered", rate(attended, registered)),
            ("interviewed_of_attended", rate(interviewed, attended)),
            ("intents_of_interviewed", rate(intents, interviewed)),
            ("placed_of_intents", rate(placed, intents)),
            ("retained_of_placed", rate(retained, placed)),
            ("placed_of_attended", rate(placed, attended)),
        ]
    }
}

public struct TallyRow: Sendable, Equatable {
    /// Stable identifier: the township, "township/village", the group key, the credit code, the posting code.
    public var key: String
    /// What people read: 城关镇 / 东村, 脱贫人口, 某某公司, P7K2M9Q 焊工（某某公司）.
    public var label: String
    public var counts: TallyCounts
}

public struct TallyBreakdown: Sendable, Equatable {
    public var dimension: TallyDimension
    public var rows: [TallyRow]
}

/// A tally of one or more campaigns: the funnel and the breakdowns asked for.
public struct TallyReport: Sendable {
    public var campaigns: [CampaignInfo]
    public var from: String?
    public var to: String?
    public var generatedAt: Date
    public var funnel: TallyCounts
    public var breakdowns: [TallyBreakdown]
    /// The placed people, masked, when a manager asked for the list; nil otherwise.
    public var placed: [OutcomePerson]?

    public struct CampaignInfo: Sendable, Equatable {
        public var name: String
        public var title: String
        public var startedAt: Date
    }

    /// The report's heading: the campaign's title, or "3 campaigns".
    public func heading(_ lang: TallyLanguage) -> String {
        if campaigns.count == 1 { return campaigns[0].title.isEmpty ? campaigns[0].name : campaigns[0].title }
        return lang == .zh ? "\(campaigns.count)场活动汇总" : "\(campaigns.count) campaigns"
    }
}
