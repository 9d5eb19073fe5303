/// One departure day of a roster: the seats kept from the last roster, the vehicles each
/// destination needs besides, and the village groups packed onto them. Works on numbers
/// (`InternedText`): destinations, pickup points and villages numbered in their sorted order.
struct DayRoster {
    /// A passenger of the day, by numbers.
    struct Rider {
        var id: Int64
        var destination: Int
        var pickup: Int
        var village: Int
        /// Pickup point and village together: the people who should ride together.
        var group: Int
        /// The seat of the last roster, when it is still on this day, bound there and on a listed vehicle.
        var kept: (vehicle: Int, seat: Int)?
    }

    /// A bus being filled: a kept one with its free seats, or a new one.
    private struct Bin {
        var vehicle: Int
        var capacity: Int
        var taken: [Int: Int64] = [:]
        var added: [Rider] = []
        var groups: Set<Int> = []
        var free: Int { capacity - taken.count - added.count }
    }

    let day: String
    let riders: [Rider]
    let vehicles: [RosterPlanner.Vehicle]
    let destinations: [String]
    let pickups: [String]
    let villages: [String]
    /// Trips each coach made before this day: among coaches of one size, the one with fewest goes first.
    var tripsSoFar: [Int] = []
    /// Each pickup point's place along the route out of the county (`pickup_order:`), by pickup number;
    /// empty when none was given — then buses are filled best-fit only.
    var pickupRank: [Int] = []

    func run(into plan: inout RosterPlanner.Plan) {
        // 1. Seats kept: the vehicle still that big, one destination per vehicle, one person per seat.
        var owner: [Int: Int] = [:]                     // vehicle → destination
        var binsOf: [Int: [Int: Bin]] = [:]             // destination → vehicle → bin
        var waiting: [Int: [Rider]] = [:]
        var all: [Int: [Rider]] = [:]
        for rider in riders.sorted(by: { $0.id < $1.id }) {
            all[rider.destination, default: []].append(rider)
            if let (vehicle, seat) = rider.kept, (1...max(1, vehicles[vehicle].capacity)).contains(seat),
               vehicles[vehicle].capacity > 0, owner[vehicle, default: rider.destination] == rider.destination,
               binsOf[rider.destination]?[vehicle]?.taken[seat] == nil {
                owner[vehicle] = rider.destination
                binsOf[rider.destination, default: [:]][vehicle, default: Bin(vehicle: vehicle, capacity: vehicles[vehicle].capacity)]
                    .taken[seat] = rider.id
                binsOf[rider.destination]![vehicle]!.groups.insert(rider.group)
            } else {
                waiting[rider.destination, default: []].append(rider)
            }
        }
        let order = all.keys.sorted()
        plan.lowerBound += RosterPlanner.lowerBound(demands: order.map { all[$0]!.count },
                                                    capacities: vehicles.map(\.capacity).filter { $0 > 0 })
        // 2. New vehicles, the destination that needs most first.
        var fleet = FreeFleet(vehicles.indices.filter { owner[$0] == nil }.map { (vehicle: $0, capacity: vehicles[$0].capacity) },
                              trips: tripsSoFar)
        let needs = order.map { destination in
            (destination, waiting[destination, default: []].count - (binsOf[destination]?.values.reduce(0) { $0 + $1.free } ?? 0))
        }
        for (destination, need) in needs.sorted(by: { ($1.1, $0.0) < ($0.1, $1.0) }) where need > 0 {
            for vehicle in fleet.take(covering: need) {
                binsOf[destination, default: [:]][vehicle] = Bin(vehicle: vehicle, capacity: vehicles[vehicle].capacity)
            }
        }
        // 3. Village groups onto the buses, then seat numbers.
        for destination in order {
            var bins = (binsOf[destination] ?? [:]).values.sorted { vehicles[$0.vehicle].plate < vehicles[$1.vehicle].plate }
            let reasons = pack(waiting[destination, default: []], into: &bins, plan: &plan)
            for bin in bins { seat(bin, destination: destination, into: &plan) }
            recordSplits(all[destination]!, destination: destination, reasons: reasons, plan: &plan)
        }
    }

