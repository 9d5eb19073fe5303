/// Seats passengers on buses: per departure day and destination, the fewest buses the fleet allows
/// (capacity is seats minus crew, read from the vehicle list each time), villages and pickup points
/// kept on one bus where that costs no extra bus, and everyone who did not change keeping the seat
/// they were told. Pure: the step and the benchmark give it values and store what it returns.
///
/// The bus count is checked against a lower bound no roster can beat: per day, the larger of the sum
/// over destinations of ⌈passengers ÷ largest capacity⌉ and the fewest vehicles whose capacities add
/// up to the day's passengers.
public enum RosterPlanner {
    public struct Passenger: Sendable, Equatable {
        public var id: Int64
        public var departsOn: String
        public var destination: String
        public var pickup: String
        /// Township and village: the people who should ride together.
        public var village: String
        /// How many days a trip to the destination keeps a coach away (`trip_days:`): the coach can leave
        /// again on `departsOn` plus this many days. 1: back for the next day's departures.
        public var tripDays: Int
        /// The pickup point's place along the route out of the county (`pickup_order:`), 0 first; nil
        /// when the route is not known.
        public var route: Int?

        public init(id: Int64, departsOn: String, destination: String, pickup: String, village: String, tripDays: Int = 1,
                    route: Int? = nil) {
            self.route = route
            self.id = id
            self.departsOn = departsOn
            self.destination = destination
            self.pickup = pickup
            self.village = village
            self.tripDays = tripDays
        }
    }

    public struct Vehicle: Sendable, Equatable {
        public var plate: String
        /// Seats for passengers: the vehicle's seats minus its crew (driver, escort).
        public var capacity: Int
        /// Days it cannot leave (maintenance, another job): `yyyy-MM-dd` ranges.
        public var unavailable: [ClosedRange<String>]

        public init(plate: String, capacity: Int, unavailable: [ClosedRange<String>] = []) {
            self.plate = plate
            self.capacity = capacity
            self.unavailable = unavailable
        }
    }

    /// A seat on one day's trip of a vehicle, bound for a destination.
    public struct Seat: Sendable, Hashable {
        public var departsOn: String
        public var destination: String
        public var plate: String
        public var number: Int

        public init(departsOn: String, destination: String, plate: String, number: Int) {
            self.departsOn = departsOn
            self.destination = destination
            self.plate = plate
            self.number = number
        }
    }

    public struct Problem: Sendable {
        public var passengers: [Passenger]
        public var vehicles: [Vehicle]
        /// The seats of the last roster, by person: kept where nothing about the person or the bus changed.
        public var previous: [Int64: Seat]

        public init(passengers: [Passenger], vehicles: [Vehicle], previous: [Int64: Seat] = [:]) {
            self.passengers = passengers
            self.vehicles = vehicles
            self.previous = previous
        }
    }

    public struct Bus: Sendable, Equatable {
        public var departsOn: String
        public var destination: String
        public var plate: String
        public var capacity: Int
        /// Passengers by seat number (1-based), in seat order.
        public var seats: [(number: Int, person: Int64)]

        public static func == (a: Bus, b: Bus) -> Bool {
            a.departsOn == b.departsOn && a.destination == b.destination && a.plate == b.plate && a.capacity == b.capacity
                && a.seats.map(\.number) == b.seats.map(\.number) && a.seats.map(\.person) == b.seats.map(\.person)
        }
    }

    /// Why a person's seat is not the one they had.
    public enum MoveReason: String, Sendable {
        /// On no earlier roster.
        case new
        /// Their departure day or destination changed.
        case tripChanged
        /// Their vehicle left the list, or now carries fewer people than their seat number.
        case vehicleChanged
        /// No longer a passenger.
        case withdrawn
    }

    public struct Move: Sendable, Equatable {
        public var person: Int64
        public var from: Seat?
        public var to: Seat?
        public var reason: MoveReason
    }

    /// Why a village's people ride on more than one bus.
    public enum SplitReason: Sendable, Equatable {
        /// More of them than the largest bus of the trip carries.
        case largerThanBus(Int)
        /// Keeping them together would have taken one more bus.
        case wouldTakeAnotherBus
        /// Some kept the seats of the last roster on one bus; those added later did not fit on it.
        case keptSeats
    }

    public struct Split: Sendable, Equatable {
        public var departsOn: String
        public var destination: String
        public var pickup: String
        public var village: String
        public var people: Int
        public var buses: Int
        public var reason: SplitReason

        public init(departsOn: String, destination: String, pickup: String, village: String, people: Int, buses: Int,
                    reason: SplitReason) {
            self.departsOn = departsOn
            self.destination = destination
            self.pickup = pickup
            self.village = village
            self.people = people
            self.buses = buses
            self.reason = reason
        }
    }

    public struct Plan: Sendable {
        public var buses: [Bus]
        public var seatOf: [Int64: Seat]
        public var lowerBound: Int
        public var moves: [Move]
        public var splits: [Split]
        /// Passengers without a seat: the fleet is too small on their day.
        public var unseated: [Passenger]
        /// People of the last roster who kept their seat.
        public var kept: Int
        /// Each coach's trips, in day order: when it leaves, where to, and the day it can leave again.
        public var trips: [String: [Trip]] = [:]
    }

    /// One trip of a coach on the roster: out on `departsOn`, back for the departures of `backOn`.
    public struct Trip: Sendable, Equatable {
        public var departsOn: String
        public var destination: String
        public var backOn: String
    }

