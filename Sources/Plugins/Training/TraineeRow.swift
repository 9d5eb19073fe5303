import Foundation
import GRDB
import Ledger
import Workflow

/// What every training sheet starts with: the trainee's ID number and, where the campaign has
/// several classes, the class. A row is refused with its reason when the ID number is not valid, the
/// person is not in the ledger, or they are not enrolled in the class.
struct TraineeRow: Sendable {
    var idNumber: ResidentID
    var classText: String

    static let idField = FieldSpec("id_number", "身份证号", aliases: ["身份证号码", "公民身份号码", "证件号码", "身份证", "idnumber"],
                                   required: true)
    static let nameField = FieldSpec("name", "姓名", aliases: ["学员姓名", "name"])
    static let classField = FieldSpec("class", "班级", aliases: ["培训班", "班次", "班级编号", "class"])

    static func parse(_ row: RowCells, fields: [FieldSpec]) -> Result<TraineeRow, RowProblem> {
        let raw = row["id_number"].trimmingCharacters(in: .whitespaces)
        do {
            return .success(TraineeRow(idNumber: try ResidentID(raw), classText: row["class"].trimmingCharacters(in: .whitespaces)))
        } catch {
            return .failure(.at(row, "id_number", fields: fields, error.said(of: raw)))
        }
    }

    /// The ledger number and class of an enrolled trainee, or the reason the row is refused.
    static func resolve(_ db: Database, _ trainee: TraineeRow, classes: [TrainingClass], campaign: String,
                        row: Int) throws -> Result<(person: Int64, trainingClass: TrainingClass), RowProblem> {
        guard let person = try People.id(db, of: trainee.idNumber) else {
            return .failure(RowProblem(row: row, column: idField.label, reason: Message(TrainingMessages.notInLedger,
                                                                                           ["id": trainee.idNumber.masked]), cells: []))
        }
        let named = trainee.classText.isEmpty ? nil : classes.first { $0.id == trainee.classText || $0.trade == trainee.classText }
        if !trainee.classText.isEmpty && named == nil {
            return .failure(RowProblem(row: row, column: classField.label, reason: Message(TrainingMessages.noSuchClass, [
                "class": Masking.scrub(trainee.classText), "classes": classes.map(\.id).joined(separator: ", ")]), cells: []))
        }
        let candidates = named.map { [$0] } ?? classes
        let statuses = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT class FROM training_enrolment WHERE campaign = ? AND person_id = ? AND status = 'enrolled'
            """), arguments: [campaign, person]).map { $0["class"] as String }
        guard let trainingClass = candidates.first(where: { statuses.contains($0.id) }) else {
            return .failure(RowProblem(row: row, column: idField.label, reason: Message(TrainingMessages.notEnrolled, [
                "id": trainee.idNumber.masked, "class": named?.id ?? campaign]), cells: []))
        }
        return .success((person, trainingClass))
    }
}
