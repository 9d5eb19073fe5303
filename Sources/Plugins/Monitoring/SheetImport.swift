import Foundation
import GRDB
import Ledger
import Workflow

/// A township's monthly monitoring sheet (务工监测表): per monitored worker whether they work, where
/// (县内 / 省内县外 / 省外), the place, since when, and — for those not working — whether they want work
/// and why not. The person must be in the ledger (the county's monitored households come from it);
/// they are registered to the month's campaign, so the tally counts them by township and group. A
/// sheet imported again replaces its people's rows. With `baselineMonth` the rows are the month
/// before the workspace's first, kept only to compare against.
struct SheetImport: LedgerKind {
    struct Entry: Sendable {
        var idNumber: ResidentID
        var working: Bool
        var area: WorkArea?
        var place: String
        var since: String
        var wantsWork: Bool
        var reason: String
    }

    var baselineMonth: String?

    static let actionName = "import-sheet"
    static let actionSummary = "Imports a township's monthly monitoring sheet (务工监测表): working or not, where, since, wish to work."
    static let noun = "monitored worker"
    static let fields = [
        FieldSpec("name", "姓名", aliases: ["劳动力姓名", "name"]),
        FieldSpec("id_number", "身份证号", aliases: ["身份证号码", "公民身份号码", "证件号码", "身份证", "idnumber"], required: true),
        FieldSpec("township", "乡镇", aliases: ["乡（镇）", "乡镇（街道）", "township"]),
        FieldSpec("village", "村", aliases: ["村（社区）", "行政村", "village"]),
        FieldSpec("working", "是否务工", aliases: ["务工状态", "就业状态", "是否就业", "务工情况", "working"], required: true),
        FieldSpec("area", "务工地域", aliases: ["务工区域", "务工范围", "就业地域", "area"]),
        FieldSpec("place", "务工地点", aliases: ["务工地", "就业地点", "务工单位", "place"]),
        FieldSpec("since", "外出时间", aliases: ["务工时间", "外出务工时间", "务工起始时间", "since"]),
        FieldSpec("wish", "就业意愿", aliases: ["是否有就业意愿", "务工意愿", "wish"]),
        FieldSpec("reason", "未就业原因", aliases: ["未务工原因", "原因", "reason"]),
    ]

    /// A field's position in `fields`, for the by-position reads a sheet of 100,000 rows a month wants.
    static let position = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.key, $0) })

    static func parse(_ row: RowCells) -> Result<Entry, RowProblem> {
        func text(_ field: String) -> String { CellText.trimmed(row[position: position[field]!]) }
        let id: ResidentID
        do { id = try ResidentID(text("id_number")) } catch {
            return .failure(.at(row, "id_number", fields: fields, error.said(of: text("id_number"))))
        }
        guard let working = SheetAnswer.working(text("working")) else {
            return .failure(.at(row, "working", fields: fields, MonitoringMessages.notAWorkingAnswer,
                                ["value": Masking.scrub(text("working"))]))
        }
        var area: WorkArea?
        if working {
            area = WorkArea.read(text("area")) ?? WorkArea.read(text("place"))
            guard area != nil else {
                return .failure(.at(row, "area", fields: fields, MonitoringMessages.notAnArea, ["value": Masking.scrub(text("area"))]))
            }
        }
        var since = text("since")
        if !since.isEmpty {
            if let day = SheetDate.parse(since) { since = day } else if !Month.isMonth(since) {
                return .failure(.at(row, "since", fields: fields, MonitoringMessages.notADay, ["value": Masking.scrub(since)]))
            }
        }
        guard let wish = SheetAnswer.wish(text("wish")) else {
            return .failure(.at(row, "wish", fields: fields, MonitoringMessages.notAWish, ["value": Masking.scrub(text("wish"))]))
        }
        return .success(Entry(idNumber: id, working: working, area: area, place: String(text("place").prefix(60)),
                              since: working ? since : "", wantsWork: !working && wish,
                              reason: reason(text("reason"))))
    }

    /// The reason not working, as the sheet says it, numbers in it masked, at most 60 characters.
    static func reason(_ text: String) -> String {
        text.isEmpty ? "" : String(Masking.scrub(text).prefix(60))
    }

    static func key(of entry: Entry) -> String { entry.idNumber.value }

    func makeWriter(_ db: Database, options: ImportOptions) throws -> Writer {
        guard let campaign = options.campaign else {
            throw WorkflowError.usage(Message(MonitoringMessages.noMonth, ["campaign": ""]))
        }
        if let baselineMonth {
            return Writer(db: db, campaign: campaign, rowCampaign: "", month: baselineMonth, now: options.now)
        }
        guard let month = try MonitoringRecords.month(db, campaign: campaign)?.month else {
            throw WorkflowError.invalidInput(Message(MonitoringMessages.noMonth, ["campaign": campaign]))
        }
        return Writer(db: db, campaign: campaign, rowCampaign: campaign, month: month, now: options.now)
    }

    struct Writer: LedgerWriter {
        let db: Database
        let campaign: String
        /// The campaign the rows belong to: '' for a baseline month.
        let rowCampaign: String
        let month: String
        let now: Date
        var linked = 0

        mutating func write(_ entry: Entry, row: Int) throws -> Result<WriteOutcome, RowProblem> {
            guard let person = try People.id(db, of: entry.idNumber) else {
                return .failure(RowProblem(row: row, column: "身份证号", reason: Message(MonitoringMessages.notInLedger,
                                                                                    ["id": entry.idNumber.masked]), cells: []))
            }
            // A new row (the common case: a month's first sheet) in one statement; a sheet again updates.
            let values: StatementArguments = [entry.working, entry.area?.rawValue ?? "", entry.place, entry.since, entry.wantsWork,
                                              entry.reason, rowCampaign, month, person]
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO monitoring_status (working, area, place, since, wants_work, reason, campaign, month, person_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: values)
            let existed = db.changesCount == 0
            if existed {
                try db.cachedStatement(sql: """
                    UPDATE monitoring_status SET working = ?, area = ?, place = ?, since = ?, wants_work = ?, reason = ?
                    WHERE campaign = ? AND month = ? AND person_id = ?
                    """).execute(arguments: values)
            }
            if !rowCampaign.isEmpty, try Registrations.register(db, person, campaign: campaign, channel: "monitoring", now: now) {
                linked += 1
            }
            return .success(existed ? .updated : .inserted)
        }
    }
}

extension ImportKind {
    static let monitoringSheet = ImportKind("monitoring-sheet", SheetImport(), summary: MonitoringMessages.sheetKind,
                                            needsCampaign: true)
}
