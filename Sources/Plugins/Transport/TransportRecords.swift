import Foundation
import GRDB
import Checkin
import Ledger
import Workflow

/// A vehicle as the list stands: who drives it, who escorts, how many it carries.
struct VehicleRecord: Sendable, Equatable {
    var plate: String
    var seats: Int
    var crew: Int
    var driver: String
    var driverPhone: String
    var escort: String
    var escortPhone: String
    var retired: Bool
    /// The days it cannot leave, as ranges of `yyyy-MM-dd`.
    var unavailable: [ClosedRange<String>] = []
    /// Seats for passengers.
    var capacity: Int { seats - crew }
}

/// A passenger of a bus campaign: who, where they get on, where and when they go.
struct PassengerRecord: Sendable, Equatable {
    var person: Int64
    var pickup: String
    var destination: String
    var city: String
    var province: String
    var departsOn: String
    var withdrawn: Bool
    /// 往返天数 from the passenger list, when it gave one.
    var tripDays: Int? = nil
}

/// Reads and writes of the transport tables.
enum TransportRecords {
    /// The campaign's `trip_days:` by place (destination, city, province or `default`).
    static func tripDays(_ db: Database, campaign: String) throws -> [String: Int] {
        Dictionary(try Row.fetchAll(db, sql: "SELECT place, days FROM transport_trip_days WHERE campaign = ?", arguments: [campaign])
            .map { ($0["place"], $0["days"]) }, uniquingKeysWith: { a, _ in a })
    }

    /// The campaign's `pickup_order:`: each pickup point's place along the route.
    static func pickupOrder(_ db: Database, campaign: String) throws -> [String: Int] {
        Dictionary(try Row.fetchAll(db, sql: "SELECT pickup, position FROM transport_pickup_order WHERE campaign = ?",
                                    arguments: [campaign]).map { ($0["pickup"], $0["position"]) }, uniquingKeysWith: { a, _ in a })
    }

    static func savePickupOrder(_ db: Database, _ pickups: [String], campaign: String) throws {
        try db.execute(sql: "DELETE FROM transport_pickup_order WHERE campaign = ?", arguments: [campaign])
        for (position, pickup) in pickups.enumerated() {
            try db.execute(sql: "INSERT OR IGNORE INTO transport_pickup_order (campaign, pickup, position) VALUES (?, ?, ?)",
                           arguments: [campaign, pickup, position])
        }
    }

    static func saveTripDays(_ db: Database, _ days: [String: Int], campaign: String) throws {
        try db.execute(sql: "DELETE FROM transport_trip_days WHERE campaign = ?", arguments: [campaign])
        for (place, count) in days {
            try db.execute(sql: "INSERT INTO transport_trip_days (campaign, place, days) VALUES (?, ?, ?)",
                           arguments: [campaign, place, count])
        }
    }

    static func vehicles(_ db: Database, campaign: String) throws -> [VehicleRecord] {
        try Row.fetchAll(db, sql: """
            SELECT plate, seats, crew, driver, driver_phone, escort, escort_phone, retired, unavailable
            FROM transport_vehicle WHERE campaign = ? ORDER BY plate
            """, arguments: [campaign]).map { row in
            VehicleRecord(plate: row["plate"], seats: row["seats"], crew: row["crew"], driver: row["driver"],
                          driverPhone: row["driver_phone"], escort: row["escort"], escortPhone: row["escort_phone"],
                          retired: row["retired"], unavailable: UnavailableDays.decode(row["unavailable"]))
        }
    }

    static func passengers(_ db: Database, campaign: String) throws -> [PassengerRecord] {
        try Row.fetchAll(db, sql: """
            SELECT person_id, pickup, destination, city, province, departs_on, withdrawn, trip_days
            FROM transport_passenger WHERE campaign = ? ORDER BY person_id
            """, arguments: [campaign]).map { row in
            PassengerRecord(person: row["person_id"], pickup: row["pickup"], destination: row["destination"],
                            city: row["city"], province: row["province"], departsOn: row["departs_on"],
                            withdrawn: row["withdrawn"], tripDays: row["trip_days"])
        }
    }

