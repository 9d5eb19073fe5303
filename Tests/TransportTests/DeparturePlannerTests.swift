import Transport
import Testing

/// Departures: nobody leaves after their wished day or earlier than allowed, the bus count is the
/// fewest any grouping could need (checked by brute force on small cases), and people leave early
/// only to fill a bus that runs anyway.
@Suite struct DeparturePlannerTests {
    typealias P = DeparturePlanner.Passenger
    static let days = ["2026-02-18", "2026-02-20", "2026-02-22", "2026-02-24"]

    /// The fewest buses over every assignment of each passenger to a day of their window.
    static func bruteForce(_ passengers: [P], days: [String], earlier: Int, capacity: Int) -> Int {
        let windows = passengers.map { p -> [Int] in
            guard let last = days.lastIndex(where: { $0 <= p.wished }) else { return [] }
            return Array(max(0, last - earlier)...last)
        }
        let placed = passengers.indices.filter { !windows[$0].isEmpty }
        var best = Int.max
        var choice = [Int](repeating: 0, count: passengers.count)
        func go(_ k: Int) {
            if k == placed.count {
                var load: [String: Int] = [:]
                for i in placed { load[passengers[i].destination + "|\(choice[i])", default: 0] += 1 }
                best = min(best, load.values.reduce(0) { $0 + ($1 + capacity - 1) / capacity })
                return
            }
            for d in windows[placed[k]] {
                choice[placed[k]] = d
                go(k + 1)
            }
        }
        go(0)
        return best
    }

    @Test(arguments: 1...120) func theBusCountIsTheFewestPossible(seed: UInt64) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let wishedDays = ["2026-02-17"] + Self.days + ["2026-02-19", "2026-02-23"]
        let passengers = (0..<(1 + next(8))).map { i in
            P(id: Int64(i + 1), destination: "企业\(next(2))", wished: wishedDays[next(wishedDays.count)])
        }
        let earlier = next(3), capacity = 1 + next(4)
        let plan = DeparturePlanner.plan(passengers, days: Self.days, earlier: earlier, capacity: capacity)
        #expect(plan.buses == Self.bruteForce(passengers, days: Self.days, earlier: earlier, capacity: capacity),
                "seed \(seed): \(passengers) earlier \(earlier) capacity \(capacity)")
        #expect(plan.buses >= plan.lowerBound)
        for p in passengers {
            guard let day = plan.dayOf[p.id] else {
                #expect(p.wished < Self.days[0], "\(p.id) was left out though a day fits")
                continue
            }
            #expect(day <= p.wished, "\(p.id) leaves after their wish")
            let last = Self.days.lastIndex { $0 <= p.wished }!
            #expect(Self.days.firstIndex(of: day)! >= last - earlier, "\(p.id) leaves too early")
        }
        #expect(plan.batches.reduce(0) { $0 + $1.passengers } == plan.dayOf.count)
    }

    @Test func peopleLeaveEarlyOnlyToFillABusThatRunsAnyway() {
        // 40 wish the 20th, 10 the 22nd: one 51-seat bus on the 20th takes all 50.
        let passengers = (1...50).map { P(id: Int64($0), destination: "宁波甲厂", wished: $0 <= 40 ? "2026-02-20" : "2026-02-22") }
        let plan = DeparturePlanner.plan(passengers, days: Self.days, earlier: 1, capacity: 51)
        #expect(plan.buses == 1)
        #expect(plan.earlier == 10)
        #expect(Set(plan.dayOf.values) == ["2026-02-20"])
        // Without leaving early, it takes two buses.
        let strict = DeparturePlanner.plan(passengers, days: Self.days, earlier: 0, capacity: 51)
        #expect(strict.buses == 2)
        #expect(strict.earlier == 0)
        // Someone who wishes to leave before any departure is said, not moved.
        let early = DeparturePlanner.plan([P(id: 1, destination: "宁波甲厂", wished: "2026-02-10")], days: Self.days,
                                          earlier: 1, capacity: 51)
        #expect(early.unplaced.map(\.id) == [1])
        #expect(early.unplaced.map(\.reason) == [.noDepartureDay])
    }
}
