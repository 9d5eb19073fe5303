import GRDB
import Ledger
import PluginKit
import Workflow

/// What a livestream adds to its tallies (and only to campaigns with sign-ups): the audience — peak
/// concurrent viewers, views — and the leads, per campaign; and as people measures, the leads who are
/// in the ledger (matched) and those a call reached. Interviews, intents and placements booked from the
/// calls are outcomes, counted by the outcomes section beside the fair's.
struct LivestreamSection: TallySection {
    static let peak = TallyMeasure("peak_viewers", zh: "最高在线人数", en: "peak viewers", scope: .campaign, highlight: true,
                                   doc: "The most concurrent viewers in any row of the platforms' figures.")
    static let views = TallyMeasure("views", zh: "观看人次", en: "views", scope: .campaign,
                                    doc: "Views, summed over the figures imported.")
    static let leads = TallyMeasure("leads", zh: "报名线索", en: "leads", scope: .campaign, highlight: true,
                                    doc: "Sign-ups: one per phone number, however many platforms brought it.")
    static let matched = TallyMeasure("leads_matched", zh: "线索入库", en: "leads in the ledger", scope: .people(threshold: 1),
                                      doc: "Leads who are people of the ledger (by ID number or phone), registered to the campaign.")
    static let reached = TallyMeasure("leads_reached", zh: "回访接通", en: "leads reached", scope: .people(threshold: 2),
                                      ratesOf: ["leads_matched"], doc: "Leads in the ledger a call-back reached.")

    let measures = [Self.peak, Self.views, Self.leads, Self.matched, Self.reached]

    let groupings = [TallyGrouping("platform", zh: "报名平台", en: "platform")]

    /// Each lead in the ledger by the platform that brought them first.
    func groups(_ grouping: String, campaign: String, db: Database) throws -> [Int64: String] {
        guard grouping == "platform" else { return [:] }
        var groups: [Int64: String] = [:]
        for lead in try LivestreamRecords.leads(campaign: campaign, db: db) {
            guard let person = lead.personID else { continue }
            groups[person] = groups[person] ?? String(lead.platforms.split(separator: ",").first ?? "")
        }
        return groups
    }

    func applies(to campaigns: [String], db: Database) throws -> Bool {
        try campaigns.contains { try LivestreamRecords.hasLeads(campaign: $0, db: db) }
    }

    func campaignValues(campaign: String, db: Database) throws -> [String: Int] {
        let audience = try LivestreamRecords.audience(campaign: campaign, db: db)
        return [Self.peak.key: audience.peak, Self.views.key: audience.views,
                Self.leads.key: try LivestreamRecords.leads(campaign: campaign, db: db).count]
    }

    func personLevels(campaign: String, db: Database) throws -> [PersonLevel] {
        var level: [Int64: Int] = [:]
        let leads = try LivestreamRecords.leads(campaign: campaign, db: db)
        let personOf = Dictionary(leads.compactMap { lead in lead.personID.map { (lead.id, $0) } }, uniquingKeysWith: { a, _ in a })
        for person in personOf.values { level[person] = 1 }
        for call in try LivestreamRecords.calls(campaign: campaign, db: db) where call.status.reachedSomeone {
            if let person = personOf[call.leadID] { level[person] = 2 }
        }
        return level.sorted { $0.key < $1.key }.map { PersonLevel(person: $0.key, level: $0.value) }
    }

    /// The same levels per posting the lead signed up for, so the enterprise and posting breakdowns
    /// show each posting's leads beside its interviews and placements.
    func postingLevels(campaign: String, db: Database) throws -> [PostingLevel]? {
        let leads = try LivestreamRecords.leads(campaign: campaign, db: db)
        var reached = Set<Int64>()
        for call in try LivestreamRecords.calls(campaign: campaign, db: db) where call.status.reachedSomeone { reached.insert(call.leadID) }
        return leads.compactMap { lead -> PostingLevel? in
            guard let person = lead.personID, let posting = lead.postingID else { return nil }
            return PostingLevel(person: person, posting: posting, level: reached.contains(lead.id) ? 2 : 1)
        }.sorted { ($0.person, $0.posting) < ($1.person, $1.posting) }
    }
}
