import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// Which campaigns to tally and how to break the numbers down.
public struct TallyRequest: Sendable {
    public var campaigns: [String]
    /// Every campaign in the workspace (narrowed by `from`/`to`).
    public var all: Bool
    /// Campaigns started on or after / on or before these days (`yyyy-MM-dd`, each in its campaign's time zone).
    public var from: String?
    public var to: String?
    public var breakdowns: [TallyDimension]
    /// Add the lists of people the plugins offer (the placed, masked) — a manager's request; reports
    /// otherwise hold counts only.
    public var listPlaced: Bool

    public init(campaigns: [String] = [], all: Bool = false, from: String? = nil, to: String? = nil,
                breakdowns: [TallyDimension] = [], listPlaced: Bool = false) {
        self.listPlaced = listPlaced
        self.campaigns = campaigns
        self.all = all
        self.from = from
        self.to = to
        self.breakdowns = breakdowns
    }
}

/// Computes tallies from the ledger's own figures (campaigns, what they offered, who registered)
/// and the sections the plugins add (who came, how far each got, …). The counting rules
/// (README, "Counting rules"):
/// - a person counts once per measure per campaign, however many postings they try;
/// - a level implies the ones below it (a placement counts as an interview and an intent);
/// - several campaigns add up: a person at two fairs counts at each (人次), as county reports do;
///   beside it, the distinct people (人数), each once however many campaigns they came to.
public enum TallyQuery {
    /// How the people side reads where people live: `scan` reads the whole ledger in order (fast
    /// when the campaigns register a good part of it), `join` looks each registered person up (fast
    /// for a small campaign in a large ledger), `automatic` picks by size. Both give the same counts.
    public enum PeopleStrategy: Sendable {
        case automatic, scan, join
    }

