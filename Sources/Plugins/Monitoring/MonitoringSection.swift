import GRDB
import Ledger
import PluginKit
import Workflow

/// What a month of monitoring adds to its tallies: the people on the sheets and where they work — each
/// level implying the ones before (out of province three months ⊂ out of province ⊂ outside the county
/// ⊂ working ⊂ monitored) — so every figure breaks down by township, village and group; and last
/// year's 务工规模 for the same month beside this month's. Several months tallied together add as
/// person-months (人次) with the distinct people (人数) beside them.
struct MonitoringSection: TallySection {
    static let monitored = TallyMeasure("monitored_workers", zh: "监测劳动力", en: "workers monitored", scope: .people(threshold: 1),
                                        rowOrder: 2, doc: "People on the month's monitoring sheets.")
    static let working = TallyMeasure("working", zh: "务工规模", en: "working", scope: .people(threshold: 2), ratesOf: ["monitored_workers"],
                                      breakdownRate: .init(of: "monitored_workers", zh: "务工率", en: "share working"),
                                      highlight: true, rowOrder: 1, doc: "Monitored people working (in the county or away).")
    static let outsideCounty = TallyMeasure("working_outside_county", zh: "县外务工", en: "working outside the county",
                                            scope: .people(threshold: 3), ratesOf: ["working"],
                                            doc: "Working outside the county (in the province or beyond).")
    static let outOfProvince = TallyMeasure("working_out_of_province", zh: "省外务工", en: "working out of province",
                                            scope: .people(threshold: 4), ratesOf: ["working_outside_county"], highlight: true,
                                            doc: "Working outside the province.")
    static let awayThreeMonths = TallyMeasure("out_of_province_3_months", zh: "省外务工满3个月", en: "out of province 3+ months",
                                              scope: .people(threshold: 5), ratesOf: ["working_out_of_province"],
                                              doc: "Out of province for three months or more (the transport subsidy's condition).")
    static let lastYear = TallyMeasure("working_last_year", zh: "上年同期务工规模", en: "working a year before",
                                       scope: .campaign, combination: .single,
                                       doc: "People working in the same month a year before: the workspace's sheets, else the step's last_year.")

    let measures = [Self.monitored, Self.working, Self.outsideCounty, Self.outOfProvince, Self.awayThreeMonths, Self.lastYear]

    let campaignKinds: Set<CampaignKind>? = [.monitoring]

    func applies(_ db: Database, to campaigns: [String]) throws -> Bool {
        try campaigns.contains { try MonitoringRecords.month(db, campaign: $0) != nil }
    }

    func campaignValues(_ db: Database, campaign: String) throws -> [String: Int] {
        guard let (month, given) = try MonitoringRecords.month(db, campaign: campaign),
              let lastYear = try MonitoringRecords.workingCount(db, month: Month.adding(-12, to: month)) ?? given else { return [:] }
        return [Self.lastYear.key: lastYear]
    }

    func personLevels(_ db: Database, campaign: String) throws -> [PersonLevel] {
        guard let month = try MonitoringRecords.month(db, campaign: campaign)?.month else { return [] }
        let comparison = try MonthComparison.make(db, campaign: campaign, month: month)
        return comparison.now.sorted { $0.key < $1.key }.map { person, status in
            var level = 1
            if status.working { level = 2 }
            if status.outsideCounty { level = 3 }
            if status.outOfProvince { level = 4 }
            if comparison.awayThreeMonths.contains(person) { level = 5 }
            return PersonLevel(person: person, level: level)
        }
    }
}

/// The people wanting work without it, and what one-to-one help did for them: wanting work ⊃ helped
/// (a result recorded) ⊃ into work by the help.
struct MonitoringHelpSection: TallySection {
    static let wanting = TallyMeasure("wanting_work", zh: "有就业意愿未就业", en: "wanting work", scope: .people(threshold: 1),
                                      highlight: true, doc: "Not working and wanting work: the one-to-one help list.")
    static let helped = TallyMeasure("helped", zh: "已帮扶", en: "helped", scope: .people(threshold: 2), ratesOf: ["wanting_work"],
                                     doc: "Of them, people whose helper recorded a result.")
    static let intoWork = TallyMeasure("helped_into_work", zh: "帮扶就业", en: "helped into work", scope: .people(threshold: 3),
                                       ratesOf: ["helped"], doc: "Placed in work or a public-welfare job (公益性岗位) by the help.")

    let measures = [Self.wanting, Self.helped, Self.intoWork]

    let campaignKinds: Set<CampaignKind>? = [.monitoring]

    func applies(_ db: Database, to campaigns: [String]) throws -> Bool {
        try campaigns.contains { try MonitoringRecords.month(db, campaign: $0) != nil }
    }

    func personLevels(_ db: Database, campaign: String) throws -> [PersonLevel] {
        let statuses = try MonitoringRecords.statuses(db, campaign: campaign)
        let help = Dictionary(try MonitoringRecords.help(db, campaign: campaign).map { ($0.person, $0.result) },
                              uniquingKeysWith: { a, _ in a })
        return statuses.filter(\.value.needsHelp).keys.sorted().map { person in
            let result = help[person] ?? .open
            return PersonLevel(person: person, level: result.intoWork ? 3 : result == .open ? 1 : 2)
        }
    }
}

/// One kind of month-over-month change as a measure of its own (the kinds are not nested).
struct MonitoringChangeSection: TallySection {
    let change: MonthlyChanges.Change
    let measures: [TallyMeasure]

    init(_ change: MonthlyChanges.Change, zh: String, en: String, doc: String) {
        self.change = change
        measures = [TallyMeasure(change.rawValue.replacingOccurrences(of: "-", with: "_"), zh: zh, en: en,
                                 scope: .people(threshold: 1), doc: doc)]
    }

    static let all = [
        MonitoringChangeSection(.newlyUnemployed, zh: "新增未就业", en: "newly unemployed",
                                doc: "Working the month before, not working this month."),
        MonitoringChangeSection(.returnedHome, zh: "返乡", en: "returned home",
                                doc: "Working outside the county the month before, at home or in the county this month."),
        MonitoringChangeSection(.newlyOutOfProvince, zh: "新增省外务工", en: "newly out of province",
                                doc: "Working out of province this month and not the month before."),
    ]

    let campaignKinds: Set<CampaignKind>? = [.monitoring]

    func applies(_ db: Database, to campaigns: [String]) throws -> Bool {
        try campaigns.contains { try MonitoringRecords.month(db, campaign: $0) != nil }
    }

    func personLevels(_ db: Database, campaign: String) throws -> [PersonLevel] {
        try MonitoringRecords.changed(db, campaign: campaign, change).map { PersonLevel(person: $0, level: 1) }
    }
}
