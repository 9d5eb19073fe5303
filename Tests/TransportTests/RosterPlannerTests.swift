import Testing
import Transport
import WorkflowTesting

/// The roster's rules, over hand-made and random fleets: no bus over its capacity, the fewest buses
/// when villages may split, villages together when that costs no bus, and seats kept on re-runs.
@Suite struct RosterPlannerTests {
    typealias P = RosterPlanner.Passenger
    typealias V = RosterPlanner.Vehicle

    /// A seeded generator, so a failing case can be run again.
    struct Random {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        mutating func next(_ bound: Int) -> Int { generator.next(below: bound) }
    }

    static func passengers(_ count: Int, days: Int, destinations: Int, villages: Int, random: inout Random) -> [P] {
        (0..<count).map { i in
            let village = random.next(villages)
            return P(id: Int64(i + 1), departsOn: "2026-02-\(20 + random.next(days))",
                     destination: "企业\(random.next(destinations))", pickup: "上车点\(village % 4)", village: "村\(village)")
        }
    }

    static func fleet(big: Int, small: Int) -> [V] {
        (0..<big).map { V(plate: "贵A·B\(1000 + $0)", capacity: 51) }
            + (0..<small).map { V(plate: "贵A·S\(1000 + $0)", capacity: 43) }
    }

    func check(_ plan: RosterPlanner.Plan, _ problem: RosterPlanner.Problem) {
        let capacity = Dictionary(uniqueKeysWithValues: problem.vehicles.map { ($0.plate, $0.capacity) })
        var trips = Set<[String]>()
        for bus in plan.buses {
            #expect(bus.seats.count <= capacity[bus.plate]!, "\(bus.plate) on \(bus.departsOn) is over capacity")
            #expect(bus.seats.allSatisfy { (1...capacity[bus.plate]!).contains($0.number) })
            #expect(Set(bus.seats.map(\.number)).count == bus.seats.count, "two people in one seat of \(bus.plate)")
            #expect(trips.insert([bus.departsOn, bus.plate]).inserted, "\(bus.plate) does two trips on \(bus.departsOn)")
        }
        let byID = Dictionary(uniqueKeysWithValues: problem.passengers.map { ($0.id, $0) })
        for (person, seat) in plan.seatOf {
            #expect(seat.departsOn == byID[person]!.departsOn && seat.destination == byID[person]!.destination)
        }
        #expect(plan.seatOf.count + plan.unseated.count == problem.passengers.count)
    }

    @Test(arguments: 1...40) func capacityIsNeverExceededAndBusesMeetTheLowerBound(seed: UInt64) {
        var random = Random(state: seed)
        let count = 1 + random.next(600)
        let problem = RosterPlanner.Problem(
            passengers: Self.passengers(count, days: 1 + random.next(3), destinations: 1 + random.next(6),
                                        villages: 1 + random.next(30), random: &random),
            vehicles: Self.fleet(big: 40, small: 40))
        let plan = RosterPlanner.plan(problem)
        check(plan, problem)
        #expect(plan.unseated.isEmpty)
        #expect(plan.buses.count == plan.lowerBound, "seed \(seed): \(plan.buses.count) buses, bound \(plan.lowerBound)")
    }

    @Test(arguments: 1...20) func aSmallFleetSeatsWhomItCanAndNamesTheRest(seed: UInt64) {
        var random = Random(state: seed)
        let problem = RosterPlanner.Problem(
            passengers: Self.passengers(300 + random.next(300), days: 1, destinations: 1 + random.next(4), villages: 12,
                                        random: &random),
            vehicles: Self.fleet(big: 2 + random.next(3), small: random.next(4)))
        let plan = RosterPlanner.plan(problem)
        check(plan, problem)
        let seats = problem.vehicles.reduce(0) { $0 + $1.capacity }
        #expect(plan.unseated.count >= problem.passengers.count - seats)
        #expect(plan.unseated.count > 0)
    }

    @Test func fiftyThreeSeatsWithADriverAndAnEscortCarryFiftyOneAndTheLastFewTakeTheSmallBus() {
        let passengers = (1...92).map { P(id: Int64($0), departsOn: "2026-02-20", destination: "宁波甲厂", pickup: "城关镇",
                                          village: "村\($0 % 3)") }
        let plan = RosterPlanner.plan(.init(passengers: passengers, vehicles: Self.fleet(big: 3, small: 2)))
        #expect(plan.buses.count == 2)
        #expect(plan.lowerBound == 2)
        #expect(plan.buses.map(\.capacity).sorted() == [43, 51])   // 92 = 51 + 41: the 45-seat coach takes the rest
    }

