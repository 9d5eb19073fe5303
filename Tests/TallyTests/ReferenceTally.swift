import Foundation

/// The second count: the counting rules of docs/reference.md applied to a `CountingWorld`'s acts in the plainest
/// code, sharing nothing with the product but the roster's seats (a plan, not a count). It knows
/// which acts the product refuses (a scan without a gate, a staff correction, a placement of someone
/// who never came) because docs/reference.md says so, and counts what is left.
struct ReferenceTally {
    /// One line of a report: each measure's value by key, and 其中 per group key.
    struct Line: Equatable {
        var values: [String: Int] = [:]
        var ofWhich: [String: [String: Int]] = [:]
    }

    /// What every format of the report must say.
    struct Expected {
        var measures: Set<String>
        var funnel: Line
        var distinct: [String: Int]?
        var rates: [String: Double?]
        /// By dimension: each row's label, its line; and the 合计 line (and 合计（人数） for campaigns).
        var breakdowns: [String: [String: [String: Int]]]
        var totals: [String: [String: Int]]
        var distinctTotal: [String: Int]?
    }

    // MARK: What applies where (docs/reference.md's kinds)

    static let peopleMeasures: [(key: String, kinds: Set<CountingWorld.Kind>, threshold: Int)] = [
        ("registered", [.fair, .livestream, .bus], 0),
        ("attended", [.fair], 1),
        ("interviewed", [.fair, .livestream], 1), ("intents", [.fair, .livestream], 2),
        ("placed", [.fair, .livestream], 3), ("retained", [.fair, .livestream], 4),
        ("leads_matched", [.livestream], 1), ("leads_matched_reached", [.livestream], 2),
        ("passengers", [.bus], 1), ("boarded", [.bus], 2), ("arrived", [.bus], 3), ("entered_factory", [.bus], 4),
        ("subsidy_qualified", [.bus], 5),
    ]
    static let campaignMeasures: [(key: String, kinds: Set<CountingWorld.Kind>)] = [
        ("campaigns", [.fair, .livestream, .bus]), ("enterprises", [.fair, .livestream]), ("postings", [.fair, .livestream]),
        ("positions", [.fair, .livestream]), ("enterprises_attended", [.fair]), ("placed_not_attended", [.fair]),
        ("peak_viewers", [.livestream]), ("views", [.livestream]), ("leads", [.livestream]), ("leads_reached", [.livestream]),
        ("buses", [.bus]), ("batches", [.bus]), ("checkpoint_anomalies", [.bus]), ("subsidy_yuan", [.bus]),
    ]
    /// Rates: each measure over the one it follows.
    static let rates: [(part: String, whole: String)] = [
        ("attended", "registered"), ("interviewed", "attended"), ("intents", "interviewed"), ("placed", "intents"),
        ("placed", "attended"), ("retained", "placed"), ("leads_reached", "leads"), ("leads_matched_reached", "leads_matched"),
        ("boarded", "passengers"), ("arrived", "boarded"), ("entered_factory", "arrived"), ("subsidy_qualified", "entered_factory"),
    ]
    /// Which section's level a people measure reads: people of the same source count on one scale.
    static let source: [String: String] = [
        "attended": "gate", "interviewed": "outcome", "intents": "outcome", "placed": "outcome", "retained": "outcome",
        "leads_matched": "lead", "leads_matched_reached": "lead", "passengers": "bus", "boarded": "bus", "arrived": "bus",
        "entered_factory": "bus", "subsidy_qualified": "bus",
    ]

    let world: CountingWorld
    let seats: [String: [Int: (day: String, destination: String, plate: String)]]
    /// Per campaign: who registered, each person's level per source, and the campaign measures.
    private(set) var campaigns: [CampaignCount] = []

    struct CampaignCount {
        var name: String
        var title: String
        var kind: CountingWorld.Kind
        var registered: [Int] = []
        /// Level per person by source ("gate", "outcome", "lead", "bus").
        var levels: [String: [Int: Int]] = [:]
        /// Per person and posting: the furthest outcome stage, and the lead level.
        var postingLevels: [String: [Int: [Int: Int]]] = [:]
        var values: [String: Int] = [:]
        /// A passenger's destination; a matched lead's platforms.
        var destination: [Int: String] = [:]
        var platforms: [Int: [String]] = [:]
        /// Leads (by phone) per platform, and those reached.
        var leadsByPlatform: [String: (leads: Int, reached: Int)] = [:]
        var offered: [(posting: Int, openings: Int)] = []
    }

