/// One departure day of a roster: the seats kept from the last roster, the vehicles each
/// destination needs besides, and the village groups packed onto them.
struct DayRoster {
    typealias Passenger = RosterPlanner.Passenger

    /// A bus being filled: a kept one with its free seats, or a new one.
    private struct Bin {
        var plate: String
        var capacity: Int
        var taken: [Int: Int64]
        var added: [Passenger] = []
        var groups: Set<String> = []
        var free: Int { capacity - taken.count - added.count }
    }

    let day: String
    let passengers: [Passenger]
    let capacityOf: [String: Int]
    let previous: [Int64: RosterPlanner.Seat]

    private static func group(_ p: Passenger) -> String { p.pickup + "\u{1F}" + p.village }

    func run(into plan: inout RosterPlanner.Plan) {
        // 1. Seats kept: same day and destination, the vehicle still listed and still that big.
        var owner: [String: String] = [:]
        var binsOf: [String: [String: Bin]] = [:]      // destination → plate → bin
        var waiting: [String: [Passenger]] = [:]
        var all: [String: [Passenger]] = [:]
        for p in passengers.sorted(by: { $0.id < $1.id }) {
            all[p.destination, default: []].append(p)
            if let seat = previous[p.id], seat.departsOn == day, seat.destination == p.destination,
               let capacity = capacityOf[seat.plate], (1...max(1, capacity)).contains(seat.number), capacity > 0,
               owner[seat.plate, default: p.destination] == p.destination,
               binsOf[p.destination]?[seat.plate]?.taken[seat.number] == nil {
                owner[seat.plate] = p.destination
                binsOf[p.destination, default: [:]][seat.plate, default: Bin(plate: seat.plate, capacity: capacity, taken: [:])]
                    .taken[seat.number] = p.id
                binsOf[p.destination]![seat.plate]!.groups.insert(Self.group(p))
            } else {
                waiting[p.destination, default: []].append(p)
            }
        }
        let destinations = all.keys.sorted()
        plan.lowerBound += RosterPlanner.lowerBound(demands: destinations.map { all[$0]!.count },
                                                    capacities: capacityOf.values.filter { $0 > 0 })
        // 2. New vehicles, the destination that needs most first.
        var fleet = FreeFleet(capacityOf.filter { owner[$0.key] == nil }.map { .init(plate: $0.key, capacity: $0.value) })
        let needs = destinations.map { destination in
            (destination, waiting[destination, default: []].count - (binsOf[destination]?.values.reduce(0) { $0 + $1.free } ?? 0))
        }
        for (destination, need) in needs.sorted(by: { ($0.1, $1.0) > ($1.1, $0.0) }) where need > 0 {
            for vehicle in fleet.take(covering: need) {
                binsOf[destination, default: [:]][vehicle.plate] = Bin(plate: vehicle.plate, capacity: vehicle.capacity, taken: [:])
            }
        }
        // 3. Village groups onto the buses, then seat numbers.
        for destination in destinations {
            var bins = (binsOf[destination] ?? [:]).values.sorted { $0.plate < $1.plate }
            let splitReasons = pack(waiting[destination, default: []], into: &bins, unseated: &plan.unseated)
            for bin in bins { seat(bin, destination: destination, into: &plan) }
            recordSplits(all[destination]!, destination: destination, reasons: splitReasons, plan: &plan)
        }
    }

    /// Packs the waiting passengers, village group by village group (largest first), each onto the
    /// bus that already carries its village, else the bus it fills best; a group no bus has room
    /// for is split over the emptiest buses. Returns why each split group was split.
    private func pack(_ waiting: [Passenger], into bins: inout [Bin],
                      unseated: inout [Passenger]) -> [String: RosterPlanner.SplitReason] {
        var groups: [String: [Passenger]] = [:]
        for p in waiting { groups[Self.group(p), default: []].append(p) }
        let largestBus = bins.map(\.capacity).max() ?? 0
        var reasons: [String: RosterPlanner.SplitReason] = [:]
        for key in groups.keys.sorted(by: { (groups[$1]!.count, $0) < (groups[$0]!.count, $1) }) {
            var members = groups[key]!
            let size = members.count
            let fitting = bins.indices.filter { bins[$0].free >= size }
            let home = fitting.filter { bins[$0].groups.contains(key) }
            if let best = (home.isEmpty ? fitting : home).min(by: { (bins[$0].free, $0) < (bins[$1].free, $1) }) {
                bins[best].added += members
                bins[best].groups.insert(key)
                continue
            }
            reasons[key] = size > largestBus ? .largerThanBus(largestBus) : .wouldTakeAnotherBus
            for index in bins.indices.sorted(by: { (bins[$1].free, $0) < (bins[$0].free, $1) }) where !members.isEmpty {
                let count = min(bins[index].free, members.count)
                guard count > 0 else { continue }
                bins[index].added += members.prefix(count)
                bins[index].groups.insert(key)
                members.removeFirst(count)
            }
            unseated += members
        }
        return reasons
    }

    /// Gives the bus's new passengers the free seat numbers, pickup point by pickup point.
    private func seat(_ bin: Bin, destination: String, into plan: inout RosterPlanner.Plan) {
        var seats = bin.taken
        let added = bin.added.sorted { ($0.pickup, $0.village, $0.id) < ($1.pickup, $1.village, $1.id) }
        var number = 1
        for p in added {
            while seats[number] != nil { number += 1 }
            seats[number] = p.id
        }
        guard !seats.isEmpty else { return }
        for (number, person) in seats {
            plan.seatOf[person] = .init(departsOn: day, destination: destination, plate: bin.plate, number: number)
        }
        plan.buses.append(.init(departsOn: day, destination: destination, plate: bin.plate, capacity: bin.capacity,
                                seats: seats.sorted { $0.key < $1.key }.map { (number: $0.key, person: $0.value) }))
    }

    private func recordSplits(_ passengers: [Passenger], destination: String,
                              reasons: [String: RosterPlanner.SplitReason], plan: inout RosterPlanner.Plan) {
        var buses: [String: Set<String>] = [:]
        var people: [String: Int] = [:]
        var sample: [String: Passenger] = [:]
        for p in passengers {
            let key = Self.group(p)
            people[key, default: 0] += 1
            sample[key] = sample[key] ?? p
            if let seat = plan.seatOf[p.id] { buses[key, default: []].insert(seat.plate) }
        }
        for key in buses.keys.sorted() where buses[key]!.count > 1 {
            plan.splits.append(.init(departsOn: day, destination: destination, pickup: sample[key]!.pickup,
                                     village: sample[key]!.village, people: people[key]!, buses: buses[key]!.count,
                                     reason: reasons[key] ?? .keptSeats))
        }
    }
}