    @Test func villagesRideTogetherWhenThatCostsNoBus() {
        // 3 villages of 30, 20 and 25 people, two 51-seat buses: 30 + 20 on one, 25 on the other.
        var passengers: [P] = []
        for (village, size) in [("甲村", 30), ("乙村", 20), ("丙村", 25)] {
            for _ in 0..<size {
                passengers.append(P(id: Int64(passengers.count + 1), departsOn: "2026-02-20", destination: "宁波甲厂",
                                    pickup: "城关镇", village: village))
            }
        }
        let plan = RosterPlanner.plan(.init(passengers: passengers, vehicles: Self.fleet(big: 3, small: 0)))
        #expect(plan.buses.count == 2)
        #expect(plan.splits.isEmpty)
        for village in ["甲村", "乙村", "丙村"] {
            let plates = Set(passengers.filter { $0.village == village }.map { plan.seatOf[$0.id]!.plate })
            #expect(plates.count == 1, "\(village) is split over \(plates)")
        }
    }

    @Test func aVillageLargerThanABusIsSplitAndSaysWhy() {
        let passengers = (1...60).map { P(id: Int64($0), departsOn: "2026-02-20", destination: "宁波甲厂", pickup: "城关镇",
                                          village: "甲村") }
        let plan = RosterPlanner.plan(.init(passengers: passengers, vehicles: Self.fleet(big: 2, small: 0)))
        #expect(plan.splits == [.init(departsOn: "2026-02-20", destination: "宁波甲厂", pickup: "城关镇", village: "甲村",
                                      people: 60, buses: 2, reason: .largerThanBus(51))])
    }

    @Test(arguments: 1...15) func aReRunMovesNobodyWhoDidNotChange(seed: UInt64) {
        var random = Random(state: seed)
        var passengers = Self.passengers(400, days: 2, destinations: 3, villages: 20, random: &random)
        let vehicles = Self.fleet(big: 30, small: 30)
        let first = RosterPlanner.plan(.init(passengers: passengers, vehicles: vehicles))
        // Edit a few: withdraw some, change some trips, add some.
        var edited = Set<Int64>()
        for _ in 0..<8 { edited.insert(passengers.remove(at: random.next(passengers.count)).id) }
        for _ in 0..<6 {
            let i = random.next(passengers.count)
            passengers[i].destination = "企业\(random.next(3))"
            passengers[i].departsOn = "2026-02-2\(random.next(2))"
            edited.insert(passengers[i].id)
        }
        for n in 0..<10 {
            passengers.append(P(id: Int64(1000 + n), departsOn: "2026-02-20", destination: "企业1", pickup: "上车点1",
                                village: "村\(n)"))
        }
        let second = RosterPlanner.plan(.init(passengers: passengers, vehicles: vehicles, previous: first.seatOf))
        check(second, .init(passengers: passengers, vehicles: vehicles))
        for p in passengers where !edited.contains(p.id) && p.id < 1000 {
            #expect(second.seatOf[p.id] == first.seatOf[p.id], "seed \(seed): \(p.id) moved without changing")
        }
        #expect(second.moves.filter { $0.from != nil }.count <= edited.count)
        #expect(second.kept == passengers.filter { $0.id < 1000 }.count - second.moves.filter { $0.from != nil && $0.to != nil }.count)
    }

    @Test func aVehicleWithFewerSeatsMovesOnlyThoseBeyondItsNewCapacity() {
        let passengers = (1...51).map { P(id: Int64($0), departsOn: "2026-02-20", destination: "宁波甲厂", pickup: "城关镇",
                                          village: "甲村") }
        let first = RosterPlanner.plan(.init(passengers: passengers, vehicles: [V(plate: "贵A·12345", capacity: 51)]))
        let smaller = [V(plate: "贵A·12345", capacity: 49), V(plate: "贵A·23456", capacity: 43)]
        let second = RosterPlanner.plan(.init(passengers: passengers, vehicles: smaller, previous: first.seatOf))
        #expect(second.moves.map(\.reason) == [.vehicleChanged, .vehicleChanged])
        #expect(second.moves.map(\.from?.number) == [50, 51])
        #expect(second.kept == 49)
    }

    @Test func theLowerBoundCountsDestinationsAndTheFleet() {
        #expect(RosterPlanner.lowerBound(demands: [52, 10], capacities: [51, 51, 51, 43]) == 3)
        #expect(RosterPlanner.lowerBound(demands: [150], capacities: [51, 43, 43, 43]) == 4)
        #expect(RosterPlanner.lowerBound(demands: [], capacities: [51]) == 0)
    }
}
