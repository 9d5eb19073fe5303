import Foundation
import GRDB
import Ledger
import Workflow

public struct OutcomeRecord: Sendable {
    /// The person as the sheet names them: ID number, badge code or phone (the first given).
    var person: String
    var personField: String
    /// A posting code, or an enterprise and a title.
    var postingCode: String
    var enterprise: String
    var title: String
    var stage: OutcomeStage
    var date: String
    var note: String
    var recordedBy: String
    /// 未到场: placed without ever being checked in.
    var notAttended: Bool
}

/// Follow-up sheets (跟踪回访表): one row per job seeker and posting, with the stage reached.
/// Rows go through the same rules as `campaign record`, so a sheet imported twice changes
/// nothing and a sheet of interviews imported after the placements moves no one back.
public struct OutcomeImport: LedgerKind {
    public init() {}

    public static let actionName = "import-outcomes"
    public static let actionSummary = "Imports a follow-up sheet of interviews, intents and placements."
    public static let noun = "outcome"
    public static let fields: [FieldSpec] = [
        FieldSpec("id_number", "身份证号", aliases: ["身份证号码", "公民身份号码", "证件号码", "身份证", "idnumber", "id"]),
        FieldSpec("code", "报名码", aliases: ["胸卡码", "登记码", "二维码", "badge", "code", "registrationcode"]),
        FieldSpec("phone", "手机号", aliases: ["手机号码", "联系电话", "电话", "mobile", "phone"]),
        FieldSpec("posting", "岗位编号", aliases: ["岗位代码", "岗位码", "postingcode", "posting"]),
        FieldSpec("enterprise", "企业名称", aliases: ["单位名称", "企业", "公司名称", "用人单位", "company", "enterprise"]),
        FieldSpec("title", "岗位名称", aliases: ["岗位", "职位", "职位名称", "招聘岗位", "position", "title"]),
        FieldSpec("stage", "结果", aliases: ["求职结果", "阶段", "状态", "进展", "对接结果", "stage", "outcome", "result"],
                  required: true),
        FieldSpec("date", "日期", aliases: ["时间", "结果日期", "入职日期", "面试日期", "date"]),
        FieldSpec("note", "备注", aliases: ["说明", "note", "notes"]),
        FieldSpec("recorded_by", "记录人", aliases: ["经办人", "回访人", "staff", "recordedby"]),
        FieldSpec("not_attended", "未到场", aliases: ["未签到", "未到会", "未参会", "notattended"]),
    ]

    public static func parse(_ row: RowCells) -> Result<OutcomeRecord, RowProblem> {
        guard let (field, person) = ["id_number", "code", "phone"].lazy.map({ ($0, row[$0]) }).first(where: { !$0.1.isEmpty })
        else {
            return .failure(.at(row, row.has("id_number") ? "id_number" : "code", fields: fields,
                                Message(OutcomeMessages.noJobSeeker)))
        }
        let postingCode = row["posting"], enterprise = row["enterprise"], title = row["title"]
        if postingCode.isEmpty && (enterprise.isEmpty || title.isEmpty) {
            return .failure(.at(row, row.has("posting") ? "posting" : "title", fields: fields, Message(OutcomeMessages.noPosting)))
        }
        let rawStage = row["stage"]
        guard let stage = OutcomeStage.parse(rawStage), stage != .none else {
            return .failure(.at(row, "stage", fields: fields, Message(OutcomeMessages.notAStage, ["value": rawStage])))
        }
        let rawDate = row["date"]
        var date = ""
        if !rawDate.isEmpty {
            guard let parsed = SheetDate.parse(rawDate) else {
                return .failure(.at(row, "date", fields: fields, Message(OutcomeMessages.notADate, ["value": rawDate])))
            }
            date = parsed
        }
        let notAttended = ["是", "y", "yes", "true", "1", "√", "✓", "未到场"].contains(row["not_attended"].lowercased())
        return .success(OutcomeRecord(person: person, personField: field, postingCode: postingCode, enterprise: enterprise,
                                      title: title, stage: stage, date: date, note: row["note"],
                                      recordedBy: row["recorded_by"], notAttended: notAttended))
    }

    /// The same person, posting and stage twice in one sheet is a duplicate; two stages are not.
    public static func key(of record: OutcomeRecord) -> String {
        [record.person, record.postingCode, record.enterprise, record.title, String(record.stage.rawValue)]
            .joined(separator: "\u{1F}")
    }

    public func makeWriter(_ db: Database, options: ImportOptions) throws -> OutcomeWriter {
        guard let campaign = options.campaign else {
            throw WorkflowError.usage(LedgerMessages.belongsToCampaign(["name": "outcomes"]), hint: LedgerMessages.addCampaign())
        }
        let run = try RunQueries.requireRun(db, campaign)
        return OutcomeWriter(db: db, campaign: campaign, timeZone: run.timeZone, heldOn: run.heldDay, options: options)
    }
}

public struct OutcomeWriter: LedgerWriter {
    let db: Database
    let campaign: String
    /// The campaign's: a row without a date is dated today there.
    let timeZone: TimeZone
    /// The day the campaign was held: outcomes dated before it (and before the registration) are refused.
    let heldOn: String
    let options: ImportOptions
    /// Imports link nothing to the campaign; outcomes are counted by `campaign tally`.
    public let linked = 0

    public func write(_ record: OutcomeRecord, row: Int) throws -> Result<WriteOutcome, RowProblem> {
        func problem(_ refusal: OutcomeRefusal) -> RowProblem {
            let column: String
            switch refusal.input {
            case .person: column = OutcomeImport.fields.first { $0.key == record.personField }?.label ?? "身份证号"
            case .posting: column = record.postingCode.isEmpty ? "岗位名称" : "岗位编号"
            case .stage: column = "结果"
            case .date: column = "日期"
            }
            return RowProblem(row: row, column: column, reason: refusal.reason, cells: [])
        }
        do {
            // Each row in its own savepoint: a refused row leaves no trace, the others stay.
            var result: OutcomeResult?
            try db.inSavepoint {
                let code = record.postingCode.isEmpty
                    ? try OutcomeRecorder.postingCode(db, enterprise: record.enterprise, title: record.title, campaign: campaign)
                    : record.postingCode
                result = try OutcomeRecorder.record(db, inStartedCampaign: OutcomeEntry(campaign: campaign, person: record.person, posting: code,
                                                          stage: record.stage, date: record.date.isEmpty ? nil : record.date,
                                                          note: record.note, recordedBy: record.recordedBy,
                                                          source: options.source, notAttended: record.notAttended), timeZone: timeZone, heldOn: heldOn,
                                                    now: options.now)
                return .commit
            }
            switch result!.change {
            case .advanced(from: .none, _): return .success(.inserted)
            case .advanced: return .success(.updated)
            case .unchanged, .corrected: return .success(.unchanged)
            }
        } catch let refusal as OutcomeRefusal {
            return .failure(problem(refusal))
        }
    }
}

extension ImportKind {
    /// Follow-up sheets (跟踪回访表) of a campaign.
    public static let outcomes = ImportKind("outcomes", OutcomeImport(), summary: ImportKindWords.outcomes,
                                            needsCampaign: true)
}