    init(_ world: CountingWorld, seats: [String: [Int: (day: String, destination: String, plate: String)]]) {
        self.world = world
        self.seats = seats
        campaigns = world.campaigns.map(count)
    }

    // MARK: Each campaign by the rules of docs/reference.md

    func count(_ c: CountingWorld.Campaign) -> CampaignCount {
        var out = CampaignCount(name: c.name, title: c.title, kind: c.kind, offered: c.offered)
        out.values["campaigns"] = 1
        if c.kind != .bus {
            out.values["enterprises"] = c.invited.count
            out.values["postings"] = c.offered.count
            out.values["positions"] = c.offered.reduce(0) { $0 + $1.openings }
        }
        switch c.kind {
        case .fair: countFair(c, into: &out)
        case .livestream: countLivestream(c, into: &out)
        case .bus: countBus(c, into: &out)
        }
        return out
    }

    private func countFair(_ c: CountingWorld.Campaign, into out: inout CampaignCount) {
        var registered = Set(c.registered)
        var came = Set<Int>()
        // A scan counts when the person is registered and the gate is one the checkpoint names (the
        // hall names none: any gate said, or none, is let in there).
        for scan in c.scans where registered.contains(scan.person)
            && (scan.checkpoint == "hall" || ["north", "south"].contains(scan.gate)) {
            came.insert(scan.person)
        }
        // A walk-in is registered and, the gate being open and taking walk-ins, checked in at the desk.
        for walkIn in c.walkIns {
            registered.insert(walkIn.person)
            came.insert(walkIn.person)
        }
        out.registered = registered.sorted()
        out.levels["gate"] = Dictionary(uniqueKeysWithValues: came.map { ($0, 1) })
        out.values["enterprises_attended"] = Set(c.enterprisesAtGate.filter(c.invited.contains)).count
        var stage: [Int: [Int: (stage: Int, notAttended: Bool)]] = [:]
        for o in c.outcomes {
            if o.correct && !o.byManager { continue }                       // a manager's act
            var notAttended = false
            if o.stage >= 3 && !came.contains(o.person) {
                guard o.notAttended else { continue }                         // placed without coming: said so, with how
                notAttended = true
            }
            let current = stage[o.person]?[o.posting]?.stage ?? 0
            if o.stage > current || (o.correct && o.stage < current) {
                stage[o.person, default: [:]][o.posting] = o.stage == 0 ? nil : (o.stage, notAttended)
            }
        }
        var furthest: [Int: Int] = [:]
        var postingLevels: [Int: [Int: Int]] = [:]
        for (person, postings) in stage {
            for (posting, s) in postings {
                furthest[person] = max(furthest[person] ?? 0, s.stage)
                postingLevels[person, default: [:]][posting] = s.stage
            }
        }
        out.levels["outcome"] = furthest
        out.postingLevels["outcome"] = postingLevels
        out.values["placed_not_attended"] = stage.filter { $0.value.values.contains { $0.stage >= 3 && $0.notAttended } }.count
    }

