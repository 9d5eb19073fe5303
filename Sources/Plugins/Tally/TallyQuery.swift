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
/// (docs/reference.md, "Counting rules"):
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
    public static func run(_ db: Database, _ request: TallyRequest, sections: [any TallySection], now: Date,
                           strategy: PeopleStrategy = .automatic, parallel: DatabasePool? = nil) throws -> TallyReport {
        let scope = try TallyScope(db, try select(db, request), plugins: sections)
        var distinct: [String: Int]?
        var postings: [TallyDimension: TallyBreakdown] = [:]
        let (people, _) = try PeopleScan.scan(db, scope, strategy: strategy, parallel: parallel) { streams in
            // What needs no places, counted while the ledger's places are read on the other connection.
            if scope.campaigns.count > 1 { distinct = distinctPeople(scope, streams: streams) }
            for dimension in request.breakdowns where dimension == .enterprise || dimension == .posting {
                postings[dimension] = try TallyBreakdowns.postingBreakdown(db, scope, dimension)
            }
        }
        let totals = TallyTotals(scope: scope)
        let perCampaign = try totals.perCampaign(db, people)
        let funnel = totals.funnel(people, perCampaign: perCampaign)
        let builder = TallyBreakdowns(scope: scope, totals: totals, people: people, perCampaign: perCampaign, funnel: funnel,
                                      postings: postings)
        var breakdowns: [TallyBreakdown] = []
        for dimension in request.breakdowns {
            if let breakdown = try builder.breakdown(db, dimension) { breakdowns.append(breakdown) }
        }
        var lists: [(list: TallyPersonList, rows: [TallyPersonList.Row]?)] = []
        for section in scope.sections {
            guard let list = section.personList else { continue }
            lists.append((list, request.listPlaced ? try section.personListRows(db, campaigns: scope.names) : nil))
        }
        var report = TallyReport(campaigns: scope.campaigns, from: request.from, to: request.to, generatedAt: now,
                                 measures: scope.measures, funnel: funnel, breakdowns: breakdowns, personLists: lists)
        // Signed under the lines the first campaign's definition gives (flags may replace them).
        if let first = scope.names.first {
            report.form = ReportForm(vars: try RunQueries.requireRun(db, first).vars)
        }
        report.shredded = try ShredRecords.all(db).filter { scope.names.contains($0.campaign) }
        if let distinct {
            report.distinctPeople = distinct
            // The year view: under the per-campaign rows and their 人次 total, the people each counted once.
            for index in report.breakdowns.indices where report.breakdowns[index].dimension == .campaign {
                report.breakdowns[index].distinctTotal = TallyCounts(distinct)
            }
        }
        return report
    }

    /// 人数: each people measure counting a person once across the campaigns — registered at any of
    /// them; reaching the measure's level (came, was interviewed, placed…) at any of them where its
    /// section applies. People are ledger row numbers, dense from 1: a byte per person (a million
    /// people, a megabyte) keeps each one's furthest level without hashing. Counted from the streams
    /// the people scan read, not read from the workspace a second time.
    static func distinctPeople(_ scope: TallyScope, streams: [PeopleScan.Stream]) -> [String: Int] {
        // Room for the highest person, made once (growing a byte array person by person was most of the count).
        var highest: Int64 = 0
        for stream in streams {
            for person in stream.people { highest = max(highest, person) }
            for levels in stream.levels { for entry in levels { highest = max(highest, entry.person) } }
        }
        let size = Int(highest) + 1
        var counts: [String: Int] = [:]
        var registered = [UInt8](repeating: 0, count: size)
        for stream in streams {
            for person in stream.people where person >= 0 { registered[Int(person)] = 1 }
        }
        counts[LedgerMeasures.registered.key] = registered.count { $0 != 0 }
        for (s, section) in scope.sections.enumerated() {
            let own = section.measures.filter { ($0.threshold ?? 0) > 0 && scope.measures.contains($0) }
            guard !own.isEmpty else { continue }
            var furthest = [UInt8](repeating: 0, count: size)
            for c in scope.campaignIndexes(of: s) {
                for entry in streams[c].levels[s] where entry.person >= 0 {
                    let level = UInt8(clamping: entry.level)
                    if level > furthest[Int(entry.person)] { furthest[Int(entry.person)] = level }
                }
            }
            for measure in own {
                let threshold = UInt8(clamping: measure.threshold ?? 1)
                counts[measure.key] = furthest.count { $0 >= threshold }
            }
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

    // MARK: Campaigns

    static func select(_ db: Database, _ request: TallyRequest) throws -> [TallyReport.CampaignInfo] {
        for day in [request.from, request.to].compactMap({ $0 }) where SheetDate.parse(day) == nil {
            throw WorkflowError.usage(TallyCommandMessages.notADate(["text": day]), hint: TallyCommandMessages.writeDate())
        }
        var names = request.campaigns
        if request.all || names.isEmpty && (request.from != nil || request.to != nil) {
            names = try RunQueries.runs(db).map(\.campaign)
        } else if names.isEmpty {
            throw WorkflowError.usage(TallyCommandMessages.nameCampaigns(), hint: TallyCommandMessages.nameCampaignsHint())
        }
        var seen = Set<String>()
        var campaigns: [TallyReport.CampaignInfo] = []
        for name in names where seen.insert(name).inserted {
            let run = try RunQueries.requireRun(db, name)
            // The day the campaign was held (its `date:`), not the day someone started it in the tool.
            let day = run.heldDay
            if let from = request.from.flatMap(SheetDate.parse), day < from { continue }
            if let to = request.to.flatMap(SheetDate.parse), day > to { continue }
            let vars = run.vars
            campaigns.append(.init(name: name, title: run.title ?? "", kind: CampaignKind(rawValue: run.kind),
                                   startedAt: run.createdAt, timeZone: run.timeZone,
                                   heldOn: day, county: ReportForm.text(vars, "county"),
                                   venue: ReportForm.text(vars, "venue")))
        }
        // A period in which no campaign was held is a tally of zeros (a comparison with last year
        // needs it), not an error; the report says there was none.
        return campaigns
    }
}
