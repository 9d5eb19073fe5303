import Foundation
import GRDB
import Ledger
import Workflow

/// Follow-up employment records (稳岗回访记录) of a bus campaign's workers: who (ID number or mobile),
/// when they started (入职日期), whether they are still there (是否在岗), when they left (离职日期) and
/// when they were asked (回访日期). The transport subsidy is worked out from them.
struct EmploymentImport: LedgerKind {
    struct Record: Sendable {
        var person: String
        var startedOn: String
        var leftOn: String?
        var checkedOn: String?
        var bank: String
        var account: String
    }

    static let actionName = "import-employment"
    static let actionSummary = "Imports follow-up employment records (稳岗回访) for the transport subsidy."
    static let noun = "employment record"
    static let fields = [
        FieldSpec("person", "身份证号", aliases: ["身份证号码", "手机号", "手机号码", "idnumber", "phone"], required: true),
        FieldSpec("started_on", "入职日期", aliases: ["上岗日期", "到岗日期", "startdate"], required: true),
        FieldSpec("employed", "是否在岗", aliases: ["在岗情况", "在岗", "employed"]),
        FieldSpec("left_on", "离职日期", aliases: ["离岗日期", "leftdate"]),
        FieldSpec("checked_on", "回访日期", aliases: ["核实日期", "checkdate"]),
        FieldSpec("bank", "开户银行", aliases: ["开户行", "银行", "bank"]),
        FieldSpec("account", "账号", aliases: ["银行账号", "银行卡号", "社保卡号", "社会保障卡号", "卡号", "account"]),
    ]

    static func parse(_ row: RowCells) -> Result<Record, RowProblem> {
        func text(_ field: String) -> String { row[field].trimmingCharacters(in: .whitespaces) }
        func problem(_ field: String, _ reason: Message) -> Result<Record, RowProblem> {
            .failure(.at(row, field, fields: fields, reason))
        }
        guard !text("person").isEmpty else { return problem("person", Message(ImportMessages.noPersonGiven)) }
        guard let started = SheetDate.parse(text("started_on")) else {
            return problem("started_on", Message(ImportMessages.notADate, ["value": text("started_on"), "example": "2026-02-22"]))
        }
        var left: String?
        if !text("left_on").isEmpty {
            guard let day = SheetDate.parse(text("left_on")) else {
                return problem("left_on", Message(ImportMessages.notADate, ["value": text("left_on"), "example": "2026-04-30"]))
            }
            guard day >= started else { return problem("left_on", Message(TransportMessages.leftBeforeStarting, ["left": day, "started": started])) }
            left = day
        }
        let employed = text("employed")
        if left == nil, ["否", "离职", "已离职", "no"].contains(employed.lowercased()) {
            return problem("left_on", Message(TransportMessages.leftWithoutDate, ["employed": employed]))
        }
        if left != nil, ["是", "在岗", "yes"].contains(employed.lowercased()) {
            return problem("employed", Message(TransportMessages.employedWithLeaveDate, ["left": left!]))
        }
        var checked: String?
        if !text("checked_on").isEmpty {
            guard let day = SheetDate.parse(text("checked_on")) else {
                return problem("checked_on", Message(ImportMessages.notADate, ["value": text("checked_on"), "example": "2026-05-25"]))
            }
            checked = day
        }
        let account = text("account").filter { !$0.isWhitespace }
        if !account.isEmpty, !(account.count <= 30 && account.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLetter) }) {
            return problem("account", Message(TransportStepMessages.notAnAccount, ["value": Masking.scrub(account)]))
        }
        return .success(Record(person: text("person"), startedOn: started, leftOn: left, checkedOn: checked,
                               bank: String(text("bank").prefix(40)), account: account))
    }

    static func key(of record: Record) -> String { record.person }

    func makeWriter(_ db: Database, options: ImportOptions) throws -> Writer {
        Writer(db: db, campaign: options.campaign ?? "", today: SheetDate.day(of: options.now, in: .current), now: options.now)
    }

    struct Writer: LedgerWriter {
        let db: Database
        let campaign: String
        let today: String
        let now: Date
        var linked: Int { 0 }

        mutating func write(_ record: Record, row: Int) throws -> Result<WriteOutcome, RowProblem> {
            let person: Int64
            switch try PersonLookup.resolve(db, record.person, campaign: campaign).1 {
            case .failure(let failure):
                return .failure(RowProblem(row: row, column: "身份证号", reason: failure.message, cells: []))
            case .success(let id): person = id
            }
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM transport_passenger WHERE campaign = ? AND person_id = ?)",
                                    arguments: [campaign, person]) == true else {
                return .failure(RowProblem(row: row, column: "身份证号", reason: Message(TransportMessages.notAPassenger,
                                           ["person": Masking.scrub(record.person), "campaign": campaign]), cells: []))
            }
            let existed = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM transport_employment WHERE campaign = ? AND person_id = ?)",
                                            arguments: [campaign, person]) ?? false
            try db.execute(sql: """
                INSERT INTO transport_employment (campaign, person_id, started_on, left_on, checked_on, updated_at, bank, account)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign, person_id) DO UPDATE SET started_on = excluded.started_on, left_on = excluded.left_on,
                    checked_on = excluded.checked_on, updated_at = excluded.updated_at,
                    bank = CASE WHEN excluded.bank = '' THEN bank ELSE excluded.bank END,
                    account = CASE WHEN excluded.account = '' THEN account ELSE excluded.account END
                WHERE (started_on, left_on, checked_on) IS NOT (excluded.started_on, excluded.left_on, excluded.checked_on)
                   OR (excluded.bank <> '' AND excluded.bank IS NOT bank) OR (excluded.account <> '' AND excluded.account IS NOT account)
                """, arguments: [campaign, person, record.startedOn, record.leftOn, record.checkedOn ?? record.leftOn ?? today, now,
                                 record.bank, record.account])
            return .success(!existed ? .inserted : db.changesCount > 0 ? .updated : .unchanged)
        }
    }
}

extension ImportKind {
    static let employment = ImportKind("employment", EmploymentImport(),
                                       summary: ImportKindWords.employment,
                                       needsCampaign: true)
}
