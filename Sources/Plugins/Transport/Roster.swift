import Foundation
import GRDB
import Ledger
import Workflow

/// A campaign's roster worked out from what the workspace holds now — the vehicle list as it stands
/// (never a number copied earlier), the passengers not withdrawn, the seats of the last roster — for
/// the `transport.roster` step and `campaign roster` alike.
struct Roster: Sendable {
    var plan: RosterPlanner.Plan
    var passengers: [PassengerRecord]
    var people: [Int64: PersonSummary]
    var vehicles: [VehicleRecord]

    static func make(_ db: Database, campaign: String) throws -> Roster {
        let vehicles = try TransportRecords.vehicles(db, campaign: campaign)
        let passengers = try TransportRecords.passengers(db, campaign: campaign).filter { !$0.withdrawn }
        let people = try People.summaries(db, ids: passengers.map(\.person))
        let tripDays = try TransportRecords.tripDays(db, campaign: campaign)
        let route = try TransportRecords.pickupOrder(db, campaign: campaign)
        let problem = RosterPlanner.Problem(
            passengers: passengers.map { p in
                let person = people[p.person]
                return .init(id: p.person, departsOn: p.departsOn, destination: p.destination, pickup: p.pickup,
                             village: [person?.township ?? "", person?.village ?? ""].joined(separator: " "),
                             tripDays: Self.tripDays(of: p, in: tripDays), route: route[p.pickup])
            },
            vehicles: vehicles.filter { !$0.retired }.map { .init(plate: $0.plate, capacity: $0.capacity, unavailable: $0.unavailable) },
            previous: try TransportRecords.seats(db, campaign: campaign))
        return Roster(plan: RosterPlanner.plan(problem), passengers: passengers, people: people, vehicles: vehicles)
    }

    /// How long a passenger's trip keeps the coach away: the passenger list's 往返天数, else the
    /// destination's figure in `trip_days:`, else its city's, else its province's, else `default`, else one day.
    static func tripDays(of passenger: PassengerRecord, in days: [String: Int]) -> Int {
        passenger.tripDays ?? days[passenger.destination] ?? days[passenger.city] ?? days[passenger.province] ?? days["default"] ?? 1
    }

    /// Departure days and destinations: each a batch (第N批).
    var batches: Int { Set(plan.buses.map { [$0.departsOn, $0.destination] }).count }

    /// Why the roster cannot be used: people without a seat, named (masked) by day and destination.
    func shortage(campaign: String) -> StepFailure? {
        guard !plan.unseated.isEmpty else { return nil }
        var byTrip: [String: [String]] = [:]
        for p in plan.unseated {
            let name = people[p.id].map { "\(Masking.name($0.name)) \(Masking.idNumber($0.idNumber))" } ?? "#\(p.id)"
            byTrip["\(p.departsOn) → \(p.destination)", default: []].append(name)
        }
        let language = Language.fromEnvironment()
        let lines = byTrip.keys.sorted().map { trip in
            let names = byTrip[trip]!
            return TransportCommandMessages.withoutSeat(["trip": trip, "count": "\(names.count)",
                                                         "names": names.prefix(8).joined(separator: ", ")
                                                            + (names.count > 8 ? ", …" : "")]).text(language)
        }
        return StepFailure(TransportCommandMessages.notEnoughVehicles([
            "count": "\(plan.unseated.count)", "trips": lines.joined(separator: "; "), "campaign": campaign]).text(language),
            retryable: false)
    }

    /// The outputs of the step, and the summary `campaign roster` prints.
    var outputs: [String: Value] {
        [
            "passengers": .int(passengers.count), "buses": .int(plan.buses.count), "lower_bound": .int(plan.lowerBound),
            "batches": .int(batches), "seats": .int(plan.buses.reduce(0) { $0 + $1.capacity }),
            "kept": .int(plan.kept), "moved": .int(plan.moves.filter { $0.from != nil }.count),
            "added": .int(plan.moves.filter { $0.reason == .new }.count), "split_villages": .int(plan.splits.count),
            "batch_list": .array(batchList),
        ]
    }

    /// One entry per batch (第N批: a day and a destination), in the manifests' order, for steps that fan
    /// out over the batches (`for_each: ${{ steps.roster.outputs.batch_list }}`).
    var batchList: [Value] {
        let keys = Array(Set(plan.buses.map { [$0.departsOn, $0.destination] })).sorted { $0.lexicographicallyPrecedes($1) }
        return keys.enumerated().map { index, key in
            let buses = plan.buses.filter { $0.departsOn == key[0] && $0.destination == key[1] }
            return .object(["batch": .string("第\(index + 1)批"), "day": .string(key[0]), "destination": .string(key[1]),
                            "buses": .int(buses.count), "passengers": .int(buses.reduce(0) { $0 + $1.seats.count }),
                            "plates": .string(buses.map(\.plate).joined(separator: " "))])
        }
    }
}

extension RosterPlanner.SplitReason {
    func words(people: Int) -> Message {
        switch self {
        case .largerThanBus(let capacity):
            Message(JourneyWords.largerThanBus, ["people": String(people), "capacity": String(capacity)])
        case .wouldTakeAnotherBus: Message(JourneyWords.wouldTakeAnotherBus)
        case .keptSeats: Message(JourneyWords.keptSeats)
        }
    }
}
