import Foundation
import GRDB
import Ledger
import Workflow

/// A survey sheet: one row per job seeker, their ID number and a score from 1 to 5. Refused rows
/// go to the reject file like any other import's.
struct SurveyImport: LedgerKind {
    struct Answer: Sendable {
        var idNumber: ResidentID
        var score: Int
    }

    static let actionName = "import-surveys"
    static let actionSummary = "Imports a sheet of survey answers."
    static let noun = "answer"
    static let fields = [
        FieldSpec("id_number", "身份证号", aliases: ["身份证号码", "idnumber"], required: true),
        FieldSpec("score", "满意度", aliases: ["评分", "score"], required: true),
    ]

    static func parse(_ row: RowCells) -> Result<Answer, RowProblem> {
        guard let id = try? ResidentID(row["id_number"]) else {
            return .failure(.at(row, "id_number", fields: fields, SurveyMessages.notAnIDNumber,
                                ["value": Masking.scrub(row["id_number"])]))
        }
        guard let score = Int(row["score"]), (1...5).contains(score) else {
            return .failure(.at(row, "score", fields: fields, SurveyMessages.notAScore, ["value": row["score"]]))
        }
        return .success(Answer(idNumber: id, score: score))
    }

    static func key(of answer: Answer) -> UInt64 { answer.idNumber.numericKey }

    func makeWriter(_ db: Database, options: ImportOptions) throws -> Writer {
        Writer(db: db, campaign: options.campaign ?? "")
    }

    struct Writer: LedgerWriter {
        let db: Database
        let campaign: String
        var linked: Int { 0 }

        mutating func write(_ answer: Answer, row: Int) throws -> Result<WriteOutcome, RowProblem> {
            let (_, lookup) = try PersonLookup.resolve(db, answer.idNumber.value, campaign: campaign)
            guard case .success(let person) = lookup, try Registrations.isRegistered(db, person, campaign: campaign) else {
                return .failure(RowProblem(row: row, column: "身份证号", reason: Message(
                    ImportMessages.notRegistered, ["person": answer.idNumber.masked, "campaign": campaign]), cells: []))
            }
            try db.execute(sql: """
                INSERT INTO survey_answer (campaign, person_id, score) VALUES (?, ?, ?)
                ON CONFLICT (campaign, person_id) DO UPDATE SET score = excluded.score
                """, arguments: [campaign, person, answer.score])
            return .success(db.changesCount > 0 ? .inserted : .unchanged)
        }
    }
}

extension ImportKind {
    static let surveys = ImportKind("surveys", SurveyImport(),
                                    summary: MessageText("survey.import", zh: "满意度调查表", en: "survey answers (满意度调查表)"),
                                    needsCampaign: true)
}

/// The campaign's answers: how many, and their average score.
struct SurveyResults: Sendable, Codable {
    var answers: Int
    var average: Double

    static func of(_ db: Database, _ campaign: String) throws -> SurveyResults {
        let row = try Row.fetchOne(db, sql: "SELECT count(*) AS n, coalesce(avg(score), 0) AS average FROM survey_answer "
                                   + "WHERE campaign = ?", arguments: [campaign])
        return SurveyResults(answers: row?["n"] ?? 0, average: row?["average"] ?? 0)
    }
}