    /// Tallies in the caller's transaction, counting `sections` (every plugin's, usually). With
    /// `parallel`, a large tally also reads the ledger on a second connection of that pool.
    public static func run(_ request: TallyRequest, sections: [any TallySection], now: Date,
                           strategy: PeopleStrategy = .automatic, parallel: DatabasePool? = nil,
                           db: Database) throws -> TallyReport {
        let campaigns = try select(request, db: db)
        let names = campaigns.map(\.name)
        let sections = try sections.filter { try $0.applies(to: names, db: db) }
        let measures = LedgerMeasures.all + sections.flatMap(\.measures)
        let peopleMeasures = measures.filter { $0.threshold != nil }
        let people = try PeopleScan.groups(names, measures: peopleMeasures, sections: sections, strategy: strategy,
                                           parallel: parallel, db: db)
        var perCampaign: [String: TallyCounts] = [:]
        for campaign in names {
            var counts = TallyCounts()
            counts[LedgerMeasures.campaigns.key] = 1
            let offer = try Postings.offer(of: campaign, db: db)
            counts[LedgerMeasures.enterprises.key] = offer.enterprises
            counts[LedgerMeasures.postings.key] = offer.postings
            counts[LedgerMeasures.positions.key] = offer.positions
            for section in sections {
                for (key, value) in try section.campaignValues(campaign: campaign, db: db) { counts[key] = value }
            }
            perCampaign[campaign] = counts
        }

        var funnel = TallyCounts()
        for measure in measures where measure.threshold == nil {
            funnel[measure.key] = names.reduce(0) { $0 + (perCampaign[$1]?[measure.key] ?? 0) }
        }
        funnel = add(people, to: funnel, measures: peopleMeasures)

        var breakdowns: [TallyBreakdown] = []
        // Levels per posting are read only for the enterprise and posting breakdowns.
        let byPosting = request.breakdowns.contains { $0 == .enterprise || $0 == .posting }
        let postingSections = byPosting ? try postingLevels(names, sections: sections, db: db) : []
        let postingMeasures = peopleMeasures.filter { measure in postingSections.contains { $0.measures.contains(measure) } }
        var townshipOrder: [String: Int] = [:]
        for g in people { townshipOrder[g.township] = min(townshipOrder[g.township] ?? Int.max, g.placeOrder) }
        for dimension in request.breakdowns {
            switch dimension {
            case .campaign:
                let rows = campaigns.map { campaign in
                    TallyRow(key: campaign.name, label: campaign.title.isEmpty ? campaign.name : campaign.title,
                             counts: add(people.filter { $0.campaign == campaign.name },
                                         to: perCampaign[campaign.name] ?? TallyCounts(), measures: peopleMeasures))
                }
                breakdowns.append(TallyBreakdown(dimension: .campaign,
                                                 measures: measures.filter { $0 != LedgerMeasures.campaigns }, rows: rows))
            case .township, .village:
                var cells: [String: [PeopleScan.Group]] = [:]
                for g in people {
                    cells[dimension == .township ? g.township : g.township + "/" + g.village, default: []].append(g)
                }
                // In the county's order — where each township (village) first appears in the ledger —
                // not by their numbers: a report compared with last year's lists them the same way.
                let rows = cells.map { key, members in
                    let first = members[0]
                    let label = dimension == .township ? blankLabel(first.township)
                        : blankLabel(first.township) + " " + blankLabel(first.village)
                    let order = (townshipOrder[first.township] ?? Int.max,
                                 dimension == .township ? 0 : members.map(\.placeOrder).min() ?? Int.max)
                    return (order: order, row: TallyRow(key: key, label: label,
                                                        counts: add(members, to: TallyCounts(), measures: peopleMeasures)))
                }
                breakdowns.append(TallyBreakdown(dimension: dimension, measures: peopleMeasures,
                                                 rows: rows.sorted { ($0.order.0, $0.order.1, $0.row.key) < ($1.order.0, $1.order.1, $1.row.key) }
                                                     .map(\.row)))
            case .group:
                let rows = TargetGroup.allCases.compactMap { group -> TallyRow? in
                    guard let counts = funnel.ofWhich[group], (counts[LedgerMeasures.registered.key] ?? 0) > 0 else {
                        return nil
                    }
                    return TallyRow(key: group.key, label: group.label, counts: counts)
                }
                breakdowns.append(TallyBreakdown(dimension: .group, measures: peopleMeasures, rows: rows))
            case .enterprise, .posting:
                let rows = try PostingBreakdown.rows(dimension, campaigns: names, sections: postingSections,
                                                     measures: postingMeasures, db: db)
                let offers = dimension == .enterprise ? [LedgerMeasures.postings, LedgerMeasures.positions]
                    : [LedgerMeasures.positions]
                breakdowns.append(TallyBreakdown(dimension: dimension, measures: offers + postingMeasures,
                                                 rows: ordered(rows, by: measures)))
            default:
                // A plugin's grouping: its people, by the group it gives each, at each section's level.
                guard let owner = sections.first(where: { $0.groupings.contains { $0.key == dimension.rawValue } }) else {
                    continue
                }
                let rows = try groupingRows(dimension.rawValue, of: owner, campaigns: names, sections: sections,
                                            measures: peopleMeasures, db: db)
                breakdowns.append(TallyBreakdown(dimension: dimension, measures: peopleMeasures,
                                                 rows: ordered(rows, by: measures)))
            }
        }
        // Every breakdown ends with 合计: the tally's own counts (a person once, however many rows hold them).
        for index in breakdowns.indices { breakdowns[index].total = funnel }
        var lists: [(list: TallyPersonList, rows: [TallyPersonList.Row]?)] = []
        for section in sections {
            guard let list = section.personList else { continue }
            lists.append((list, request.listPlaced ? try section.personListRows(campaigns: names, db: db) : nil))
        }
        var report = TallyReport(campaigns: campaigns, from: request.from, to: request.to, generatedAt: now,
                                 measures: measures, funnel: funnel, breakdowns: breakdowns, personLists: lists)
        // Signed under the lines the first campaign's definition gives (flags may replace them).
        if let first = names.first { report.signature = ReportSignature(vars: try RunQueries.requireRun(first, in: db).vars) }
        let shredded = try ShredRecords.all(db: db)
        report.shredded = shredded.filter { names.contains($0.campaign) }
        if names.count > 1 {
            let distinct = try distinctPeople(names, measures: peopleMeasures, sections: sections, db: db)
            report.distinctPeople = distinct
            // The year view: under the per-campaign rows and their 人次 total, the people each counted once.
            for index in report.breakdowns.indices where report.breakdowns[index].dimension == .campaign {
                var counts = TallyCounts()
                for (key, value) in distinct { counts[key] = value }
                report.breakdowns[index].distinctTotal = counts
            }
        }
        return report
    }

