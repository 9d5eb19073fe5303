import Testing
@testable import Transport

/// A season as a dispatcher runs it (#36): a coach sent 1,500 km is away for days. Generated seasons —
/// passengers over six days to factories in three provinces with their trip lengths — are rostered, and
/// the roster never sends a coach while it is away, spreads trips over the fleet (a coach goes out
/// again only when every coach back that day has been out as often), seats everyone the fleet can
/// carry, and says who it cannot.
@Suite struct CoachCalendarTests {
    typealias P = RosterPlanner.Passenger
    static let places = [("广东省东莞市", 4), ("浙江省宁波市", 4), ("贵州省贵阳市", 1)]

    static func season(seed: UInt64, passengers count: Int) -> [P] {
        var random = RosterPlannerTests.Random(state: seed)
        return (0..<count).map { i in
            let (place, days) = places[random.next(places.count)]
            let village = random.next(20)
            return P(id: Int64(i + 1), departsOn: "2026-02-\(18 + random.next(6))", destination: place,
                     pickup: "上车点\(village % 5)", village: "村\(village)", tripDays: days)
        }
    }

    @Test(arguments: 1...12) func noCoachLeavesWhileAwayAndTripsAreSpread(seed: UInt64) {
        let passengers = Self.season(seed: seed, passengers: 300 + Int(seed) * 40)
        let fleet = (0..<40).map { RosterPlanner.Vehicle(plate: "贵F·\(10_000 + $0)", capacity: 45) }
        let plan = RosterPlanner.plan(.init(passengers: passengers, vehicles: fleet))
        #expect(plan.unseated.isEmpty, "seed \(seed): \(plan.unseated.count) without a seat")
        #expect(plan.seatOf.count == passengers.count)
        // Away means away: each coach's next trip leaves on or after the day it is back.
        for (plate, trips) in plan.trips {
            for (trip, next) in zip(trips, trips.dropFirst()) {
                #expect(next.departsOn >= trip.backOn, "\(plate) leaves \(next.departsOn) while away until \(trip.backOn)")
            }
            for trip in trips {
                let days = Self.places.first { $0.0 == trip.destination }!.1
                #expect(trip.backOn == CoachCalendar.day(trip.departsOn, plus: days))
            }
        }
        #expect(plan.buses.count == plan.trips.values.reduce(0) { $0 + $1.count })
        // Spread: a coach leaving on its n-th trip leaves only when every coach back that day and not
        // sent that day has made n − 1 trips or more.
        let days = Set(plan.buses.map(\.departsOn)).sorted()
        for day in days {
            func made(_ plate: String) -> Int { plan.trips[plate, default: []].filter { $0.departsOn < day }.count }
            func away(_ plate: String) -> Bool { plan.trips[plate, default: []].contains { $0.departsOn < day && $0.backOn > day } }
            let sent = Set(plan.buses.filter { $0.departsOn == day }.map(\.plate))
            let idle = fleet.map(\.plate).filter { !sent.contains($0) && !away($0) }
            guard let fewestIdle = idle.map(made).min() else { continue }
            for plate in sent { #expect(made(plate) <= fewestIdle, "\(day): \(plate) goes out again while an idle coach has fewer trips") }
        }
        // The bound counts the coaches back each day: the roster meets it.
        #expect(plan.buses.count == plan.lowerBound, "seed \(seed): \(plan.buses.count) buses, bound \(plan.lowerBound)")
    }

    @Test func aFleetTooSmallForTheTripLengthsLeavesPeopleWithoutASeatNamedByDay() {
        // Day 1: 90 to 东莞 (4 days away); day 2: 90 more. Two coaches of 45 carry day 1 and are away on day 2.
        let passengers = (0..<180).map { i in
            P(id: Int64(i + 1), departsOn: i < 90 ? "2026-02-18" : "2026-02-19", destination: "广东省东莞市",
              pickup: "城关", village: "村\(i % 3)", tripDays: 4)
        }
        let fleet = (0..<2).map { RosterPlanner.Vehicle(plate: "贵F·\(10_000 + $0)", capacity: 45) }
        let plan = RosterPlanner.plan(.init(passengers: passengers, vehicles: fleet))
        #expect(plan.unseated.count == 90)
        #expect(Set(plan.unseated.map(\.departsOn)) == ["2026-02-19"])
        // With trips of one day the same two coaches carry both days.
        let short = passengers.map { var p = $0; p.tripDays = 1; return p }
        #expect(RosterPlanner.plan(.init(passengers: short, vehicles: fleet)).unseated.isEmpty)
    }

    @Test func aCoachThatCannotLeaveOnADayStaysHomeThatDay() {
        let passengers = (0..<80).map { i in
            P(id: Int64(i + 1), departsOn: i < 40 ? "2026-02-18" : "2026-02-19", destination: "贵州省贵阳市",
              pickup: "城关", village: "村\(i % 3)", tripDays: 1)
        }
        let fleet = [RosterPlanner.Vehicle(plate: "贵F·10000", capacity: 45, unavailable: ["2026-02-19"..."2026-02-20"]),
                     RosterPlanner.Vehicle(plate: "贵F·10001", capacity: 45)]
        let plan = RosterPlanner.plan(.init(passengers: passengers, vehicles: fleet))
        #expect(plan.unseated.isEmpty)
        #expect(plan.trips["贵F·10000"]?.map(\.departsOn) == ["2026-02-18"])
        #expect(plan.trips["贵F·10001"]?.map(\.departsOn) == ["2026-02-19"])
        // A vehicle list's 不可用日期 as counties write it.
        #expect(UnavailableDays.parse("2026-02-19~2026-02-20、2026/2/25")! == ["2026-02-19"..."2026-02-20", "2026-02-25"..."2026-02-25"])
        #expect(UnavailableDays.parse("2026-02-19至2026-02-20")! == ["2026-02-19"..."2026-02-20"])
        #expect(UnavailableDays.parse("")! == [])
        #expect(UnavailableDays.parse("下周") == nil)
        #expect(UnavailableDays.parse("2026-02-22~2026-02-20") == nil)
        #expect(UnavailableDays.decode(UnavailableDays.encode(["2026-02-19"..."2026-02-20"])) == ["2026-02-19"..."2026-02-20"])
    }

    @Test func daysAddAcrossMonthsAndYears() {
        #expect(CoachCalendar.day("2026-02-27", plus: 4) == "2026-03-03")
        #expect(CoachCalendar.day("2028-02-28", plus: 1) == "2028-02-29")
        #expect(CoachCalendar.day("2026-12-30", plus: 3) == "2027-01-02")
    }
}