    /// Packs the waiting passengers, village group by village group (largest first), each onto the
    /// bus that already carries its village, else the bus it fills best; a group no bus has room
    /// for is split over the emptiest buses. Returns why each split group was split.
    private func pack(_ waiting: [Rider], into bins: inout [Bin],
                      plan: inout RosterPlanner.Plan) -> [Int: RosterPlanner.SplitReason] {
        var groups: [Int: [Rider]] = [:]
        for rider in waiting { groups[rider.group, default: []].append(rider) }
        let largestBus = bins.map(\.capacity).max() ?? 0
        var reasons: [Int: RosterPlanner.SplitReason] = [:]
        // Largest first (fewest splits); along a route, in route order, so each bus collects a stretch of it.
        let order = pickupRank.isEmpty
            ? groups.keys.sorted(by: { (groups[$1]!.count, $0) < (groups[$0]!.count, $1) })
            : groups.keys.sorted(by: { (pickupRank[$0 / villages.count], groups[$1]!.count, $0)
                                        < (pickupRank[$1 / villages.count], groups[$0]!.count, $1) })
        for key in order {
            var members = groups[key]!
            let size = members.count
            var best: Int?
            var bestCost = (Int.max, Int.max, Int.max)
            for index in bins.indices where bins[index].free >= size {
                // Its village's bus first; then, along a route, the bus already stopping nearest; then the best fit.
                let cost = (bins[index].groups.contains(key) ? 0 : 1, routeDistance(from: key, to: bins[index]), bins[index].free)
                if best == nil || cost < bestCost {
                    best = index
                    bestCost = cost
                }
            }
            if let best {
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
            plan.unseated += members.map(passenger)
        }
        return reasons
    }

    /// How far along the route a group's pickup point is from the nearest stop the bus already makes
    /// (0: it stops there): 0 for every bus when no route order was given, so buses fill best-fit.
    private func routeDistance(from group: Int, to bin: Bin) -> Int {
        guard !pickupRank.isEmpty, !villages.isEmpty else { return 0 }
        let rank = pickupRank[group / villages.count]
        return bin.groups.map { abs(pickupRank[$0 / villages.count] - rank) }.min() ?? Int.max / 2
    }

    private func passenger(_ rider: Rider) -> RosterPlanner.Passenger {
        .init(id: rider.id, departsOn: day, destination: destinations[rider.destination], pickup: pickups[rider.pickup],
              village: villages[rider.village])
    }

    /// Gives the bus's new passengers the free seat numbers, pickup point by pickup point.
    private func seat(_ bin: Bin, destination: Int, into plan: inout RosterPlanner.Plan) {
        var seats = bin.taken
        // Seats in the order the bus collects: along the route where one was given, else by pickup name.
        func stop(_ rider: Rider) -> Int { pickupRank.isEmpty ? rider.pickup : pickupRank[rider.pickup] }
        let added = bin.added.sorted { (stop($0), $0.village, $0.id) < (stop($1), $1.village, $1.id) }
        var number = 1
        for rider in added {
            while seats[number] != nil { number += 1 }
            seats[number] = rider.id
        }
        guard !seats.isEmpty else { return }
        let plate = vehicles[bin.vehicle].plate
        let destinationName = destinations[destination]
        for (number, person) in seats {
            plan.seatOf[person] = .init(departsOn: day, destination: destinationName, plate: plate, number: number)
        }
        plan.buses.append(.init(departsOn: day, destination: destinationName, plate: plate, capacity: bin.capacity,
                                seats: seats.sorted { $0.key < $1.key }.map { (number: $0.key, person: $0.value) }))
    }

    private func recordSplits(_ riders: [Rider], destination: Int, reasons: [Int: RosterPlanner.SplitReason],
                              plan: inout RosterPlanner.Plan) {
        var buses: [Int: Set<String>] = [:]
        var people: [Int: Int] = [:]
        var sample: [Int: Rider] = [:]
        for rider in riders {
            people[rider.group, default: 0] += 1
            if sample[rider.group] == nil { sample[rider.group] = rider }
            if let seat = plan.seatOf[rider.id] { buses[rider.group, default: []].insert(seat.plate) }
        }
        for key in buses.keys.sorted() where buses[key]!.count > 1 {
            let rider = sample[key]!
            plan.splits.append(.init(departsOn: day, destination: destinations[destination], pickup: pickups[rider.pickup],
                                     village: villages[rider.village], people: people[key]!, buses: buses[key]!.count,
                                     reason: reasons[key] ?? .keptSeats))
        }
    }
}
