import GRDB
import Ledger
import PluginKit
import Workflow

/// What outcomes add to tallies: the people who reached each stage (a stage implies the ones
/// before it), by posting for the enterprise and posting breakdowns, and the list of the placed.
struct OutcomeSection: TallySection {
    let measures = [
        TallyMeasure("interviewed", zh: "面试人数", en: "interviewed", scope: .people(threshold: 1), ratesOf: ["attended"],
                     doc: "Distinct people interviewed."),
        TallyMeasure("intents", zh: "达成意向", en: "hiring intents", scope: .people(threshold: 2), ratesOf: ["interviewed"],
                     highlight: true, doc: "Distinct people with a hiring intent."),
        TallyMeasure("placed", zh: "成功就业", en: "placed", scope: .people(threshold: 3), ratesOf: ["intents", "attended"],
                     breakdownRate: .init(of: "attended", zh: "就业率", en: "placed/attended"), highlight: true, rowOrder: 1,
                     doc: "Distinct people placed."),
        TallyMeasure("retained", zh: "稳定就业", en: "retained", scope: .people(threshold: 4), ratesOf: ["placed"],
                     doc: "Distinct people still employed at follow-up."),
        TallyMeasure("placed_not_attended", zh: "其中未到场就业", en: "placed without check-in", scope: .campaign, kinds: [.jobFair],
                     doc: "Of the placed, people never checked in at the campaign (recorded with --not-attended)."),
    ]

    /// Interviews and placements come from fairs and from livestream call-backs; a bus season carries
    /// people already placed.
    let campaignKinds: Set<CampaignKind>? = [.jobFair, .livestream]

    /// The placed who never came, counted apart so that "placed" beside "attended" reads right.
    func campaignValues(_ db: Database, campaign: String) throws -> [String: Int] {
        ["placed_not_attended": try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT person_id) FROM outcome WHERE campaign = ? AND stage >= 3 AND not_attended
            """, arguments: [campaign]) ?? 0]
    }

    /// Each person's furthest stage in the campaign, whatever the posting.
    func personLevels(_ db: Database, campaign: String) throws -> [PersonLevel] {
        let furthest = try RawStatement(db, sql: """
            SELECT person_id, max(stage) FROM outcome WHERE campaign = ? GROUP BY person_id ORDER BY person_id
            """)
        furthest.bind(1, campaign)
        var levels: [PersonLevel] = []
        while try furthest.step() { levels.append(PersonLevel(person: furthest.int(0), level: Int(furthest.int(1)))) }
        return levels
    }

    /// Each person's stage with each posting (the outcome key starts with campaign and person, so
    /// they come sorted by person without a sort).
    func postingLevels(_ db: Database, campaign: String) throws -> [PostingLevel]? {
        let outcomes = try RawStatement(db, sql: """
            SELECT person_id, posting_id, stage FROM outcome WHERE campaign = ? ORDER BY person_id
            """)
        outcomes.bind(1, campaign)
        var levels: [PostingLevel] = []
        while try outcomes.step() {
            levels.append(PostingLevel(person: outcomes.int(0), posting: outcomes.int(1), level: Int(outcomes.int(2))))
        }
        return levels
    }

    let personList: TallyPersonList? = TallyPersonList(
        key: "placed_people", zh: "成功就业人员名单（已脱敏）", en: "Placed job seekers (masked)",
        sheet: (zh: "就业名单", en: "Placed"),
        columns: zip(["活动", "姓名", "身份证号", "手机号", "乡镇", "村", "阶段", "日期", "岗位", "企业"],
                     ["campaign", "name", "ID number", "phone", "township", "village", "stage", "date", "posting",
                      "enterprise"]).map { TallyPersonList.Column(zh: $0, en: $1) })

    /// The placed people of the campaigns, masked, each with where they were placed.
    func personListRows(_ db: Database, campaigns: [String]) throws -> [TallyPersonList.Row] {
        try campaigns.flatMap { try OutcomeRecorder.people(db, campaign: $0, atLeast: .placed) }.map { p in
            let common = [p.campaign, p.maskedName, p.maskedID, p.maskedPhone, p.township, p.village]
            let rest = [p.date, "\(p.postingCode) \(p.postingTitle)", p.enterprise]
            return TallyPersonList.Row(
                zh: common + [p.stage.label] + rest, en: common + [p.stage.english] + rest,
                json: ["campaign": p.campaign, "name": p.maskedName, "id_number": p.maskedID, "phone": p.maskedPhone,
                       "township": p.township, "village": p.village, "stage": p.stage.verb, "date": p.date,
                       "posting": p.postingCode, "posting_title": p.postingTitle, "enterprise": p.enterprise])
        }
    }
}
