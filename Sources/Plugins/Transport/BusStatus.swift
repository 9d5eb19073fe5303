import Foundation
import GRDB
import Checkin
import Ledger
import Workflow

/// Where each passenger of each bus is on the journey, from check-in's scans at the four
/// checkpoints: who has not boarded (a no-show once boarding closed), who boarded but has not got off
/// (left behind once arrival closed), and anomalies — a checkpoint skipped (flagged, never blocked)
/// or a passenger who boarded another bus than their own (the gate staff scanned at is the plate).
struct BusStatus: Sendable {
    enum Anomaly: Sendable, Equatable {
        case skipped(BusCheckpoint, before: BusCheckpoint)
        case otherBus(boarded: String)

        var words: Message {
            switch self {
            case .skipped(let missing, let before):
                Message(JourneyWords.skipped, words: ["missing": Message(missing.label), "passed": Message(before.label)])
            case .otherBus(let plate): Message(JourneyWords.otherBus, ["plate": plate])
            }
        }
    }

    struct Rider: Sendable {
        var passenger: RosterListing.Passenger
        var passed: [BusCheckpoint: AcceptedScan]
        var anomalies: [Anomaly]
        var noShow: Bool
        var leftBehind: Bool
        /// The bus whose door each door checkpoint's scan was taken at (its index), by the plate scanned.
        var door: [BusCheckpoint: Int] = [:]
    }

    /// A passenger of another bus scanned through this one's doors, and the bus they are seated on.
    struct Guest: Sendable {
        var rider: Rider
        var seatedOn: String
    }

    struct Bus: Sendable {
        /// Its place in the roster: what a rider's `door` names.
        var index: Int
        var bus: RosterListing.Bus
        /// Its passengers on the roster, seat by seat.
        var riders: [Rider]
        /// Passengers of other buses scanned through its doors: aboard it, though seated elsewhere.
        var guests: [Guest] = []
        /// Who passed each checkpoint with it: at its doors (board, alight), whoever was scanned there
        /// — its own riders and its guests, not its riders who boarded another coach; elsewhere, its riders.
        var counts: [BusCheckpoint: Int] = [:]
        func count(_ checkpoint: BusCheckpoint) -> Int { counts[checkpoint] ?? 0 }
        /// Whether a rider passed a checkpoint with this bus: at a door, scanned at this bus's.
        func passedHere(_ rider: Rider, _ checkpoint: BusCheckpoint) -> Bool {
            rider.passed[checkpoint] != nil && (!BusStatus.doors.contains(checkpoint) || rider.door[checkpoint] == index)
        }
        var noShows: Int { riders.filter(\.noShow).count }
        var leftBehind: Int { riders.filter(\.leftBehind).count }
        var anomalies: Int { riders.reduce(0) { $0 + $1.anomalies.count } }
    }

    /// The checkpoints at a bus's doors, where the gate scanned is the bus's plate.
    static let doors: [BusCheckpoint] = [.board, .alight]

    var buses: [Bus]
    /// Whether each checkpoint's step has closed it (absent: never opened).
    var closed: [BusCheckpoint: Bool]

    static func read(_ db: Database, campaign: String, plate: String? = nil) throws -> BusStatus {
        let listing = try RosterListing.read(db, campaign: campaign)
        var scans: [BusCheckpoint: [Int64: AcceptedScan]] = [:]
        var closed: [BusCheckpoint: Bool] = [:]
        for checkpoint in BusCheckpoint.allCases {
            scans[checkpoint] = try Scans.accepted(db, campaign: campaign, checkpoint: checkpoint.rawValue)
            closed[checkpoint] = try Scans.isClosed(db, campaign: campaign, checkpoint: checkpoint.rawValue)
        }
        let zone = try RunQueries.requireRun(db, campaign).timeZone
        var buses = listing.buses.enumerated().map { index, bus in
            Bus(index: index, bus: bus, riders: bus.passengers.map { rider($0, of: bus, scans: scans, closed: closed) })
        }
        for b in buses.indices {
            for r in buses[b].riders.indices {
                for door in doors {
                    guard let scan = buses[b].riders[r].passed[door] else { continue }
                    buses[b].riders[r].door[door] = bus(scannedAt: scan, among: buses, zone: zone) ?? b
                }
            }
        }
        count(&buses)
        if let plate = LicensePlate(plate ?? "")?.value { buses = buses.filter { $0.bus.vehicle.plate == plate } }
        return BusStatus(buses: buses, closed: closed)
    }

    /// One passenger's journey: each checkpoint passed and what is wrong with it.
    private static func rider(_ p: RosterListing.Passenger, of bus: RosterListing.Bus,
                              scans: [BusCheckpoint: [Int64: AcceptedScan]], closed: [BusCheckpoint: Bool]) -> Rider {
        var passed: [BusCheckpoint: AcceptedScan] = [:]
        for checkpoint in BusCheckpoint.allCases { passed[checkpoint] = scans[checkpoint]?[p.person] }
        var anomalies: [Anomaly] = []
        // Each checkpoint passed needs the ones before it that were opened: the first missing is the anomaly.
        let order = BusCheckpoint.allCases
        for (index, checkpoint) in order.enumerated().dropFirst() where passed[checkpoint] != nil {
            if let missing = order[..<index].first(where: { passed[$0] == nil && closed[$0] != nil }) {
                anomalies.append(.skipped(missing, before: checkpoint))
                break
            }
        }
        if let boarded = passed[.board], let plate = LicensePlate(boarded.gate), plate.value != bus.vehicle.plate {
            anomalies.append(.otherBus(boarded: plate.value))
        }
        return Rider(passenger: p, passed: passed, anomalies: anomalies,
                     noShow: closed[.board] == true && passed[.board] == nil,
                     leftBehind: closed[.alight] == true && passed[.board] != nil && passed[.alight] == nil)
    }

    /// The bus a door scan names by its plate: the trip of that vehicle on the scan's day, else its
    /// latest trip before it, else its first; nil when no bus of the roster has that plate.
    private static func bus(scannedAt scan: AcceptedScan, among buses: [Bus], zone: TimeZone) -> Int? {
        guard let plate = LicensePlate(scan.gate)?.value else { return nil }
        let trips = buses.indices.filter { buses[$0].bus.vehicle.plate == plate }
        let day = SheetDate.day(of: scan.at, in: zone)
        return trips.first { buses[$0].bus.departsOn == day }
            ?? trips.last { buses[$0].bus.departsOn <= day } ?? trips.first
    }

    /// Each bus's head count at each checkpoint, and the guests its doors took in.
    private static func count(_ buses: inout [Bus]) {
        let everyone = buses.indices.flatMap { b in buses[b].riders.map { (home: b, rider: $0) } }
        for b in buses.indices {
            for checkpoint in BusCheckpoint.allCases {
                buses[b].counts[checkpoint] = doors.contains(checkpoint)
                    ? everyone.filter { $0.rider.door[checkpoint] == b }.count
                    : buses[b].riders.filter { $0.passed[checkpoint] != nil }.count
            }
            buses[b].guests = everyone.filter { $0.home != b && $0.rider.door.values.contains(b) }.map {
                Guest(rider: $0.rider, seatedOn: buses[$0.home].bus.title)
            }
        }
    }
}
