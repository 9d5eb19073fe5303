import GRDB
import Ledger
import PluginKit
import Workflow

/// What a livestream adds to its tallies (livestream campaigns only): the audience — peak concurrent
/// viewers (the largest of several streams, never their sum), views — and the leads, one per phone:
/// how many signed up and how many a call-back reached, whether or not the county's ledger knows them
/// (most 抖音 sign-ups give a phone only). As people measures, the leads who are in the ledger
/// (matched) and those of them a call reached, broken down by place and group like every people
/// measure. Interviews, intents and placements booked from the calls are outcomes, counted by the
/// outcomes section beside the fair's.
struct LivestreamSection: TallySection {
    static let peak = TallyMeasure("peak_viewers", zh: "最高在线人数", en: "peak viewers", scope: .campaign, combination: .maximum,
                                   highlight: true,
                                   doc: "The most concurrent viewers in any row of the platforms' figures (several streams: the largest).")
    static let views = TallyMeasure("views", zh: "观看人次", en: "views", scope: .campaign,
                                    doc: "Views, summed over the figures imported.")
    static let leads = TallyMeasure("leads", zh: "报名线索", en: "leads", scope: .campaign, highlight: true,
                                    doc: "Sign-ups: one per phone number, however many platforms brought it.")
    static let reached = TallyMeasure("leads_reached", zh: "回访接通", en: "leads reached", scope: .campaign,
                                      ratesOf: ["leads"],
                                      doc: "Leads a call-back reached (answered: reached, not interested or booked), in the ledger or not.")
    static let matched = TallyMeasure("leads_matched", zh: "线索入库", en: "leads in the ledger", scope: .people(threshold: 1),
                                      doc: "Leads who are people of the ledger (by ID number or phone), registered to the campaign.")
    static let matchedReached = TallyMeasure("leads_matched_reached", zh: "入库线索接通", en: "ledger leads reached",
                                             scope: .people(threshold: 2), ratesOf: ["leads_matched"],
                                             doc: "Leads in the ledger a call-back reached.")

    let measures = [Self.peak, Self.views, Self.leads, Self.reached, Self.matched, Self.matchedReached]

    let campaignKinds: Set<CampaignKind>? = [.livestream]

    /// A lead brought by two platforms counts under both.
    let groupings = [TallyGrouping("platform", zh: "报名平台", en: "platform", overlapping: true,
                                   counts: [Self.leads.key, Self.reached.key])]

    /// Each lead in the ledger by every platform that brought them.
    func groups(_ db: Database, _ grouping: String, campaign: String) throws -> [Int64: [String]] {
        guard grouping == "platform" else { return [:] }
        var groups: [Int64: [String]] = [:]
        for lead in try LivestreamRecords.leads(db, campaign: campaign) {
            guard let person = lead.personID else { continue }
            groups[person, default: []] += Self.platforms(of: lead)
        }
        return groups
    }

    /// Every lead (in the ledger or not) under each platform that brought it: the leads, and those reached.
    func groupCounts(_ db: Database, _ grouping: String, campaign: String) throws -> [String: [String: Int]] {
        guard grouping == "platform" else { return [:] }
        let reached = try Self.reachedLeads(db, campaign: campaign)
        var counts: [String: [String: Int]] = [:]
        for lead in try LivestreamRecords.leads(db, campaign: campaign) {
            for platform in Self.platforms(of: lead) {
                counts[platform, default: [Self.leads.key: 0, Self.reached.key: 0]][Self.leads.key]! += 1
                if reached.contains(lead.id) { counts[platform]![Self.reached.key]! += 1 }
            }
        }
        return counts
    }

    func applies(_ db: Database, to campaigns: [String]) throws -> Bool {
        try campaigns.contains { try LivestreamRecords.hasLeads(db, campaign: $0) }
    }

    func campaignValues(_ db: Database, campaign: String) throws -> [String: Int] {
        let audience = try LivestreamRecords.audience(db, campaign: campaign)
        return [Self.peak.key: audience.peak, Self.views.key: audience.views,
                Self.leads.key: try LivestreamRecords.leads(db, campaign: campaign).count,
                Self.reached.key: try Self.reachedLeads(db, campaign: campaign).count]
    }

    func personLevels(_ db: Database, campaign: String) throws -> [PersonLevel] {
        var level: [Int64: Int] = [:]
        let reached = try Self.reachedLeads(db, campaign: campaign)
        for lead in try LivestreamRecords.leads(db, campaign: campaign) {
            guard let person = lead.personID else { continue }
            level[person] = max(level[person] ?? 0, reached.contains(lead.id) ? 2 : 1)
        }
        return level.sorted { $0.key < $1.key }.map { PersonLevel(person: $0.key, level: $0.value) }
    }

    /// The same levels per posting the lead signed up for, so the enterprise and posting breakdowns
    /// show each posting's leads beside its interviews and placements.
    func postingLevels(_ db: Database, campaign: String) throws -> [PostingLevel]? {
        let reached = try Self.reachedLeads(db, campaign: campaign)
        return try LivestreamRecords.leads(db, campaign: campaign).compactMap { lead -> PostingLevel? in
            guard let person = lead.personID, let posting = lead.postingID else { return nil }
            return PostingLevel(person: person, posting: posting, level: reached.contains(lead.id) ? 2 : 1)
        }.sorted { ($0.person, $0.posting) < ($1.person, $1.posting) }
    }

    /// The leads some call-back reached.
    static func reachedLeads(_ db: Database, campaign: String) throws -> Set<Int64> {
        Set(try LivestreamRecords.calls(db, campaign: campaign).filter(\.status.reachedSomeone).map(\.leadID))
    }

    /// The platforms that brought a lead, each once, as the lead lists them.
    static func platforms(of lead: LeadRecord) -> [String] {
        var seen = Set<String>()
        return lead.platforms.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
