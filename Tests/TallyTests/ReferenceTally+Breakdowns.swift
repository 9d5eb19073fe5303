import Foundation

/// Every breakdown, counted from the campaigns' people: by place, group and campaign (人次, a
/// person once per campaign), by enterprise and posting (the people at each level with its postings),
/// by destination (bus seasons) and by platform (livestreams: leads, and the people they brought).
extension ReferenceTally {
    func addBreakdowns(to report: inout Expected, people: [String]) {
        var township: [String: [String: Int]] = [:], village: [String: [String: Int]] = [:]
        var group: [String: [String: Int]] = [:]
        for c in campaigns {
            for person in c.registered {
                let line = reached(person, at: c)
                let (t, v) = place(of: person)
                add(line, to: &township[Self.blank(t), default: zeros(people)])
                add(line, to: &village[Self.blank(t) + " " + Self.blank(v), default: zeros(people)])
                for g in groups(of: person) { add(line, to: &group[Self.groupLabels[g]!, default: zeros(people)]) }
            }
        }
        let peopleTotal = report.funnel.values.filter { people.contains($0.key) }
        report.breakdowns["township"] = township
        report.breakdowns["village"] = village
        report.breakdowns["group"] = group
        for dimension in ["township", "village", "group"] { report.totals[dimension] = peopleTotal }
        report.breakdowns["campaign"] = Dictionary(uniqueKeysWithValues: campaigns.map { c in
            (c.title, Dictionary(uniqueKeysWithValues: Self.measures(of: c.kind).map { ($0, value($0, at: c)) }))
        })
        report.totals["campaign"] = report.funnel.values
        // Enterprises and postings where some campaign offers postings (a bus season offers none).
        if campaigns.contains(where: { $0.kind != .bus }) { addPostingBreakdowns(to: &report) }
        if campaigns.contains(where: { $0.kind == .bus }) { addDestinations(to: &report, people: people) }
        if campaigns.contains(where: { $0.kind == .livestream }) { addPlatforms(to: &report, people: people) }
    }

    private func zeros(_ keys: [String]) -> [String: Int] { Dictionary(uniqueKeysWithValues: keys.map { ($0, 0) }) }

    private func add(_ line: [String: Int], to row: inout [String: Int]) {
        for (key, value) in line { row[key, default: 0] += value }
    }

    /// Enterprises and postings of the campaigns that offer postings: what they offered, and the people
    /// whose outcome or lead reached each level with them.
    private func addPostingBreakdowns(to report: inout Expected) {
        let offering = campaigns.filter { $0.kind != .bus }
        let tied = ["interviewed": "outcome", "intents": "outcome", "placed": "outcome", "retained": "outcome",
                    "leads_matched": "lead", "leads_matched_reached": "lead"].filter { report.measures.contains($0.key) }
        var enterprises: [String: [String: Int]] = [:], postings: [String: [String: Int]] = [:]
        func label(_ posting: Int) -> String {
            let p = world.postings[posting]
            return "\(p.code) \(p.title)（\(world.enterprises[p.enterprise].name)）"
        }
        for c in offering {
            for (posting, openings) in c.offered {
                let enterprise = world.enterprises[world.postings[posting].enterprise].name
                enterprises[enterprise, default: zeros(Array(tied.keys))]["postings", default: 0] += 1
                enterprises[enterprise]!["positions", default: 0] += openings
                postings[label(posting), default: zeros(Array(tied.keys))]["positions", default: 0] += openings
            }
            for (key, source) in tied {
                guard let threshold = Self.threshold(key) else { continue }
                for (_, byPosting) in c.postingLevels[source] ?? [:] {
                    var furthest: [String: Int] = [:]
                    for (posting, level) in byPosting {
                        if level >= threshold { postings[label(posting)]?[key, default: 0] += 1 }
                        let enterprise = world.enterprises[world.postings[posting].enterprise].name
                        furthest[enterprise] = max(furthest[enterprise] ?? 0, level)
                    }
                    for (enterprise, level) in furthest where level >= threshold { enterprises[enterprise]?[key, default: 0] += 1 }
                }
            }
        }
        report.breakdowns["enterprise"] = enterprises
        report.breakdowns["posting"] = postings
        report.totals["enterprise"] = report.funnel.values
        report.totals["posting"] = report.funnel.values
    }

    /// Bus seasons' people by where they travel (a withdrawn passenger by where they were going).
    private func addDestinations(to report: inout Expected, people: [String]) {
        let keys = people.filter { Self.measures(of: .bus).contains($0) }
        var rows: [String: [String: Int]] = [:]
        var total = zeros(keys)
        for c in campaigns where c.kind == .bus {
            for person in c.registered {
                let line = reached(person, at: c).filter { keys.contains($0.key) }
                add(line, to: &rows[Self.blank(c.destination[person] ?? ""), default: zeros(keys)])
                add(line, to: &total)
            }
        }
        report.breakdowns["destination"] = rows
        report.totals["destination"] = total
    }

    /// Livestreams' leads under every platform that brought them, and the people they brought.
    private func addPlatforms(to report: inout Expected, people: [String]) {
        let keys = people.filter { Self.measures(of: .livestream).contains($0) }
        let own = ["leads", "leads_reached"]
        var rows: [String: [String: Int]] = [:]
        var total = zeros(keys)
        for c in campaigns where c.kind == .livestream {
            for person in c.registered {
                let line = reached(person, at: c).filter { keys.contains($0.key) }
                for platform in c.platforms[person] ?? [""] {
                    add(line, to: &rows[Self.blank(platform), default: zeros(keys + own)])
                }
                add(line, to: &total)
            }
            for (platform, leads) in c.leadsByPlatform {
                rows[platform, default: zeros(keys + own)]["leads", default: 0] += leads.leads
                rows[platform]!["leads_reached", default: 0] += leads.reached
            }
            total["leads", default: 0] += c.values["leads"] ?? 0
            total["leads_reached", default: 0] += c.values["leads_reached"] ?? 0
        }
        report.breakdowns["platform"] = rows
        report.totals["platform"] = total
    }
}
