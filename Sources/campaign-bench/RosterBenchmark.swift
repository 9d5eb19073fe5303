import CampaignTesting
import Foundation
import Transport
import Workflow
import WorkflowTesting

/// `campaign-bench roster`: the bus roster at a province's season size — 100,000 passengers, 500
/// destinations over 5 departure days, 2,000 villages at 200 pickup points, a fleet of 53- and
/// 45-seat coaches (a driver and an escort on each) — timed in-process, the median of several runs,
/// beside its floor: grouping the same passengers by day, destination and village, which any roster
/// must do. It prints the buses beside the lower bound, then re-runs after 1% of the passengers
/// change (day or destination) and prints how many people moved. Exits 70 when a bus is over
/// capacity, someone has no seat, or someone unchanged moved.
enum RosterBenchmark {
    static func problem(passengers count: Int, destinations: Int) -> RosterPlanner.Problem {
        var random = SplitMix64(seed: 2026)
        let weights = (0..<destinations).map { 1 / (1 + Double($0) / 20) }
        let total = weights.reduce(0, +)
        let cumulative = weights.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1 / total) }
        func destination() -> Int {
            let x = Double(random.next() % 1_000_000) / 1_000_000
            var low = 0, high = cumulative.count - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] < x { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let passengers = (0..<count).map { i -> RosterPlanner.Passenger in
            let village = Int(random.next() % 2_000)
            return .init(id: Int64(i + 1), departsOn: "2026-02-\(20 + Int(random.next() % 5))",
                         destination: "企业\(destination())", pickup: "上车点\(village % 200)", village: "村\(village)")
        }
        // Enough coaches for the busiest day, half of each size.
        let perDay = Dictionary(grouping: passengers, by: \.departsOn).values.map(\.count).max() ?? 0
        let coaches = perDay / 40 + destinations
        let vehicles = (0..<coaches).map { n in
            RosterPlanner.Vehicle(plate: String(format: "贵A·%05d", n), capacity: n % 2 == 0 ? 51 : 43)
        }
        return .init(passengers: passengers, vehicles: vehicles)
    }

    static func run(repetitions: Int, passengers count: Int, destinations: Int) throws {
        var problem = problem(passengers: count, destinations: destinations)
        print("roster benchmark — \(count.formatted()) passengers, \(destinations) destinations, 5 days, "
              + "\(problem.vehicles.count.formatted()) coaches (53 and 45 seats, crew 2)")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; median of \(repetitions) runs\n")
        let clock = ContinuousClock()
        var plans: [Duration] = [], floors: [Duration] = []
        var plan: RosterPlanner.Plan?
        for _ in 0..<repetitions {
            var start = clock.now
            var groups: [String: [Int64]] = [:]
            for p in problem.passengers { groups[p.departsOn + p.destination + p.village, default: []].append(p.id) }
            let keys = groups.keys.sorted()
            floors.append(clock.now - start)
            precondition(!keys.isEmpty || count == 0)
            start = clock.now
            plan = RosterPlanner.plan(problem)
            plans.append(clock.now - start)
        }
        guard let first = plan else { return }
        try verify(problem, first)
        plans.sort()
        floors.sort()
        let median = plans[plans.count / 2].seconds, floor = floors[floors.count / 2].seconds
        print(String(format: "rostered in %.0f ms (median; min %.0f, max %.0f); the floor (grouping) %.0f ms: %.1f× the floor",
                     median * 1000, plans[0].seconds * 1000, plans[plans.count - 1].seconds * 1000, floor * 1000,
                     median / max(floor, 1e-9)))
        BenchFigures.record("roster", median / max(floor, 1e-9), .lower, meaning: "the bus roster's time ÷ grouping the passengers")
        print("buses: \(first.buses.count.formatted()), lower bound \(first.lowerBound.formatted()); "
              + "villages split: \(first.splits.count.formatted())")

        // 1% of the passengers change their day or destination; everyone else must keep their seat.
        var random = SplitMix64(seed: 7)
        var edited = Set<Int64>()
        let changes = max(1, count / 100)
        while edited.count < changes {
            let i = Int(random.next() % UInt64(problem.passengers.count))
            guard edited.insert(problem.passengers[i].id).inserted else { continue }
            if random.next() % 2 == 0 {
                problem.passengers[i].departsOn = "2026-02-\(20 + Int(random.next() % 5))"
            } else {
                problem.passengers[i].destination = "企业\(Int(random.next() % UInt64(destinations)))"
            }
        }
        problem.previous = first.seatOf
        let start = clock.now
        let second = RosterPlanner.plan(problem)
        let rerun = (clock.now - start).seconds
        try verify(problem, second)
        let moved = second.moves.filter { $0.from != nil }
        guard moved.allSatisfy({ edited.contains($0.person) }) else {
            throw WorkflowError.internal("a passenger who did not change was moved")
        }
        print(String(format: "re-run after %@ passengers changed: %.0f ms; moved %@ (≤ %@ changed), kept %@; buses %@, "
                     + "lower bound %@", changes.formatted(), rerun * 1000, moved.count.formatted(), changes.formatted(),
                     second.kept.formatted(), second.buses.count.formatted(), second.lowerBound.formatted()))
    }

    static func verify(_ problem: RosterPlanner.Problem, _ plan: RosterPlanner.Plan) throws {
        let capacity = Dictionary(uniqueKeysWithValues: problem.vehicles.map { ($0.plate, $0.capacity) })
        var trips = Set<String>()
        for bus in plan.buses {
            guard bus.seats.count <= capacity[bus.plate]!, trips.insert(bus.departsOn + bus.plate).inserted else {
                throw WorkflowError.internal("\(bus.plate) is over capacity or does two trips on \(bus.departsOn)")
            }
        }
        guard plan.unseated.isEmpty, plan.seatOf.count == problem.passengers.count else {
            throw WorkflowError.internal("\(plan.unseated.count) passengers have no seat")
        }
    }
}
