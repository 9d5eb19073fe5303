import Testing
@testable import Transport

/// Routes by area (#36): with the pickup points' order along the road out of the county, each bus
/// collects a stretch of the route, seats in the order it collects, and the bus count is unchanged.
@Suite struct RouteOrderTests {
    static let route = ["龙泉乡政府", "青山乡车站", "城关镇政府", "河西镇车站", "白沙镇政府", "石门村口"]

    func passengers(routed: Bool) -> [RosterPlanner.Passenger] {
        Self.route.enumerated().flatMap { index, pickup in
            (0..<15).map { k in
                RosterPlanner.Passenger(id: Int64(index * 100 + k + 1), departsOn: "2026-02-20", destination: "广东东莞精密电子有限公司",
                                        pickup: pickup, village: "\(pickup)村", route: routed ? index : nil)
            }
        }
    }

    @Test func eachBusCollectsAStretchOfTheRouteInOrder() {
        let fleet = (0..<2).map { RosterPlanner.Vehicle(plate: "贵A·0000\($0)", capacity: 45) }
        let plan = RosterPlanner.plan(.init(passengers: passengers(routed: true), vehicles: fleet))
        #expect(plan.buses.count == 2)
        #expect(plan.unseated.isEmpty)
        let pickupOf = Dictionary(uniqueKeysWithValues: passengers(routed: true).map { ($0.id, $0.pickup) })
        let stops = plan.buses.map { bus -> [String] in
            var seen: [String] = []
            for seat in bus.seats where !seen.contains(pickupOf[seat.person]!) { seen.append(pickupOf[seat.person]!) }
            return seen
        }.sorted { Self.route.firstIndex(of: $0[0])! < Self.route.firstIndex(of: $1[0])! }
        #expect(stops == [Array(Self.route.prefix(3)), Array(Self.route.suffix(3))], "\(stops)")
        // Without the route the buses still seat everyone on two buses, by the pickup points' names.
        let plain = RosterPlanner.plan(.init(passengers: passengers(routed: false), vehicles: fleet))
        #expect(plain.buses.count == 2 && plain.unseated.isEmpty)
    }
}

/// A late change takes a free seat (#36): a passenger moved to another day rides a coach of that day and
/// destination with room, and nobody else moves; a new coach comes only when none has room.
@Suite struct LateChangeTests {
    @Test func aChangedPassengerTakesAFreeSeatBeforeANewCoach() {
        func p(_ id: Int, _ day: String) -> RosterPlanner.Passenger {
            .init(id: Int64(id), departsOn: day, destination: "浙江宁波长丰服装有限公司", pickup: "城关镇政府", village: "村\(id % 4)")
        }
        var passengers = (1...45).map { p($0, "2026-02-20") } + (46...85).map { p($0, "2026-02-21") }
        let fleet = [RosterPlanner.Vehicle(plate: "贵A·45678", capacity: 43), RosterPlanner.Vehicle(plate: "贵A·12345", capacity: 51),
                     RosterPlanner.Vehicle(plate: "贵A·23456", capacity: 51)]
        let first = RosterPlanner.plan(.init(passengers: passengers, vehicles: fleet))
        #expect(first.unseated.isEmpty)
        let busesBefore = first.buses.count
        // One of the 20th's moves to the 21st, whose coach has 11 free seats.
        passengers[0].departsOn = "2026-02-21"
        let second = RosterPlanner.plan(.init(passengers: passengers, vehicles: fleet, previous: first.seatOf))
        #expect(second.buses.count <= busesBefore, "a new coach for one late change")
        let moved = second.moves.filter { $0.from != nil }.map(\.person)
        #expect(moved == [1], "\(moved)")
        let seat = second.seatOf[1]
        #expect(seat?.departsOn == "2026-02-21")
        #expect(second.buses.filter { $0.departsOn == "2026-02-21" }.count == 1)
    }
}
