import Foundation
import GRDB
import Ledger
import Outcomes
import Workflow

/// Which campaigns to tally and how to break the numbers down.
public struct TallyRequest: Sendable {
    public var campaigns: [String]
    /// Every campaign in the workspace (narrowed by `from`/`to`).
    public var all: Bool
    /// Campaigns started on or after / on or before these days (`yyyy-MM-dd`, China Standard Time).
    public var from: String?
    public var to: String?
    public var breakdowns: [TallyDimension]
    /// Add the list of placed people (masked) — a manager's request; reports otherwise hold counts only.
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

/// Computes tallies. The counting rules (README, "Counting rules"):
/// - a person counts once per stage per campaign, however many postings they try;
/// - a stage implies the earlier ones (a placement counts as an interview and an intent);
/// - attended = distinct registered people with an accepted check-in at any checkpoint, plus
///   walk-ins, who register at the desk and so are both registered and attended;
/// - several campaigns add up: a person at two fairs counts at each (人次), as county reports do.
///
/// Everything about people comes from one pass over the campaigns' registrations, grouped by
/// (campaign, township, village, groups); the funnel and the person breakdowns are sums of
/// those groups, so three breakdowns cost what one does.
public enum TallyQuery {
    /// Tallies in the caller's transaction. With `parallel`, a large tally also reads the ledger
    /// on a second connection of that pool, so two cores share the work.
    public static func run(_ request: TallyRequest, now: Date, strategy: PeopleStrategy = .automatic,
                           parallel: DatabasePool? = nil, db: Database) throws -> TallyReport {
        let campaigns = try select(request, db: db)
        let names = campaigns.map(\.name)
        let people = try peopleGroups(names, strategy: strategy, parallel: parallel, db: db)
        let offers = try offerCounts(names, db: db)

        var funnel = TallyCounts()
        funnel.campaigns = campaigns.count
        funnel.enterprises = offers.values.reduce(0) { $0 + $1.enterprises }
        funnel.postings = offers.values.reduce(0) { $0 + $1.postings }
        funnel.positions = offers.values.reduce(0) { $0 + $1.positions }
        let total = people.reduce(PeopleCounts()) { $0 + $1.counts }
        funnel = merge(funnel, people: total, ofWhich: ofWhich(people))

        var breakdowns: [TallyBreakdown] = []
        for dimension in request.breakdowns {
            switch dimension {
            case .campaign:
                breakdowns.append(TallyBreakdown(dimension: .campaign, rows: campaigns.map { campaign in
                    let mine = people.filter { $0.campaign == campaign.name }
                    var counts = TallyCounts()
                    counts.campaigns = 1
                    let offer = offers[campaign.name] ?? OfferCounts()
                    counts.enterprises = offer.enterprises
                    counts.postings = offer.postings
                    counts.positions = offer.positions
                    counts = merge(counts, people: mine.reduce(PeopleCounts()) { $0 + $1.counts }, ofWhich: ofWhich(mine))
                    return TallyRow(key: campaign.name, label: campaign.title.isEmpty ? campaign.name : campaign.title,
                                    counts: counts)
                }))
            case .township, .village:
                var groups: [String: [PeopleGroup]] = [:]
                for g in people {
                    let key = dimension == .township ? g.township : g.township + "/" + g.village
                    groups[key, default: []].append(g)
                }
                let rows = groups.map { key, members in
                    let first = members[0]
                    let label = dimension == .township ? blankLabel(first.township)
                        : blankLabel(first.township) + " " + blankLabel(first.village)
                    return TallyRow(key: key, label: label,
                                    counts: merge(TallyCounts(), people: members.reduce(PeopleCounts()) { $0 + $1.counts },
                                                  ofWhich: ofWhich(members)))
                }
                breakdowns.append(TallyBreakdown(dimension: dimension, rows: rows.sorted(by: Self.byPlacedThenName)))
            case .group:
                let split = ofWhich(people)
                let rows = TargetGroup.allCases.compactMap { group -> TallyRow? in
                    guard let counts = split[group], counts.registered > 0 else { return nil }
                    return TallyRow(key: group.key, label: group.label, counts: TallyCounts(people: counts))
                }
                breakdowns.append(TallyBreakdown(dimension: .group, rows: rows))
            case .enterprise:
                breakdowns.append(TallyBreakdown(dimension: .enterprise,
                                                 rows: try enterpriseRows(names, db: db).sorted(by: Self.byPlacedThenName)))
            case .posting:
                breakdowns.append(TallyBreakdown(dimension: .posting,
                                                 rows: try postingRows(names, db: db).sorted(by: Self.byPlacedThenName)))
            }
        }
        let placed = request.listPlaced
            ? try names.flatMap { try OutcomeRecorder.people(campaign: $0, atLeast: .placed, db: db) } : nil
        return TallyReport(campaigns: campaigns, from: request.from, to: request.to, generatedAt: now, funnel: funnel,
                           breakdowns: breakdowns, placed: placed)
    }

