import Foundation
import GRDB
import Ledger
import Workflow

/// A bus campaign's vehicles (车辆名单): plate, seats, crew (driver and escort, who take seats), the
/// driver's and escort's names and phones, and a 状态 that takes a vehicle off the list (停用). The
/// roster reads the list as it stands each time, so a vehicle changed here is never counted stale.
struct VehicleImport: LedgerKind {
    struct Vehicle: Sendable {
        var plate: LicensePlate
        var seats: Int
        var crew: Int
        var driver: String
        var driverPhone: String
        var escort: String
        var escortPhone: String
        var retired: Bool
        var unavailable: [ClosedRange<String>]
    }

    static let actionName = "import-vehicles"
    static let actionSummary = "Imports the campaign's vehicles (车辆名单): plates, seats, crew, drivers and escorts."
    static let noun = "vehicle"
    static let fields = [
        FieldSpec("plate", "车牌号", aliases: ["车牌", "车牌号码", "号牌", "plate"], required: true),
        FieldSpec("seats", "座位数", aliases: ["核载人数", "座位", "核定载客", "seats"], required: true),
        FieldSpec("crew", "随车人员数", aliases: ["工作人员数", "司乘人员", "crew"]),
        FieldSpec("driver", "司机", aliases: ["驾驶员", "司机姓名", "driver"]),
        FieldSpec("driver_phone", "司机电话", aliases: ["驾驶员电话", "司机手机", "driverphone"]),
        FieldSpec("escort", "带队人", aliases: ["随车工作人员", "带队干部", "领队", "escort"]),
        FieldSpec("escort_phone", "带队人电话", aliases: ["带队电话", "领队电话", "escortphone"]),
        FieldSpec("status", "状态", aliases: ["status"]),
        FieldSpec("unavailable", "不可用日期", aliases: ["停运日期", "检修日期", "不可用", "unavailable"]),
    ]
    /// A driver and an escort: a 53-seat coach carries 51 workers.
    static let defaultCrew = 2

    static func parse(_ row: RowCells) -> Result<Vehicle, RowProblem> {
        func text(_ field: String) -> String { row[field].trimmingCharacters(in: .whitespaces) }
        func problem(_ field: String, _ text: MessageText, _ values: [String: String]) -> Result<Vehicle, RowProblem> {
            .failure(.at(row, field, fields: fields, text, values))
        }
        guard let plate = LicensePlate(text("plate")) else {
            return problem("plate", TransportMessages.notAPlate, ["value": text("plate")])
        }
        guard let seats = Int(text("seats")), (5...80).contains(seats) else {
            return problem("seats", TransportMessages.notSeats, ["value": text("seats")])
        }
        let crewText = text("crew")
        guard let crew = crewText.isEmpty ? defaultCrew : Int(crewText), (1...seats - 1).contains(crew) else {
            return problem("crew", TransportMessages.notCrew, ["value": crewText, "most": String(seats - 1)])
        }
        var phones: [String] = []
        for field in ["driver_phone", "escort_phone"] {
            let raw = text(field)
            if raw.isEmpty { phones.append(""); continue }
            guard let phone = try? PhoneNumber(raw) else {
                return problem(field, TransportMessages.notMobile, ["value": Masking.scrub(raw)])
            }
            phones.append(phone.value)
        }
        let status = text("status")
        guard let unavailable = UnavailableDays.parse(text("unavailable")) else {
            return problem("unavailable", TransportMessages.notDays, ["value": Masking.scrub(text("unavailable"))])
        }
        return .success(Vehicle(plate: plate, seats: seats, crew: crew, driver: text("driver"), driverPhone: phones[0],
                                escort: text("escort"), escortPhone: phones[1],
                                retired: ["停用", "退出", "取消", "retired"].contains(status.lowercased()), unavailable: unavailable))
    }

    static func key(of vehicle: Vehicle) -> String { vehicle.plate.value }

    func makeWriter(_ db: Database, options: ImportOptions) throws -> Writer {
        Writer(db: db, campaign: options.campaign ?? "", now: options.now)
    }

    struct Writer: LedgerWriter {
        let db: Database
        let campaign: String
        let now: Date
        var linked: Int { 0 }

        mutating func write(_ v: Vehicle, row: Int) throws -> Result<WriteOutcome, RowProblem> {
            let existed = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM transport_vehicle WHERE campaign = ? AND plate = ?)",
                                            arguments: [campaign, v.plate.value]) ?? false
            try db.execute(sql: """
                INSERT INTO transport_vehicle (campaign, plate, seats, crew, driver, driver_phone, escort, escort_phone,
                                               retired, updated_at, unavailable)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign, plate) DO UPDATE SET seats = excluded.seats, crew = excluded.crew,
                    driver = excluded.driver, driver_phone = excluded.driver_phone, escort = excluded.escort,
                    escort_phone = excluded.escort_phone, retired = excluded.retired, updated_at = excluded.updated_at,
                    unavailable = excluded.unavailable
                WHERE (seats, crew, driver, driver_phone, escort, escort_phone, retired, unavailable)
                    IS NOT (excluded.seats, excluded.crew, excluded.driver, excluded.driver_phone, excluded.escort,
                            excluded.escort_phone, excluded.retired, excluded.unavailable)
                """, arguments: [campaign, v.plate.value, v.seats, v.crew, v.driver, v.driverPhone, v.escort, v.escortPhone,
                                 v.retired, now, UnavailableDays.encode(v.unavailable)])
            return .success(!existed ? .inserted : db.changesCount > 0 ? .updated : .unchanged)
        }
    }
}

extension ImportKind {
    static let vehicles = ImportKind("vehicles", VehicleImport(), summary: ImportKindWords.vehicles,
                                     needsCampaign: true)
}