    /// 人数: each people measure counting a person once across `campaigns` — registered at any of
    /// them; reaching the measure's level (came, was interviewed, placed…) at any of them. People are
    /// ledger row numbers, dense from 1: a byte per person (a million people, a megabyte) keeps each
    /// one's furthest level without hashing.
    static func distinctPeople(_ campaigns: [String], measures: [TallyMeasure], sections: [any TallySection],
                               db: Database) throws -> [String: Int] {
        func mark(_ person: Int64, _ level: Int, in levels: inout [UInt8]) {
            let index = Int(person)
            guard index >= 0 else { return }
            if index >= levels.count { levels.append(contentsOf: repeatElement(0, count: index + 1 - levels.count)) }
            levels[index] = max(levels[index], UInt8(clamping: level))
        }
        var counts: [String: Int] = [:]
        var registered: [UInt8] = []
        for campaign in campaigns {
            for person in try Registrations.registeredPeople(campaign: campaign, db: db) { mark(person, 1, in: &registered) }
        }
        counts[LedgerMeasures.registered.key] = registered.reduce(0) { $0 + Int($1) }
        for section in sections {
            let own = section.measures.filter { $0.threshold != nil && measures.contains($0) }
            guard !own.isEmpty else { continue }
            var furthest: [UInt8] = []
            for campaign in campaigns {
                for entry in try section.personLevels(campaign: campaign, db: db) { mark(entry.person, entry.level, in: &furthest) }
            }
            for measure in own {
                let threshold = UInt8(clamping: max(1, measure.threshold ?? 1))
                counts[measure.key] = furthest.reduce(0) { $0 + ($1 >= threshold ? 1 : 0) }
            }
        }
        return counts
    }

    /// Adds the people cells' counts to a line, with "of which" per target group.
    static func add(_ groups: [PeopleScan.Group], to base: TallyCounts, measures: [TallyMeasure]) -> TallyCounts {
        var counts = base
        var ofWhich: [TargetGroup: [Int]] = [:]
        var totals = [Int](repeating: 0, count: measures.count)
        for g in groups {
            for m in measures.indices { totals[m] += g.counts[m] }
            guard g.groups != 0 else { continue }
            for group in TargetGroup.allCases where g.groups & group.bit != 0 {
                var sums = ofWhich[group] ?? [Int](repeating: 0, count: measures.count)
                for m in measures.indices { sums[m] += g.counts[m] }
                ofWhich[group] = sums
            }
        }
        for (m, measure) in measures.enumerated() { counts[measure.key] = totals[m] }
        for (group, sums) in ofWhich {
            counts.ofWhich[group] = TallyCounts(Dictionary(uniqueKeysWithValues: zip(measures.map(\.key), sums)))
        }
        return counts
    }

    /// Rows in the order the measures ask (most placements, then most attendance), then by key.
    static func ordered(_ rows: [TallyRow], by measures: [TallyMeasure]) -> [TallyRow] {
        let keys = measures.filter { $0.rowOrder != nil }.sorted { $0.rowOrder! < $1.rowOrder! }.map(\.key)
        return rows.sorted { a, b in
            for key in keys where (a.counts[key] ?? 0) != (b.counts[key] ?? 0) {
                return (a.counts[key] ?? 0) > (b.counts[key] ?? 0)
            }
            return a.key < b.key
        }
    }

