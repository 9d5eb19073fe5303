import CampaignTesting
import Foundation
import Transport
import Workflow
import WorkflowTesting

/// `campaign-bench season [--passengers N] [--days N] [--coaches N] [--destinations N]`: a province's
/// bus season as a dispatcher runs it (#36) — 20,000 passengers over 60 days to 40 destinations, each
/// with its trip length (1 to 5 days away), a fleet of 300 coaches — rostered in-process beside its
/// floor (grouping the passengers by day, destination and village). Checks that no coach leaves while
/// away and everyone is seated (exit 70 otherwise), and prints the buses beside the bound of the
/// coaches back each day.
enum SeasonBenchmark {
    static func day(_ offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(byAdding: .day, value: offset, to: calendar.date(from: DateComponents(year: 2026, month: 2, day: 1))!)!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    static func run(repetitions: Int, passengers count: Int, days: Int, coaches: Int, destinations: Int) throws {
        var random = SplitMix64(seed: 36)
        let tripDays = (0..<destinations).map { 1 + $0 % 5 }
        let calendarDays = (0..<days).map(day)
        let passengers = (0..<count).map { i -> RosterPlanner.Passenger in
            let destination = Int(random.next() % UInt64(destinations)), village = Int(random.next() % 600)
            return .init(id: Int64(i + 1), departsOn: calendarDays[Int(random.next() % UInt64(days))],
                         destination: "企业\(destination)", pickup: "上车点\(village % 60)", village: "村\(village)",
                         tripDays: tripDays[destination])
        }
        let vehicles = (0..<coaches).map { RosterPlanner.Vehicle(plate: String(format: "贵A·%05d", $0), capacity: $0 % 2 == 0 ? 51 : 43) }
        let problem = RosterPlanner.Problem(passengers: passengers, vehicles: vehicles)
        print("season benchmark — \(count.formatted()) passengers, \(days) days, \(coaches) coaches, \(destinations) destinations "
              + "(trips of 1–5 days); median of \(repetitions) runs")
        let clock = ContinuousClock()
        var plans: [Duration] = [], floors: [Duration] = []
        var plan: RosterPlanner.Plan?
        for _ in 0..<repetitions {
            var start = clock.now
            var groups: [String: [Int64]] = [:]
            for p in passengers { groups[p.departsOn + p.destination + p.village, default: []].append(p.id) }
            precondition(!groups.keys.sorted().isEmpty || count == 0)
            floors.append(clock.now - start)
            start = clock.now
            plan = RosterPlanner.plan(problem)
            plans.append(clock.now - start)
        }
        guard let plan else { return }
        try RosterBenchmark.verify(problem, plan)
        for (plate, trips) in plan.trips {
            for (trip, next) in zip(trips, trips.dropFirst()) where next.departsOn < trip.backOn {
                throw WorkflowError.internal("\(plate) leaves \(next.departsOn) while away until \(trip.backOn)")
            }
        }
        plans.sort()
        floors.sort()
        let median = plans[plans.count / 2].seconds, floor = floors[floors.count / 2].seconds
        let used = plan.trips.count, most = plan.trips.values.map(\.count).max() ?? 0, fewest = plan.trips.values.map(\.count).min() ?? 0
        print(String(format: "rostered in %.0f ms (median); the floor (grouping) %.0f ms: %.1f× the floor",
                     median * 1000, floor * 1000, median / max(floor, 1e-9)))
        BenchFigures.record("season", median / max(floor, 1e-9), .lower, meaning: "a season's roster (coaches away) ÷ grouping the passengers")
        print("buses: \(plan.buses.count.formatted()), bound of the coaches back each day \(plan.lowerBound.formatted()); "
              + "coaches used \(used) of \(coaches), \(fewest)–\(most) trips each; no coach left while away")
    }
}