    public static func plan(_ problem: Problem) -> Plan {
        // Vehicles in plate order; a plate listed twice counts once.
        var seen = Set<String>()
        let vehicles = problem.vehicles.filter { seen.insert($0.plate).inserted }.sorted { $0.plate < $1.plate }
            .map { Vehicle(plate: $0.plate, capacity: max(0, $0.capacity), unavailable: $0.unavailable) }
        let vehicleNumber = Dictionary(uniqueKeysWithValues: vehicles.enumerated().map { ($1.plate, $0) })
        let passengers = problem.passengers
        let days = InternedText(numbering: passengers.map(\.departsOn))
        let destinations = InternedText(numbering: passengers.map(\.destination))
        let pickups = InternedText(numbering: passengers.map(\.pickup))
        let villages = InternedText(numbering: passengers.map(\.village))
        var ridersByDay = [[DayRoster.Rider]](repeating: [], count: days.texts.count)
        for (i, p) in passengers.enumerated() {
            var rider = DayRoster.Rider(id: p.id, destination: destinations.assigned[i], pickup: pickups.assigned[i],
                                        village: villages.assigned[i],
                                        group: pickups.assigned[i] * villages.texts.count + villages.assigned[i])
            if let old = problem.previous[p.id], old.departsOn == p.departsOn, old.destination == p.destination,
               let vehicle = vehicleNumber[old.plate] {
                rider.kept = (vehicle, old.number)
            }
            ridersByDay[days.assigned[i]].append(rider)
        }
        var plan = Plan(buses: [], seatOf: [:], lowerBound: 0, moves: [], splits: [], unseated: [], kept: 0)
        plan.seatOf.reserveCapacity(passengers.count)
        seatDays(ridersByDay, passengers: passengers, days: days, destinations: destinations, pickups: pickups,
                 villages: villages, vehicles: vehicles, into: &plan)
        var dayOf: [Int64: Int] = [:]
        for (i, p) in passengers.enumerated() { dayOf[p.id] = days.assigned[i] }
        for (person, seat) in problem.previous where dayOf[person] == nil {
            plan.moves.append(Move(person: person, from: seat, to: nil, reason: .withdrawn))
        }
        for p in passengers {
            let old = problem.previous[p.id]
            let new = plan.seatOf[p.id]
            if let old, let new, old.number == new.number, old.plate == new.plate, old.departsOn == new.departsOn,
               old.destination == new.destination {
                plan.kept += 1
                continue
            }
            let reason: MoveReason
            if let old {
                reason = old.departsOn != p.departsOn || old.destination != p.destination ? .tripChanged : .vehicleChanged
            } else {
                reason = .new
            }
            plan.moves.append(Move(person: p.id, from: old, to: new, reason: reason))
        }
        plan.moves.sort { (dayOf[$0.person] ?? -1, $0.person) < (dayOf[$1.person] ?? -1, $1.person) }
        return plan
    }

    /// Seats day after day, in date order, with the coaches back that day: each bus sent keeps its
    /// coach away for the longest trip of its destination that day.
    private static func seatDays(_ ridersByDay: [[DayRoster.Rider]], passengers: [Passenger], days: InternedText,
                                 destinations: InternedText, pickups: InternedText, villages: InternedText,
                                 vehicles: [Vehicle], into plan: inout Plan) {
        var tripDays: [[Int: Int]] = Array(repeating: [:], count: days.texts.count)
        for (i, p) in passengers.enumerated() {
            tripDays[days.assigned[i]][destinations.assigned[i], default: 1] =
                max(tripDays[days.assigned[i]][destinations.assigned[i]] ?? 1, max(1, p.tripDays))
        }
        // Each pickup point's place along the route; points the route does not name come after, by name.
        var pickupRank: [Int] = []
        if passengers.contains(where: { $0.route != nil }) {
            pickupRank = pickups.texts.indices.map { Int.max / 4 + $0 }
            for (i, p) in passengers.enumerated() {
                if let route = p.route { pickupRank[pickups.assigned[i]] = min(pickupRank[pickups.assigned[i]], route) }
            }
        }
        var calendar = CoachCalendar(vehicles: vehicles)
        for (day, riders) in ridersByDay.enumerated() {
            let date = days.texts[day]
            let sent = plan.buses.count
            DayRoster(day: date, riders: riders, vehicles: calendar.available(on: date), destinations: destinations.texts,
                      pickups: pickups.texts, villages: villages.texts, tripsSoFar: calendar.tripCounts,
                      pickupRank: pickupRank).run(into: &plan)
            for bus in plan.buses[sent...] {
                let length = tripDays[day][destinations.number(of: bus.destination) ?? -1] ?? 1
                calendar.send(plate: bus.plate, on: date, to: bus.destination, days: length)
            }
        }
        plan.trips = calendar.trips
    }

    /// The fewest buses no roster of `demands` (passengers per destination) can beat with `capacities`.
    public static func lowerBound(demands: [Int], capacities: [Int]) -> Int {
        let largest = capacities.max() ?? 0
        guard largest > 0 else { return 0 }
        let perDestination = demands.reduce(0) { $0 + ($1 + largest - 1) / largest }
        var total = demands.reduce(0, +)
        var covering = 0
        for capacity in capacities.sorted(by: >) where total > 0 {
            total -= capacity
            covering += 1
        }
        return max(perDestination, covering)
    }
}
