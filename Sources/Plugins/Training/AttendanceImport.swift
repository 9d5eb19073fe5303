import Foundation
import GRDB
import Ledger
import Workflow

/// An attendance sheet (考勤表, or a sign-in machine's 打卡记录): one row per trainee and session — the
/// ID number, the class where there are several, and the session by number (3, 第3课) or by its day.
/// A trainee marked twice for a session counts once; a sheet imported again changes nothing.
struct AttendanceImport: LedgerKind {
    struct Mark: Sendable {
        var trainee: TraineeRow
        var session: String
        var at: String
    }

    static let actionName = "import-attendance"
    static let actionSummary = "Imports an attendance sheet (考勤表): trainee, class, session."
    static let noun = "attendance mark"
    static let fields = [
        TraineeRow.idField, TraineeRow.nameField, TraineeRow.classField,
        FieldSpec("session", "课次", aliases: ["第几课", "培训日期", "日期", "上课日期", "session"], required: true),
        FieldSpec("at", "签到时间", aliases: ["打卡时间", "时间", "time"]),
    ]

    static func parse(_ row: RowCells) -> Result<Mark, RowProblem> {
        TraineeRow.parse(row, fields: fields).flatMap { trainee in
            let session = row["session"].trimmingCharacters(in: .whitespaces)
            guard !session.isEmpty else { return .failure(.at(row, "session", fields: fields, TrainingMessages.noSession)) }
            return .success(Mark(trainee: trainee, session: session, at: row["at"]))
        }
    }

    static func key(of mark: Mark) -> String { mark.trainee.idNumber.value + "|" + mark.trainee.classText + "|" + mark.session }

    func makeWriter(_ db: Database, options: ImportOptions) throws -> Writer {
        let campaign = options.campaign ?? ""
        return Writer(db: db, campaign: campaign, classes: try TrainingRecords.classes(db, campaign: campaign),
                      source: options.source, now: options.now)
    }

    struct Writer: LedgerWriter {
        let db: Database
        let campaign: String
        let classes: [TrainingClass]
        let source: String
        let now: Date
        var linked: Int { 0 }

        mutating func write(_ mark: Mark, row: Int) throws -> Result<WriteOutcome, RowProblem> {
            switch try TraineeRow.resolve(db, mark.trainee, classes: classes, campaign: campaign, row: row) {
            case .failure(let problem): return .failure(problem)
            case .success(let (person, trainingClass)):
                guard let session = trainingClass.session(named: mark.session) else {
                    return .failure(RowProblem(row: row, column: "课次", reason: Message(TrainingMessages.notASession, [
                        "value": Masking.scrub(mark.session), "class": trainingClass.id, "sessions": "\(trainingClass.sessions)"]),
                        cells: []))
                }
                let added = try TrainingRecords.attend(db, campaign: campaign, class: trainingClass.id, session: session,
                                                       person: person, source: source, staff: "", at: now)
                return .success(added ? .inserted : .unchanged)
            }
        }
    }
}

extension ImportKind {
    static let trainingAttendance = ImportKind("training-attendance", AttendanceImport(),
                                               summary: TrainingMessages.attendanceKind, needsCampaign: true)
}
