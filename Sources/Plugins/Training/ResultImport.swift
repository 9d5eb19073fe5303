import Foundation
import GRDB
import Ledger
import Workflow

/// Exam results and certificates (考核结果 / 职业技能等级证书): per trainee the score, whether they
/// passed, the certificate's number, level and day. A trainee passes when the sheet says 合格 (or
/// 通过, 是), else when a certificate number is given, else when the score is 60 or more. A later
/// sheet for the same trainee replaces the earlier row (a resit).
struct ResultImport: LedgerKind {
    struct Result: Sendable {
        var trainee: TraineeRow
        var score: Double?
        var passed: Bool
        var certificate: String
        var level: String
        var issuedOn: String
    }

    static let actionName = "import-results"
    static let actionSummary = "Imports exam results and certificates (考核结果、职业技能等级证书编号)."
    static let noun = "result"
    static let fields = [
        TraineeRow.idField, TraineeRow.nameField, TraineeRow.classField,
        FieldSpec("score", "成绩", aliases: ["考核成绩", "分数", "总成绩", "score"]),
        FieldSpec("passed", "考核结果", aliases: ["是否合格", "是否通过", "结果", "passed"]),
        FieldSpec("certificate", "证书编号", aliases: ["职业技能等级证书编号", "证书号", "证书号码", "certificate"]),
        FieldSpec("level", "证书等级", aliases: ["等级", "技能等级", "level"]),
        FieldSpec("issued_on", "发证日期", aliases: ["发证时间", "取证日期", "issued"]),
    ]

    static func parse(_ row: RowCells) -> Swift.Result<Result, RowProblem> {
        TraineeRow.parse(row, fields: fields).flatMap { trainee in
            let rawScore = row["score"].trimmingCharacters(in: .whitespaces)
            var score: Double?
            if !rawScore.isEmpty {
                guard let value = Double(rawScore), (0...1_000).contains(value) else {
                    return .failure(.at(row, "score", fields: fields, TrainingMessages.notAScore, ["value": Masking.scrub(rawScore)]))
                }
                score = value
            }
            let certificate = row["certificate"].trimmingCharacters(in: .whitespaces)
            if certificate.count > 40 {
                return .failure(.at(row, "certificate", fields: fields, ImportMessages.tooLong(TrainingMessages.certificateField, limit: 40)))
            }
            let verdict = row["passed"].trimmingCharacters(in: .whitespaces)
            let passed: Bool
            if ["合格", "通过", "是", "yes", "passed", "pass", "√", "✓"].contains(verdict.lowercased()) {
                passed = true
            } else if ["不合格", "未通过", "否", "no", "failed", "fail", "缺考", "×"].contains(verdict.lowercased()) {
                passed = false
            } else if verdict.isEmpty {
                passed = !certificate.isEmpty || (score ?? 0) >= 60
            } else {
                return .failure(.at(row, "passed", fields: fields, TrainingMessages.notAVerdict, ["value": Masking.scrub(verdict)]))
            }
            let rawDay = row["issued_on"].trimmingCharacters(in: .whitespaces)
            let day = rawDay.isEmpty ? "" : SheetDate.parse(rawDay)
            guard let day else { return .failure(.at(row, "issued_on", fields: fields, TrainingMessages.notADay, ["value": rawDay])) }
            return .success(Result(trainee: trainee, score: score, passed: passed, certificate: certificate,
                                   level: row["level"].trimmingCharacters(in: .whitespaces), issuedOn: day))
        }
    }

    static func key(of result: Result) -> String { result.trainee.idNumber.value + "|" + result.trainee.classText }

    func makeWriter(_ db: Database, options: ImportOptions) throws -> Writer {
        let campaign = options.campaign ?? ""
        return Writer(db: db, campaign: campaign, classes: try TrainingRecords.classes(db, campaign: campaign))
    }

    struct Writer: LedgerWriter {
        let db: Database
        let campaign: String
        let classes: [TrainingClass]
        var linked: Int { 0 }

        mutating func write(_ result: Result, row: Int) throws -> Swift.Result<WriteOutcome, RowProblem> {
            switch try TraineeRow.resolve(db, result.trainee, classes: classes, campaign: campaign, row: row) {
            case .failure(let problem): return .failure(problem)
            case .success(let (person, trainingClass)):
                let existed = try Bool.fetchOne(db, sql: """
                    SELECT 1 FROM training_result WHERE campaign = ? AND class = ? AND person_id = ?
                    """, arguments: [campaign, trainingClass.id, person]) ?? false
                try db.execute(sql: """
                    INSERT INTO training_result (campaign, class, person_id, score, passed, certificate, level, issued_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (campaign, class, person_id) DO UPDATE SET score = excluded.score, passed = excluded.passed,
                        certificate = excluded.certificate, level = excluded.level, issued_on = excluded.issued_on
                    """, arguments: [campaign, trainingClass.id, person, result.score, result.passed, result.certificate,
                                     result.level, result.issuedOn])
                return .success(existed ? .updated : .inserted)
            }
        }
    }
}

extension ImportKind {
    static let trainingResults = ImportKind("training-results", ResultImport(), summary: TrainingMessages.resultsKind,
                                            needsCampaign: true)
}