    /// Most placements first (what managers look for), then by name for a stable order.
    static func byPlacedThenName(_ a: TallyRow, _ b: TallyRow) -> Bool {
        if a.counts.placed != b.counts.placed { return a.counts.placed > b.counts.placed }
        if (a.counts.attended ?? 0) != (b.counts.attended ?? 0) { return (a.counts.attended ?? 0) > (b.counts.attended ?? 0) }
        return a.key < b.key
    }

    static func blankLabel(_ text: String) -> String { text.isEmpty ? "(未填)" : text }

    static func merge(_ base: TallyCounts, people: PeopleCounts, ofWhich: [TargetGroup: PeopleCounts]) -> TallyCounts {
        var counts = base
        counts.registered = people.registered
        counts.attended = people.attended
        counts.interviewed = people.interviewed
        counts.intents = people.intents
        counts.placed = people.placed
        counts.retained = people.retained
        counts.ofWhich = ofWhich
        return counts
    }

    // MARK: Campaigns

    static func select(_ request: TallyRequest, db: Database) throws -> [TallyReport.CampaignInfo] {
        for day in [request.from, request.to].compactMap({ $0 }) where SheetDate.parse(day) == nil {
            throw WorkflowError.usage("'\(day)' is not a date", hint: "write it like 2026-03-01")
        }
        var names = request.campaigns
        if request.all || names.isEmpty && (request.from != nil || request.to != nil) {
            names = try String.fetchAll(db, sql: "SELECT campaign FROM workflow_run ORDER BY created_at, campaign")
        } else if names.isEmpty {
            throw WorkflowError.usage("name the campaigns to tally, or use --all",
                                      hint: "e.g. campaign tally spring-fair-2026, or campaign tally --all --from 2026-01-01")
        }
        var seen = Set<String>()
        var campaigns: [TallyReport.CampaignInfo] = []
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        for name in names where seen.insert(name).inserted {
            let run = try RunQueries.requireRun(name, in: db)
            let startedAt = run.createdAt
            let day = String(TimeFormats.display(startedAt, timeZone: zone).prefix(10))
            if let from = request.from.flatMap(SheetDate.parse), day < from { continue }
            if let to = request.to.flatMap(SheetDate.parse), day > to { continue }
            campaigns.append(.init(name: name, title: run.title ?? "", startedAt: startedAt))
        }
        if campaigns.isEmpty {
            throw WorkflowError.usage("no campaign was started between \(request.from ?? "the beginning") and "
                                      + "\(request.to ?? "today")", hint: "widen --from/--to; `campaign status` lists them")
        }
        return campaigns
    }

    /// `?, ?, ?` for an IN list, with its arguments.
    static func inList(_ names: [String]) -> (String, StatementArguments) {
        (Array(repeating: "?", count: names.count).joined(separator: ", "), StatementArguments(names))
    }

    // MARK: People

    struct PeopleGroup {
        var campaign: String
        var township: String
        var village: String
        var groups: Int
        var counts: PeopleCounts
    }

    /// How the people side is computed: `scan` reads the whole ledger in order (fast when the
    /// campaigns register a good part of it), `join` looks each registered person up (fast for a
    /// small campaign in a large ledger), `automatic` picks by size. Both give the same counts.
    public enum PeopleStrategy: Sendable {
        case automatic, scan, join
    }

