import GRDB
import Ledger
import PluginKit
import Workflow

/// What a training campaign adds to its tallies: the funnel of its trainees — enrolled, attended at
/// least one session, completed (`TrainingRules.requiredSessions`), certified, subsidised — each a
/// level that implies the ones before (a subsidy needs the certificate, which the rule checks after
/// completion), so every figure breaks down by township, village and group like a fair's; and the
/// classes and the yuan of subsidy per campaign. A year's tally adds campaigns as 人次 with the
/// distinct people (人数) beside them, as every people measure does.
struct TrainingSection: TallySection {
    static let enrolled = TallyMeasure("trainees", zh: "入班学员", en: "trainees enrolled", scope: .people(threshold: 1),
                                       highlight: true, rowOrder: 2,
                                       doc: "People given a place in a class (not those waiting).")
    static let attended = TallyMeasure("trained", zh: "参训", en: "trained", scope: .people(threshold: 2), ratesOf: ["trainees"],
                                       doc: "Trainees who attended at least one session.")
    static let completed = TallyMeasure("completed", zh: "结业", en: "completed", scope: .people(threshold: 3),
                                        ratesOf: ["trained"], breakdownRate: .init(of: "trainees", zh: "结业率", en: "completion rate"),
                                        rowOrder: 1, doc: "Trainees who attended the sessions the completion rule asks for.")
    static let certified = TallyMeasure("certified", zh: "取得职业技能等级证书", en: "certified", scope: .people(threshold: 4),
                                        ratesOf: ["completed"], highlight: true,
                                        doc: "Trainees who completed, passed the exam and hold a certificate number.")
    static let subsidised = TallyMeasure("subsidised", zh: "享受培训补贴", en: "subsidised", scope: .people(threshold: 5),
                                         ratesOf: ["certified"], doc: "Trainees the training subsidy was granted to.")
    static let classes = TallyMeasure("classes", zh: "培训班", en: "classes", scope: .campaign,
                                      doc: "Classes held (training.class).")
    static let subsidyYuan = TallyMeasure("training_subsidy_yuan", zh: "培训补贴（元）", en: "training subsidy (yuan)",
                                          scope: .campaign, doc: "Yuan of training subsidy granted.")

    let measures = [Self.classes, Self.enrolled, Self.attended, Self.completed, Self.certified, Self.subsidised, Self.subsidyYuan]

    let campaignKinds: Set<CampaignKind>? = [.training]

    /// A person in two classes of a campaign stands under both trades (and both bases).
    let groupings = [TallyGrouping("trade", zh: "培训工种", en: "trade", overlapping: true),
                     TallyGrouping("base", zh: "培训基地", en: "training base", overlapping: true)]

    func groups(_ db: Database, _ grouping: String, campaign: String) throws -> [Int64: [String]] {
        guard grouping == "trade" || grouping == "base" else { return [:] }
        var groups: [Int64: [String]] = [:]
        for trainingClass in try TrainingRecords.classes(db, campaign: campaign) {
            let name = grouping == "trade" ? trainingClass.trade : trainingClass.base
            for person in try TrainingRecords.enrolled(db, campaign: campaign, class: trainingClass.id)
            where groups[person]?.contains(name) != true {
                groups[person, default: []].append(name)
            }
        }
        return groups
    }

    func applies(_ db: Database, to campaigns: [String]) throws -> Bool {
        try campaigns.contains { try TrainingRecords.hasClasses(db, campaign: $0) }
    }

    func campaignValues(_ db: Database, campaign: String) throws -> [String: Int] {
        let yuan = try Int.fetchOne(db, sql: "SELECT coalesce(sum(amount), 0) FROM training_subsidy WHERE campaign = ? AND eligible",
                                    arguments: [campaign]) ?? 0
        return [Self.classes.key: try TrainingRecords.classes(db, campaign: campaign).count, Self.subsidyYuan.key: yuan]
    }

    func personLevels(_ db: Database, campaign: String) throws -> [PersonLevel] {
        try Self.levels(db, campaign: campaign).sorted { $0.key < $1.key }.map { PersonLevel(person: $0.key, level: $0.value) }
    }

    /// Each enrolled trainee's furthest level over the campaign's classes.
    static func levels(_ db: Database, campaign: String) throws -> [Int64: Int] {
        var level: [Int64: Int] = [:]
        let subsidised = try TrainingRecords.subsidised(db, campaign: campaign)
        for trainingClass in try TrainingRecords.classes(db, campaign: campaign) {
            let attendance = try TrainingRecords.attendance(db, campaign: campaign, class: trainingClass.id)
            let results = try TrainingRecords.results(db, campaign: campaign, class: trainingClass.id)
            for person in try TrainingRecords.enrolled(db, campaign: campaign, class: trainingClass.id) {
                var reached = 1
                let sessions = attendance[person] ?? 0
                if sessions > 0 { reached = 2 }
                if sessions >= trainingClass.requiredSessions {
                    reached = 3
                    if let result = results[person], result.passed, !result.certificate.isEmpty {
                        reached = 4
                        if subsidised.contains(person) { reached = 5 }
                    }
                }
                level[person] = max(level[person] ?? 0, reached)
            }
        }
        return level
    }
}

/// Employment after training, as a section of its own: whether a trainee found work does not follow
/// from the certificate, so it is not a step of the funnel above. Counted for trainees enrolled in a
/// class of the campaign.
struct TrainingEmploymentSection: TallySection {
    static let employed = TallyMeasure("employed_after_training", zh: "培训后就业", en: "employed after training",
                                       scope: .people(threshold: 1),
                                       breakdownRate: .init(of: "completed", zh: "结业后就业率", en: "employment after completion"),
                                       highlight: true,
                                       doc: "Trainees with a job recorded after the training (training.import-employment).")

    let measures = [Self.employed]

    let campaignKinds: Set<CampaignKind>? = [.training]

    func applies(_ db: Database, to campaigns: [String]) throws -> Bool {
        try campaigns.contains { try TrainingRecords.hasClasses(db, campaign: $0) }
    }

    func personLevels(_ db: Database, campaign: String) throws -> [PersonLevel] {
        try TrainingRecords.employed(db, campaign: campaign).sorted().map { PersonLevel(person: $0, level: 1) }
    }
}
