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

        var words: (zh: String, en: String) {
            switch self {
            case .skipped(let missing, let before):
                ("未经\(missing.label.zh)就\(before.label.zh)", "\(before.label.en) without \(missing.label.en)")
            case .otherBus(let plate): ("上错车：\(plate)", "boarded another bus: \(plate)")
            }
        }
    }

    struct Rider: Sendable {
        var passenger: RosterListing.Passenger
        var passed: [BusCheckpoint: AcceptedScan]
        var anomalies: [Anomaly]
        var noShow: Bool
        var leftBehind: Bool
    }

    struct Bus: Sendable {
        var bus: RosterListing.Bus
        var riders: [Rider]
        func count(_ checkpoint: BusCheckpoint) -> Int { riders.filter { $0.passed[checkpoint] != nil }.count }
        var noShows: Int { riders.filter(\.noShow).count }
        var leftBehind: Int { riders.filter(\.leftBehind).count }
        var anomalies: Int { riders.reduce(0) { $0 + $1.anomalies.count } }
    }

    var buses: [Bus]
    /// Whether each checkpoint's step has closed it (absent: never opened).
    var closed: [BusCheckpoint: Bool]

    static func read(campaign: String, plate: String? = nil, db: Database) throws -> BusStatus {
        let listing = try RosterListing.read(campaign: campaign, plate: plate, db: db)
        var scans: [BusCheckpoint: [Int64: AcceptedScan]] = [:]
        var closed: [BusCheckpoint: Bool] = [:]
        for checkpoint in BusCheckpoint.allCases {
            scans[checkpoint] = try Scans.accepted(campaign: campaign, checkpoint: checkpoint.rawValue, db: db)
            closed[checkpoint] = try Scans.isClosed(campaign: campaign, checkpoint: checkpoint.rawValue, db: db)
        }
        let boardingClosed = closed[.board] == true
        let arrivalClosed = closed[.alight] == true
        let buses = listing.buses.map { bus in
            Bus(bus: bus, riders: bus.passengers.map { p in
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
                             noShow: boardingClosed && passed[.board] == nil,
                             leftBehind: arrivalClosed && passed[.board] != nil && passed[.alight] == nil)
            })
        }
        return BusStatus(buses: buses, closed: closed)
    }
}