    /// Each registered person's attendance (an accepted scan, or a walk-in) and furthest outcome
    /// stage, summed per campaign, township, village and target-group set.
    static func peopleGroups(_ campaigns: [String], strategy: PeopleStrategy = .automatic, parallel: DatabasePool?,
                             db: Database) throws -> [PeopleGroup] {
        var useScan = strategy == .scan
        if strategy == .automatic {
            let (marks, arguments) = inList(campaigns)
            let registered = try Int.fetchOne(db, sql: "SELECT count(*) FROM registration WHERE campaign IN (\(marks))",
                                              arguments: arguments) ?? 0
            let ledger = try Int.fetchOne(db, sql: "SELECT max(id) FROM person") ?? 0
            useScan = registered * 8 >= ledger && registered > 10_000
        }
        return useScan ? try PeopleScan.groups(campaigns, parallel: parallel, db: db) : try joinedGroups(campaigns, db: db)
    }

    /// The people side as one SQL query: an indexed lookup per registration.
    static func joinedGroups(_ campaigns: [String], db: Database) throws -> [PeopleGroup] {
        let (marks, arguments) = inList(campaigns)
        return try Row.fetchAll(db, sql: """
            SELECT campaign, township, village, groups, count(*) AS registered, sum(attended) AS attended,
                   sum(stage >= 1) AS interviewed, sum(stage >= 2) AS intents, sum(stage >= 3) AS placed,
                   sum(stage >= 4) AS retained
            FROM (
                SELECT r.campaign, p.township, p.village, p.groups,
                       r.channel = 'walk-in' OR EXISTS (SELECT 1 FROM scan s INDEXED BY scan_attended
                           WHERE s.campaign = r.campaign AND s.person_id = r.person_id AND s.result = 'accepted') AS attended,
                       coalesce((SELECT max(o.stage) FROM outcome o
                                 WHERE o.campaign = r.campaign AND o.person_id = r.person_id), 0) AS stage
                FROM registration r JOIN person p ON p.id = r.person_id
                WHERE r.campaign IN (\(marks))
            )
            GROUP BY campaign, township, village, groups
            """, arguments: arguments).map { row in
            var counts = PeopleCounts()
            counts.registered = row["registered"]
            counts.attended = row["attended"]
            counts.interviewed = row["interviewed"]
            counts.intents = row["intents"]
            counts.placed = row["placed"]
            counts.retained = row["retained"]
            return PeopleGroup(campaign: row["campaign"], township: row["township"], village: row["village"],
                               groups: row["groups"], counts: counts)
        }
    }

    /// "Of which" per target group: the people groups whose set includes it.
    static func ofWhich(_ groups: [PeopleGroup]) -> [TargetGroup: PeopleCounts] {
        var split: [TargetGroup: PeopleCounts] = [:]
        for g in groups where g.groups != 0 {
            for group in TargetGroup.allCases where g.groups & group.bit != 0 {
                split[group, default: PeopleCounts()].add(g.counts)
            }
        }
        return split
    }

    // MARK: Enterprises and postings

    struct OfferCounts {
        var enterprises = 0
        var postings = 0
        var positions = 0
    }

    /// Enterprises, postings and positions offered, per campaign.
    static func offerCounts(_ campaigns: [String], db: Database) throws -> [String: OfferCounts] {
        let (marks, arguments) = inList(campaigns)
        var offers: [String: OfferCounts] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT c.campaign, count(*) AS postings, coalesce(sum(p.openings), 0) AS positions
            FROM campaign_posting c JOIN posting p ON p.id = c.posting_id WHERE c.campaign IN (\(marks)) GROUP BY c.campaign
            """, arguments: arguments) {
            offers[row["campaign"], default: OfferCounts()].postings = row["postings"]
            offers[row["campaign"], default: OfferCounts()].positions = row["positions"]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT campaign, count(*) AS enterprises FROM campaign_enterprise WHERE campaign IN (\(marks)) GROUP BY campaign
            """, arguments: arguments) {
            offers[row["campaign"], default: OfferCounts()].enterprises = row["enterprises"]
        }
        return offers
    }

