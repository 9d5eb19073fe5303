import Foundation

/// Where each coach is over a season: out on a trip (a coach sent 1,500 km is away for days), or back
/// and free to leave. The roster asks it each day which coaches can leave, and tells it each trip it
/// gives a coach. Coaches keep their numbers (plate order) from the planner's vehicle list.
struct CoachCalendar {
    private let vehicles: [RosterPlanner.Vehicle]
    private let numberOf: [String: Int]
    /// The first day each coach can leave again (`yyyy-MM-dd`; "" when it has made no trip).
    private var backOn: [String]
    private(set) var tripCounts: [Int]
    private(set) var trips: [String: [RosterPlanner.Trip]] = [:]

    init(vehicles: [RosterPlanner.Vehicle]) {
        self.vehicles = vehicles
        numberOf = Dictionary(vehicles.enumerated().map { ($1.plate, $0) }, uniquingKeysWith: { first, _ in first })
        backOn = Array(repeating: "", count: vehicles.count)
        tripCounts = Array(repeating: 0, count: vehicles.count)
    }

    /// The vehicle list for `day`: a coach still away has no seats that day.
    func available(on day: String) -> [RosterPlanner.Vehicle] {
        vehicles.indices.map { index in
            backOn[index] > day || vehicles[index].unavailable.contains { $0.contains(day) }
                ? RosterPlanner.Vehicle(plate: vehicles[index].plate, capacity: 0) : vehicles[index]
        }
    }

    /// Records a trip: the coach leaves on `day` for `destination` and can leave again `days` later.
    mutating func send(plate: String, on day: String, to destination: String, days: Int) {
        guard let index = numberOf[plate] else { return }
        let back = Self.day(day, plus: max(1, days))
        backOn[index] = back
        tripCounts[index] += 1
        trips[plate, default: []].append(RosterPlanner.Trip(departsOn: day, destination: destination, backOn: back))
    }

    /// `day` (`yyyy-MM-dd`) plus `days` days; `day` itself when it is not a date.
    static func day(_ day: String, plus days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              let later = calendar.date(byAdding: .day, value: days, to: date) else { return day }
        let c = calendar.dateComponents([.year, .month, .day], from: later)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
