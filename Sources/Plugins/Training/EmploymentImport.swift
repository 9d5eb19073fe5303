import Foundation
import GRDB
import Ledger
import Workflow

/// Employment after training (培训后就业回访): per trainee the employer, where and since when. Kept by
/// the training plugin rather than as an outcome of the campaign: a trainee finds work anywhere —
/// not at a posting the campaign offered — and attended sessions, not a gate. A trainee listed again
/// takes the later row.
struct EmploymentImport: LedgerKind {
    struct Job: Sendable {
        var trainee: TraineeRow
        var employer: String
        var place: String
        var startedOn: String
    }

    static let actionName = "import-employment"
    static let actionSummary = "Imports employment after training (培训后就业): trainee, employer, place, since."
    static let noun = "job"
    static let fields = [
        TraineeRow.idField, TraineeRow.nameField, TraineeRow.classField,
        FieldSpec("employer", "就业单位", aliases: ["工作单位", "用人单位", "务工单位", "企业名称", "employer"], required: true),
        FieldSpec("place", "就业地点", aliases: ["务工地点", "工作地点", "地点", "place"]),
        FieldSpec("started_on", "就业日期", aliases: ["入职日期", "上岗日期", "日期", "started"]),
    ]

    static func parse(_ row: RowCells) -> Result<Job, RowProblem> {
        TraineeRow.parse(row, fields: fields).flatMap { trainee in
            let employer = row["employer"].trimmingCharacters(in: .whitespaces)
            guard !employer.isEmpty else { return .failure(.at(row, "employer", fields: fields, TrainingMessages.noEmployer)) }
            let rawDay = row["started_on"].trimmingCharacters(in: .whitespaces)
            let day = rawDay.isEmpty ? "" : SheetDate.parse(rawDay)
            guard let day else { return .failure(.at(row, "started_on", fields: fields, TrainingMessages.notADay, ["value": rawDay])) }
            return .success(Job(trainee: trainee, employer: String(employer.prefix(60)),
                                place: String(row["place"].trimmingCharacters(in: .whitespaces).prefix(60)), startedOn: day))
        }
    }

    static func key(of job: Job) -> String { job.trainee.idNumber.value }

    func makeWriter(_ db: Database, options: ImportOptions) throws -> Writer {
        let campaign = options.campaign ?? ""
        return Writer(db: db, campaign: campaign, classes: try TrainingRecords.classes(db, campaign: campaign))
    }

    struct Writer: LedgerWriter {
        let db: Database
        let campaign: String
        let classes: [TrainingClass]
        var linked: Int { 0 }

        mutating func write(_ job: Job, row: Int) throws -> Result<WriteOutcome, RowProblem> {
            switch try TraineeRow.resolve(db, job.trainee, classes: classes, campaign: campaign, row: row) {
            case .failure(let problem): return .failure(problem)
            case .success(let (person, _)):
                let existed = try Bool.fetchOne(db, sql: "SELECT 1 FROM training_employment WHERE campaign = ? AND person_id = ?",
                                                arguments: [campaign, person]) ?? false
                try db.execute(sql: """
                    INSERT INTO training_employment (campaign, person_id, employer, place, started_on) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (campaign, person_id) DO UPDATE SET employer = excluded.employer, place = excluded.place,
                        started_on = excluded.started_on
                    """, arguments: [campaign, person, job.employer, job.place, job.startedOn])
                return .success(existed ? .updated : .inserted)
            }
        }
    }
}

extension ImportKind {
    static let trainingEmployment = ImportKind("training-employment", EmploymentImport(),
                                               summary: TrainingMessages.employmentKind, needsCampaign: true)
}