    static func seats(_ db: Database, campaign: String) throws -> [Int64: RosterPlanner.Seat] {
        var seats: [Int64: RosterPlanner.Seat] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT person_id, departs_on, destination, plate, seat FROM transport_seat WHERE campaign = ?
            """, arguments: [campaign]) {
            seats[row["person_id"]] = .init(departsOn: row["departs_on"], destination: row["destination"],
                                            plate: row["plate"], number: row["seat"])
        }
        return seats
    }

    /// Replaces the campaign's seats with the plan's and appends each change to the seat history.
    static func save(_ db: Database, _ plan: RosterPlanner.Plan, campaign: String, now: Date) throws {
        // Each passenger boards on their own departure day: check-in refuses the board scan on another.
        try AdmissionDays.replace(db, campaign: campaign, checkpoint: BusCheckpoint.board.rawValue,
                                  days: plan.seatOf.mapValues(\.departsOn))
        try db.execute(sql: "DELETE FROM transport_seat WHERE campaign = ?", arguments: [campaign])
        let insert = try db.makeStatement(sql: """
            INSERT INTO transport_seat (campaign, person_id, departs_on, destination, plate, seat, assigned_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for bus in plan.buses {
            for seat in bus.seats {
                try insert.execute(arguments: [campaign, seat.person, bus.departsOn, bus.destination, bus.plate,
                                               seat.number, now])
            }
        }
        let change = try db.makeStatement(sql: """
            INSERT INTO transport_seat_change (campaign, person_id, changed_at, old_seat, new_seat, reason)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        for move in plan.moves {
            try change.execute(arguments: [campaign, move.person, now, move.from.map(describe), move.to.map(describe),
                                           move.reason.code])
        }
    }

    static func describe(_ seat: RosterPlanner.Seat) -> String { "\(seat.departsOn) \(seat.plate) #\(seat.number)" }
}

extension RosterPlanner.MoveReason {
    var code: String {
        switch self {
        case .new: "new"
        case .tripChanged: "trip-changed"
        case .vehicleChanged: "vehicle-changed"
        case .withdrawn: "withdrawn"
        }
    }

    var words: MessageText {
        switch self {
        case .new: JourneyWords.newPassenger
        case .tripChanged: JourneyWords.tripChanged
        case .vehicleChanged: JourneyWords.vehicleChanged
        case .withdrawn: JourneyWords.withdrawn
        }
    }
}

extension TransportRecords {
    static func employment(_ db: Database, campaign: String) throws -> [Int64: SubsidyRule.Employment] {
        var found: [Int64: SubsidyRule.Employment] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT person_id, started_on, left_on, checked_on FROM transport_employment WHERE campaign = ?
            """, arguments: [campaign]) {
            found[row["person_id"]] = .init(startedOn: row["started_on"], leftOn: row["left_on"], checkedOn: row["checked_on"])
        }
        return found
    }
}

extension TransportRecords {
    /// Where each worker's subsidy is paid, as the follow-up sheet gave it: bank and account.
    static func paymentAccounts(_ db: Database, campaign: String) throws -> [Int64: (bank: String, account: String)] {
        var found: [Int64: (bank: String, account: String)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT person_id, bank, account FROM transport_employment WHERE campaign = ?",
                                    arguments: [campaign]) {
            found[row["person_id"]] = (row["bank"], row["account"])
        }
        return found
    }

    static func hasPassengers(_ db: Database, campaign: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM transport_passenger WHERE campaign = ?)",
                          arguments: [campaign]) ?? false
    }

    /// The qualified workers of the last transport.subsidy step, with their yuan.
    static func subsidy(_ db: Database, campaign: String) throws -> [Int64: Int] {
        var found: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT person_id, yuan FROM transport_subsidy WHERE campaign = ?",
                                    arguments: [campaign]) {
            found[row["person_id"]] = row["yuan"]
        }
        return found
    }

    /// Replaces the campaign's qualified workers with `list`'s.
    static func saveSubsidy(_ db: Database, _ list: SubsidyList, campaign: String, now: Date) throws {
        try db.execute(sql: "DELETE FROM transport_subsidy WHERE campaign = ?", arguments: [campaign])
        let insert = try db.makeStatement(sql: """
            INSERT INTO transport_subsidy (campaign, person_id, yuan, decided_at) VALUES (?, ?, ?, ?)
            """)
        for entry in list.qualified {
            try insert.execute(arguments: [campaign, entry.person.id, list.rule.amount, now])
        }
    }
}

extension TransportRecords {
    static func isPassenger(_ db: Database, _ person: Int64, campaign: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM transport_passenger WHERE campaign = ? AND person_id = ?)",
                          arguments: [campaign, person]) ?? false
    }

    static func addPassenger(_ db: Database, _ p: PassengerRecord, campaign: String, source: String, now: Date) throws {
        try db.execute(sql: """
            INSERT INTO transport_passenger (campaign, person_id, pickup, destination, city, province, wished_on, departs_on,
                                             withdrawn, source, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign, person_id) DO NOTHING
            """, arguments: [campaign, p.person, p.pickup, p.destination, p.city, p.province, p.departsOn, p.departsOn,
                             p.withdrawn, source, now])
    }
}
