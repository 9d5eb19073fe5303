import GRDB
import PluginKit
import Workflow

/// What the survey adds to tallies: 问卷人数, the registered people who answered (a people measure,
/// with its rate from those who came), and 满意人数, the answers scoring 4 or 5 (a campaign measure).
struct SurveySection: TallySection {
    let measures = [
        TallyMeasure("surveyed", zh: "问卷人数", en: "surveyed", scope: .people(threshold: 1), ratesOf: ["attended"],
                     doc: "Distinct people who answered the survey."),
        TallyMeasure("satisfied", zh: "满意人数", en: "satisfied", scope: .campaign),
    ]

    func campaignValues(_ db: Database, campaign: String) throws -> [String: Int] {
        ["satisfied": try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_answer WHERE campaign = ? AND score >= 4",
                                       arguments: [campaign]) ?? 0]
    }

    func personLevels(_ db: Database, campaign: String) throws -> [PersonLevel] {
        try Int64.fetchAll(db, sql: "SELECT person_id FROM survey_answer WHERE campaign = ? ORDER BY person_id",
                           arguments: [campaign]).map { PersonLevel(person: $0, level: 1) }
    }
}
