import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// The saved roster as manifests and the terminal show it: batches (a departure day and destination,
/// 第N批) of buses (N号车), each with its vehicle, pickup points in order and passengers by seat.
/// Personal data is raw here; every view masks it unless a manager asked otherwise.
struct RosterListing: Sendable {
    struct Passenger: Sendable {
        var seat: Int
        var person: Int64
        var name: String
        var idNumber: String
        var phone: String
        var township: String
        var village: String
        var pickup: String
    }

    struct Bus: Sendable {
        var batch: Int
        var number: Int
        var departsOn: String
        var destination: String
        var city: String
        var province: String
        var vehicle: VehicleRecord
        var passengers: [Passenger]
        /// Pickup points in seat order: where the bus stops, first to last.
        var pickups: [String] {
            var seen: [String] = []
            for p in passengers where !seen.contains(p.pickup) { seen.append(p.pickup) }
            return seen
        }
        var title: String { "第\(batch)批 \(number)号车 \(vehicle.plate)" }
    }

    var buses: [Bus]
    /// The campaign's title (2026年春节后点对点包车返岗), which heads the manifests; its id when it has none.
    var title = ""
    /// The county form the manifests are printed as (the campaign's `report_*` vars).
    var form = ReportForm()
    /// The campaign's zone: the day the manifests are made (报出日期) is its day.
    var timeZone = TimeZone.current

    /// The saved roster.
    static func read(_ db: Database, campaign: String, plate: String? = nil) throws -> RosterListing {
        try make(db, seats: try TransportRecords.seats(db, campaign: campaign), campaign: campaign, plate: plate)
    }

    /// The roster of `seats` (saved, or a plan not saved).
    static func make(_ db: Database, seats: [Int64: RosterPlanner.Seat], campaign: String,
                     plate: String? = nil) throws -> RosterListing {
        let passengers = Dictionary(try TransportRecords.passengers(db, campaign: campaign).map { ($0.person, $0) },
                                    uniquingKeysWith: { first, _ in first })
        let vehicles = Dictionary(try TransportRecords.vehicles(db, campaign: campaign).map { ($0.plate, $0) },
                                  uniquingKeysWith: { first, _ in first })
        let people = try People.summaries(db, ids: seats.keys)
        var trips: [[String]: [Int64]] = [:]
        for (person, seat) in seats { trips[[seat.departsOn, seat.destination, seat.plate], default: []].append(person) }
        let batchKeys = Array(Set(trips.keys.map { Array($0.prefix(2)) })).sorted { $0.lexicographicallyPrecedes($1) }
        let batchNumber = Dictionary(batchKeys.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        var buses: [Bus] = []
        var numberInBatch: [[String]: Int] = [:]
        for key in trips.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let batchKey = Array(key.prefix(2))
            numberInBatch[batchKey, default: 0] += 1
            let riders = trips[key]!.compactMap { person -> Passenger? in
                guard let seat = seats[person], let summary = people[person] else { return nil }
                return Passenger(seat: seat.number, person: person, name: summary.name, idNumber: summary.idNumber,
                                 phone: summary.phone ?? "", township: summary.township, village: summary.village,
                                 pickup: passengers[person]?.pickup ?? "")
            }.sorted { $0.seat < $1.seat }
            let first = riders.first.flatMap { passengers[$0.person] }
            let vehicle = vehicles[key[2]] ?? VehicleRecord(plate: key[2], seats: 0, crew: 0, driver: "", driverPhone: "",
                                                           escort: "", escortPhone: "", retired: true)
            guard plate == nil || LicensePlate(plate!)?.value == key[2] else { continue }
            buses.append(Bus(batch: batchNumber[batchKey]!, number: numberInBatch[batchKey]!, departsOn: key[0],
                             destination: key[1], city: first?.city ?? "", province: first?.province ?? "",
                             vehicle: vehicle, passengers: riders))
        }
        let run = try RunQueries.run(db, named: campaign)
        let title = run?.title ?? ""
        return RosterListing(buses: buses, title: title.isEmpty ? campaign : title, form: ReportForm(vars: run?.vars ?? [:]),
                             timeZone: run?.timeZone ?? .current)
    }
}
