import Foundation
import GRDB
import Ledger
import Workflow

/// A bus campaign's passenger list (包车人员名单): the person's ledger columns (姓名, 身份证号, 手机号,
/// 乡镇, 村 — read as a people ledger reads them, so the person is added or updated and registered to
/// the campaign) and the journey's: 上车点, 目的地企业, 出发日期, the destination's city and province,
/// and a 状态 that withdraws someone (取消, 退出). Importing the list again updates what changed.
struct PassengerImport: LedgerKind {
    struct Passenger: Sendable {
        var person: PersonRecord
        var pickup: String
        var destination: String
        var city: String
        var province: String
        var departsOn: String
        var withdrawn: Bool
        /// 往返天数: how many days the trip keeps a coach away, when the list gives it.
        var tripDays: Int?
    }

    static let actionName = "import-passengers"
    static let actionSummary = "Imports the bus passengers (包车人员名单), adding them to the ledger and the campaign."
    static let noun = "passenger"
    /// The people columns first, in the people ledger's order: its parser reads them by position.
    static let fields = PeopleImport.fields + [
        FieldSpec("pickup", "上车点", aliases: ["乘车点", "集合点", "上车地点", "pickup"], required: true),
        FieldSpec("destination", "目的地企业", aliases: ["用工企业", "就业企业", "输出企业", "企业名称", "destination"],
                  required: true),
        FieldSpec("departs_on", "出发日期", aliases: ["出发时间", "乘车日期", "发车日期", "date"], required: true),
        FieldSpec("city", "目的地城市", aliases: ["务工城市", "务工地", "城市", "city"]),
        FieldSpec("province", "目的地省份", aliases: ["务工省份", "省份", "province"]),
        FieldSpec("status", "状态", aliases: ["是否乘车", "备注", "status"]),
        FieldSpec("trip_days", "往返天数", aliases: ["行程天数", "出车天数", "tripdays"]),
    ]
    static let withdrawalWords: Set<String> = ["取消", "退出", "不去", "放弃", "不乘车", "否", "withdrawn", "cancelled"]

    static func fieldNamedBySheets(_ names: [String], hasColumn: (String) -> Bool) -> FieldSpec? {
        PeopleImport.fieldNamedBySheets(names, hasColumn: hasColumn)
    }

    static func parse(_ row: RowCells) -> Result<Passenger, RowProblem> {
        let person: PersonRecord
        switch PeopleImport.parse(row) {
        case .success(let parsed): person = parsed
        case .failure(let problem): return .failure(problem)
        }
        func text(_ field: String) -> String { row[field].trimmingCharacters(in: .whitespaces) }
        for (field, word) in [("pickup", TransportMessages.pickupField), ("destination", TransportMessages.destinationField)]
        where text(field).isEmpty || text(field).count > 60 {
            return .failure(.at(row, field, fields: fields, text(field).isEmpty ? ImportMessages.empty(word)
                                : ImportMessages.tooLong(word, limit: 60)))
        }
        guard let day = SheetDate.parse(text("departs_on")) else {
            return .failure(.at(row, "departs_on", fields: fields, text("departs_on").isEmpty
                                ? ImportMessages.empty(TransportMessages.departureField)
                                : Message(ImportMessages.notADate, ["value": text("departs_on"), "example": "2026-02-20"])))
        }
        let status = text("status")
        var tripDays: Int?
        if !text("trip_days").isEmpty {
            guard let days = Int(text("trip_days")), (1...60).contains(days) else {
                return .failure(.at(row, "trip_days", fields: fields, TransportMessages.notTripDays, ["value": Masking.scrub(text("trip_days"))]))
            }
            tripDays = days
        }
        return .success(Passenger(person: person, pickup: text("pickup"), destination: text("destination"),
                                  city: text("city"), province: text("province"), departsOn: day,
                                  withdrawn: withdrawalWords.contains(status.lowercased()), tripDays: tripDays))
    }

    static func key(of passenger: Passenger) -> UInt64 { passenger.person.residentID.numericKey }

    static func refusedCells(of passenger: Passenger) -> [(field: String, reason: Message)] {
        PeopleImport.refusedCells(of: passenger.person)
    }

    func makeWriter(_ db: Database, options: ImportOptions) throws -> Writer {
        Writer(db: db, people: try PeopleImport().makeWriter(db, options: options), campaign: options.campaign ?? "",
               source: options.source, now: options.now)
    }

    struct Writer: LedgerWriter {
        let db: Database
        var people: PersonWriter
        let campaign: String
        let source: String
        let now: Date
        /// Passengers wait for their people: new people get their ledger numbers when the person
        /// writer flushes, at the latest in `finish`.
        var pending: [Passenger] = []
        var linked: Int { people.linked }

        mutating func write(_ passenger: Passenger, row: Int) throws -> Result<WriteOutcome, RowProblem> {
            let personOutcome: WriteOutcome
            switch try people.write(passenger.person, row: row) {
            case .success(let outcome): personOutcome = outcome
            case .failure(let problem): return .failure(problem)
            }
            pending.append(passenger)
            guard let id = try People.id(db, of: passenger.person.residentID),
                  let stored = try Row.fetchOne(db.cachedStatement(sql: """
                      SELECT pickup, destination, city, province, wished_on, withdrawn, trip_days FROM transport_passenger
                      WHERE campaign = ? AND person_id = ?
                      """), arguments: [campaign, id]) else { return .success(.inserted) }
            let same = stored["pickup"] == passenger.pickup && stored["destination"] == passenger.destination
                && stored["city"] == passenger.city && stored["province"] == passenger.province
                && stored["wished_on"] == passenger.departsOn && stored["withdrawn"] == passenger.withdrawn
                && (stored["trip_days"] as Int?) == passenger.tripDays
            return .success(same && personOutcome == .unchanged ? .unchanged : .updated)
        }

        mutating func finish() throws {
            try people.finish()
            let upsert = try db.makeStatement(sql: """
                INSERT INTO transport_passenger (campaign, person_id, pickup, destination, city, province, wished_on,
                                                 departs_on, withdrawn, source, updated_at, trip_days)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign, person_id) DO UPDATE SET pickup = excluded.pickup,
                    destination = excluded.destination, city = excluded.city, province = excluded.province,
                    -- A day planned by transport.departures stays unless the wish itself changed.
                    departs_on = CASE WHEN wished_on IS excluded.wished_on AND destination IS excluded.destination
                                      THEN departs_on ELSE excluded.departs_on END,
                    wished_on = excluded.wished_on, withdrawn = excluded.withdrawn, source = excluded.source,
                    updated_at = excluded.updated_at, trip_days = excluded.trip_days
                WHERE (pickup, destination, city, province, wished_on, withdrawn, trip_days)
                    IS NOT (excluded.pickup, excluded.destination, excluded.city, excluded.province,
                            excluded.wished_on, excluded.withdrawn, excluded.trip_days)
                """)
            for passenger in pending {
                guard let id = try People.id(db, of: passenger.person.residentID) else {
                    throw WorkflowError.internal("passenger \(passenger.person.residentID.masked) was not saved")
                }
                try upsert.execute(arguments: [campaign, id, passenger.pickup, passenger.destination, passenger.city,
                                               passenger.province, passenger.departsOn, passenger.departsOn,
                                               passenger.withdrawn, source, now, passenger.tripDays])
            }
            pending = []
        }
    }
}

extension ImportKind {
    static let passengers = ImportKind("passengers", PassengerImport(),
                                       summary: ImportKindWords.passengers,
                                       needsCampaign: true)
}