    /// Per enterprise: positions offered and distinct people at each stage with any of its postings.
    static func enterpriseRows(_ campaigns: [String], db: Database) throws -> [TallyRow] {
        let (marks, arguments) = inList(campaigns)
        var rows: [String: TallyRow] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT e.credit_code, e.name, count(*) AS postings, sum(p.openings) AS positions
            FROM campaign_posting c JOIN posting p ON p.id = c.posting_id JOIN enterprise e ON e.credit_code = p.credit_code
            WHERE c.campaign IN (\(marks)) GROUP BY e.credit_code
            """, arguments: arguments) {
            var counts = TallyCounts()
            counts.postings = row["postings"]
            counts.positions = row["positions"]
            rows[row["credit_code"]] = TallyRow(key: row["credit_code"], label: row["name"], counts: counts)
        }
        // Distinct people per enterprise and stage: each person's outcomes in a campaign arrive
        // together (the outcome key starts with campaign and person), so their furthest stage with
        // each enterprise is known when the next person starts — no sort of the outcomes needed.
        let enterpriseOf = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
            SELECT DISTINCT p.id, p.credit_code FROM campaign_posting c JOIN posting p ON p.id = c.posting_id
            WHERE c.campaign IN (\(marks))
            """, arguments: arguments).map { ($0["id"] as Int64, $0["credit_code"] as String) })
        var reached: [String: PeopleCounts] = [:]
        let outcomes = try RawStatement(db, sql: "SELECT person_id, posting_id, stage FROM outcome WHERE campaign = ? ORDER BY person_id")
        for campaign in campaigns {
            outcomes.bind(1, campaign)
            var person: Int64 = -1
            var furthest: [String: Int64] = [:]
            func count() {
                for (enterprise, stage) in furthest { reached[enterprise, default: PeopleCounts()].add(attended: false, stage: stage) }
                furthest.removeAll(keepingCapacity: true)
            }
            while try outcomes.step() {
                if outcomes.int(0) != person {
                    count()
                    person = outcomes.int(0)
                }
                guard let enterprise = enterpriseOf[outcomes.int(1)] else { continue }
                furthest[enterprise] = max(furthest[enterprise] ?? 0, outcomes.int(2))
            }
            count()
        }
        for (key, people) in reached {
            rows[key]?.counts.interviewed = people.interviewed
            rows[key]?.counts.intents = people.intents
            rows[key]?.counts.placed = people.placed
            rows[key]?.counts.retained = people.retained
        }
        return Array(rows.values)
    }

    /// Per posting: positions offered and people at each stage with it.
    static func postingRows(_ campaigns: [String], db: Database) throws -> [TallyRow] {
        let (marks, arguments) = inList(campaigns)
        return try Row.fetchAll(db, sql: """
            SELECT p.code, p.title, e.name AS enterprise, max(p.openings) AS openings, count(DISTINCT c.campaign) AS offered,
                   coalesce(sum(o.interviewed), 0) AS interviewed, coalesce(sum(o.intents), 0) AS intents,
                   coalesce(sum(o.placed), 0) AS placed, coalesce(sum(o.retained), 0) AS retained
            FROM campaign_posting c JOIN posting p ON p.id = c.posting_id JOIN enterprise e ON e.credit_code = p.credit_code
            LEFT JOIN (SELECT campaign, posting_id, sum(stage >= 1) AS interviewed, sum(stage >= 2) AS intents,
                              sum(stage >= 3) AS placed, sum(stage >= 4) AS retained
                       FROM outcome WHERE campaign IN (\(marks)) GROUP BY campaign, posting_id) o
                ON o.campaign = c.campaign AND o.posting_id = c.posting_id
            WHERE c.campaign IN (\(marks))
            GROUP BY p.id
            """, arguments: arguments + arguments).map { row in
            var counts = TallyCounts()
            counts.positions = (row["openings"] as Int) * (row["offered"] as Int)
            counts.interviewed = row["interviewed"]
            counts.intents = row["intents"]
            counts.placed = row["placed"]
            counts.retained = row["retained"]
            return TallyRow(key: row["code"], label: "\(row["title"] as String)（\(row["enterprise"] as String)）",
                            counts: counts)
        }
    }
}
