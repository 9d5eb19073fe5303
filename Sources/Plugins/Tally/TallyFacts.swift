import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// What a county publishes of one campaign to the province (`campaign publish`): the campaign, its
/// campaign measures (positions, enterprises, buses, subsidy…) and its people cells — each
/// (township, village, set of target groups) with how many registered people reached each people
/// measure. Cells are additive: a person lives in one village and stands in one cell, so the
/// province's funnel, townships and villages are sums of cells, and a target group is the sum of the
/// cells whose set holds it — exactly how a county's own tally adds them (`PeopleScan`). No name, ID
/// number or phone is in it.
public struct TallyFacts: Sendable, Equatable, Codable {
    public struct Cell: Sendable, Equatable, Codable {
        public var township: String
        public var village: String
        /// The target groups' keys (`poverty_alleviated`…), sorted; empty for nobody in a group.
        public var groups: [String]
        /// People reaching each people measure, by the measure's key.
        public var counts: [String: Int]

        public init(township: String, village: String, groups: [String], counts: [String: Int]) {
            self.township = township
            self.village = village
            self.groups = groups
            self.counts = counts
        }
    }

    public var campaign: String
    public var title: String
    public var kind: String
    /// The day it was held (`yyyy-MM-dd`), what periods select on.
    public var heldOn: String
    public var startedAt: Date
    public var timeZone: String
    public var venue: String?
    /// The campaign measures that apply to it, by key.
    public var values: [String: Int]
    /// The people measures that apply to it, in funnel order.
    public var peopleMeasures: [String]
    public var cells: [Cell]
    /// Whether its people's personal data was shredded (the counts stand).
    public var shredded: Bool

    public init(campaign: String, title: String, kind: String, heldOn: String, startedAt: Date, timeZone: String, venue: String?,
                values: [String: Int], peopleMeasures: [String], cells: [Cell], shredded: Bool) {
        self.campaign = campaign
        self.title = title
        self.kind = kind
        self.heldOn = heldOn
        self.startedAt = startedAt
        self.timeZone = timeZone
        self.venue = venue
        self.values = values
        self.peopleMeasures = peopleMeasures
        self.cells = cells
        self.shredded = shredded
    }

    /// The facts of one campaign of the workspace, counted by the tally's own code.
    public static func of(_ db: Database, campaign: String, sections: [any TallySection]) throws -> TallyFacts {
        let infos = try TallyQuery.select(db, TallyRequest(campaigns: [campaign]))
        let scope = try TallyScope(db, infos, plugins: sections)
        let people = try PeopleScan.groups(db, scope, strategy: .automatic, parallel: nil)
        let line = try TallyTotals(scope: scope).perCampaign(db, people).first ?? TallyCounts()
        let measures = scope.peopleMeasures.map(\.key)
        var cells: [Cell] = []
        for group in people {
            var counts: [String: Int] = [:]
            for (index, key) in measures.enumerated() where scope.applying[0].contains(key) { counts[key] = group.counts[index] }
            cells.append(Cell(township: group.township, village: group.village,
                              groups: group.groups.members.map(\.key).sorted(), counts: counts))
        }
        cells.sort { ($0.township, $0.village, $0.groups.joined(separator: ",")) < ($1.township, $1.village, $1.groups.joined(separator: ",")) }
        var values: [String: Int] = [:]
        for measure in scope.measures where measure.threshold == nil { values[measure.key] = line[measure.key] }
        let info = infos[0]
        return TallyFacts(campaign: campaign, title: info.title, kind: info.kind.rawValue, heldOn: info.heldOn,
                          startedAt: info.startedAt, timeZone: info.timeZone.identifier, venue: info.venue,
                          values: values, peopleMeasures: measures.filter { scope.applying[0].contains($0) },
                          cells: cells, shredded: try ShredRecords.all(db).contains { $0.campaign == campaign })
    }

    /// How far each registered person got: for each one (ledger number, ascending), a bit per people
    /// measure of the campaign's facts (`peopleMeasures`, in that order) set where they reached it —
    /// by the same levels and thresholds the cells count. What the province's distinct people (人数)
    /// are counted from, under a pseudonym the publisher gives each.
    public static func reaches(_ db: Database, campaign: String, sections: [any TallySection]) throws
        -> (measures: [String], people: [Int64], reached: [UInt32]) {
        let scope = try TallyScope(db, try TallyQuery.select(db, TallyRequest(campaigns: [campaign])), plugins: sections)
        let measures = scope.peopleMeasures.filter { scope.applying[0].contains($0.key) }
        let people = try Registrations.registeredPeople(db, campaign: campaign)
        let aligned = try scope.sections.indices.map { s in
            PeopleScan.align(scope.sectionApplies[s][0] ? try scope.sections[s].personLevels(db, campaign: campaign) : [], to: people)
        }
        var reached = [UInt32](repeating: 0, count: people.count)
        for (bit, measure) in measures.enumerated() {
            let section = scope.sectionIndex(of: measure), threshold = Int32(measure.threshold ?? 0)
            for r in people.indices where section == nil || aligned[section!][r] >= threshold { reached[r] |= 1 << UInt32(bit) }
        }
        return (measures.map(\.key), people, reached)
    }

    /// The key of the measure every campaign has: the people registered for it.
    public static let registered = LedgerMeasures.registered.key

    /// Every measure a tally can show, in funnel order: the ledger's, then each section's.
    public static func measures(sections: [any TallySection]) -> [TallyMeasure] {
        ([LedgerSection() as any TallySection] + sections).flatMap(\.measures)
    }
}