    private func countLivestream(_ c: CountingWorld.Campaign, into out: inout CampaignCount) {
        // One lead per phone: the first row of a phone in a file counts (a repeat in the same file is
        // refused), later files add their platform and their posting.
        var leads: [String: (platforms: [String], posting: Int, person: Int?)] = [:]
        var order: [String] = []
        let byPhone = Dictionary(world.people.enumerated().filter { $0.element.phone.count == 11 }.map { ($0.element.phone, $0.offset) },
                                 uniquingKeysWith: { first, _ in first })
        for platform in CountingWorld.platforms {
            var seenInFile = Set<String>()
            for lead in c.leads where lead.platform == platform && seenInFile.insert(lead.phone).inserted {
                let person = byPhone[lead.phone]
                if var known = leads[lead.phone] {
                    if !known.platforms.contains(platform) { known.platforms.append(platform) }
                    known.posting = lead.posting
                    leads[lead.phone] = known
                } else {
                    leads[lead.phone] = ([platform], lead.posting, person)
                    order.append(lead.phone)
                }
            }
        }
        var reached = Set<String>()
        var booked: [(person: Int, posting: Int)] = []
        for (phone, result) in c.calls {
            guard let lead = leads[phone] else { continue }
            if result == .booked && lead.person == nil { continue }            // refused: not in the ledger
            if [.reached, .notInterested, .booked].contains(result) { reached.insert(phone) }
            if result == .booked, let person = lead.person { booked.append((person, lead.posting)) }
        }
        out.values["leads"] = leads.count
        out.values["leads_reached"] = reached.count
        out.values["peak_viewers"] = c.viewers.map(\.viewers).max() ?? 0
        out.values["views"] = c.viewers.reduce(0) { $0 + $1.views }
        var level: [Int: Int] = [:], postingLevel: [Int: [Int: Int]] = [:]
        for (phone, lead) in leads {
            for platform in lead.platforms {
                var line = out.leadsByPlatform[platform] ?? (0, 0)
                line.leads += 1
                if reached.contains(phone) { line.reached += 1 }
                out.leadsByPlatform[platform] = line
            }
            guard let person = lead.person else { continue }
            let l = reached.contains(phone) ? 2 : 1
            level[person] = max(level[person] ?? 0, l)
            postingLevel[person, default: [:]][lead.posting] = max(postingLevel[person]?[lead.posting] ?? 0, l)
            out.platforms[person, default: []] += lead.platforms.filter { !(out.platforms[person] ?? []).contains($0) }
        }
        out.registered = Set(leads.values.compactMap(\.person)).sorted()
        out.levels["lead"] = level
        out.postingLevels["lead"] = postingLevel
        var outcome: [Int: Int] = [:], outcomePostings: [Int: [Int: Int]] = [:]
        for (person, posting) in booked {
            outcome[person] = max(outcome[person] ?? 0, 1)
            outcomePostings[person, default: [:]][posting] = max(outcomePostings[person]?[posting] ?? 0, 1)
        }
        out.levels["outcome"] = outcome
        out.postingLevels["outcome"] = outcomePostings
    }

    private func countBus(_ c: CountingWorld.Campaign, into out: inout CampaignCount) {
        out.registered = Set(c.passengers.map(\.person)).sorted()
        for p in c.passengers { out.destination[p.person] = CountingWorld.destinations[p.destination].0 }
        let seated = seats[c.name] ?? [:]
        let order = ["leave-home", "board", "alight", "enter-factory"]
        var passed: [Int: [String: String]] = [:]   // person → checkpoint → the plate of the first scan
        // A seated passenger's board scan on another day than their departure is refused: it passes nothing.
        for scan in c.doorScans where passed[scan.person]?[scan.checkpoint] == nil
            && !(scan.dayBefore && scan.checkpoint == "board" && seated[scan.person] != nil) {
            passed[scan.person, default: [:]][scan.checkpoint] = scan.otherPlate ?? seated[scan.person]?.plate ?? CountingWorld.plates[0]
        }
        var level: [Int: Int] = [:]
        var anomalies = 0
        for (person, trip) in seated {
            var l = 1
            for (i, checkpoint) in order.enumerated().dropFirst() where passed[person]?[checkpoint] != nil { l = max(l, i + 1) }
            level[person] = l
            // A checkpoint passed without an earlier one (every checkpoint was opened): one anomaly, the
            // first missing; boarding another bus than one's own: another.
            let mine = passed[person] ?? [:]
            if let last = order.lastIndex(where: { mine[$0] != nil }), order[..<last].contains(where: { mine[$0] == nil }) {
                anomalies += 1
            }
            if let plate = mine["board"], plate != trip.plate { anomalies += 1 }
        }
        out.levels["bus"] = level
        out.values["buses"] = Set(seated.values.map { "\($0.day)|\($0.destination)|\($0.plate)" }).count
        out.values["batches"] = Set(seated.values.map { "\($0.day)|\($0.destination)" }).count
        out.values["checkpoint_anomalies"] = anomalies
        out.values["subsidy_yuan"] = 0
    }
}