    static func blankLabel(_ text: String) -> String { text.isEmpty ? "(未填)" : text }

    /// The sections whose people measures are tied to postings, with their levels per campaign.
    static func postingLevels(_ campaigns: [String], sections: [any TallySection],
                              db: Database) throws -> [PostingBreakdown.Section] {
        try sections.compactMap { section in
            var levels: [String: [PostingLevel]] = [:]
            for campaign in campaigns {
                guard let list = try section.postingLevels(campaign: campaign, db: db) else { return nil }
                levels[campaign] = list
            }
            return PostingBreakdown.Section(measures: section.measures.filter { $0.threshold != nil }, levels: levels)
        }
    }

    // MARK: Campaigns

    static func select(_ request: TallyRequest, db: Database) throws -> [TallyReport.CampaignInfo] {
        for day in [request.from, request.to].compactMap({ $0 }) where SheetDate.parse(day) == nil {
            throw WorkflowError.usage(TallyCommandMessages.notADate(["text": day]), hint: TallyCommandMessages.writeDate())
        }
        var names = request.campaigns
        if request.all || names.isEmpty && (request.from != nil || request.to != nil) {
            names = try RunQueries.runs(in: db).map(\.campaign)
        } else if names.isEmpty {
            throw WorkflowError.usage(TallyCommandMessages.nameCampaigns(), hint: TallyCommandMessages.nameCampaignsHint())
        }
        var seen = Set<String>()
        var campaigns: [TallyReport.CampaignInfo] = []
        for name in names where seen.insert(name).inserted {
            let run = try RunQueries.requireRun(name, in: db)
            // The day the campaign was held (its `date:`), not the day someone started it in the tool.
            let day = run.heldDay
            if let from = request.from.flatMap(SheetDate.parse), day < from { continue }
            if let to = request.to.flatMap(SheetDate.parse), day > to { continue }
            let vars = run.vars
            campaigns.append(.init(name: name, title: run.title ?? "", startedAt: run.createdAt, timeZone: run.timeZone,
                                   heldOn: day, county: ReportSignature.text(vars, "county"),
                                   venue: ReportSignature.text(vars, "venue")))
        }
        // A period in which no campaign was held is a tally of zeros (a comparison with last year
        // needs it), not an error; the report says there was none.
        return campaigns
    }

    /// Rows of a plugin's grouping: for each group, the people in it (registered) and, for each people
    /// measure, those whose level in its section reaches the measure's threshold.
    static func groupingRows(_ key: String, of owner: any TallySection, campaigns: [String], sections: [any TallySection],
                             measures: [TallyMeasure], db: Database) throws -> [TallyRow] {
        var counts: [String: TallyCounts] = [:]
        for campaign in campaigns {
            let groups = try owner.groups(key, campaign: campaign, db: db)
            guard !groups.isEmpty else { continue }
            let registered = Set(try Registrations.registeredPeople(campaign: campaign, db: db))
            var levels: [[Int64: Int]] = []
            for section in sections {
                var byPerson: [Int64: Int] = [:]
                for level in try section.personLevels(campaign: campaign, db: db) { byPerson[level.person] = level.level }
                levels.append(byPerson)
            }
            for (person, group) in groups where registered.contains(person) {
                if counts[group] == nil {
                    var zero = TallyCounts()
                    for measure in measures { zero[measure.key] = 0 }
                    counts[group] = zero
                }
                for measure in measures {
                    guard let threshold = measure.threshold else { continue }
                    let level: Int
                    if let s = sections.firstIndex(where: { $0.measures.contains(measure) }) {
                        level = levels[s][person] ?? 0
                    } else {
                        level = 0   // the ledger's own people measure: registered, threshold 0
                    }
                    if level >= threshold { counts[group]![measure.key] = (counts[group]![measure.key] ?? 0) + 1 }
                }
            }
        }
        return counts.map { TallyRow(key: $0.key, label: blankLabel($0.key), counts: $0.value) }
    }
}
