/// Groups bus passengers' travel days into departures: per destination, on the days the county runs
/// buses, each passenger leaving on their wished day or up to `earlier` departure days before it
/// (workers must arrive by their start; leaving a little early is fine, late is not), so that the
/// buses needed — Σ over departures ⌈passengers ÷ capacity⌉ — are as few as possible, and among such
/// plans people leave as close to their wish as possible.
///
/// The rule, per destination: go through the departure days in order; a departure runs only on the
/// last day some waiting passenger can still leave, and then fills its buses with the waiting
/// passengers whose last day comes first. Deferring every departure to a deadline and filling with
/// the earliest deadlines is optimal for the bus count (an exchange argument: any plan can be turned
/// into this one without adding a bus), and it moves nobody earlier than a full bus needs.
public enum DeparturePlanner {
    public struct Passenger: Sendable, Equatable {
        public var id: Int64
        public var destination: String
        /// The day they wish to leave (yyyy-MM-dd): they may leave then or a little earlier, never later.
        public var wished: String

        public init(id: Int64, destination: String, wished: String) {
            self.id = id
            self.destination = destination
            self.wished = wished
        }
    }

    public enum Unplaced: Sendable, Equatable {
        /// No departure day on or up to `earlier` departures before the wish.
        case noDepartureDay
    }

    public struct Plan: Sendable {
        /// Each placed passenger's departure day.
        public var dayOf: [Int64: String]
        /// Per destination and day: passengers.
        public var batches: [(destination: String, day: String, passengers: Int, buses: Int)]
        public var buses: Int
        /// Σ over destinations ⌈passengers ÷ capacity⌉: no plan needs fewer buses.
        public var lowerBound: Int
        public var earlier: Int
        public var unplaced: [(id: Int64, reason: Unplaced)]
    }

    /// `days`: the departure days (yyyy-MM-dd, any order); `earlier`: how many departure days before
    /// the wished one a passenger may leave; `capacity`: passengers per bus.
    public static func plan(_ passengers: [Passenger], days: [String], earlier: Int, capacity: Int) -> Plan {
        let days = Array(Set(days)).sorted()
        var plan = Plan(dayOf: [:], batches: [], buses: 0, lowerBound: 0, earlier: 0, unplaced: [])
        guard capacity > 0 else { return plan }
        var byDestination: [String: [Passenger]] = [:]
        for p in passengers { byDestination[p.destination, default: []].append(p) }
        for destination in byDestination.keys.sorted() {
            // Each passenger's window: departure-day indices [last − earlier, last], last the latest day ≤ the wish.
            var windows: [(id: Int64, first: Int, last: Int)] = []
            for p in byDestination[destination]!.sorted(by: { $0.id < $1.id }) {
                guard let last = days.lastIndex(where: { $0 <= p.wished }) else {
                    plan.unplaced.append((p.id, .noDepartureDay))
                    continue
                }
                windows.append((p.id, max(0, last - earlier), last))
            }
            plan.lowerBound += (windows.count + capacity - 1) / capacity
            windows.sort { ($0.first, $0.last, $0.id) < ($1.first, $1.last, $1.id) }
            var next = 0
            var waiting: [(id: Int64, last: Int)] = []    // kept sorted by last day, then id
            for d in days.indices {
                while next < windows.count, windows[next].first <= d {
                    let entry = (windows[next].id, windows[next].last)
                    let at = waiting.firstIndex { ($0.last, $0.id) > (entry.1, entry.0) } ?? waiting.count
                    waiting.insert(entry, at: at)
                    next += 1
                }
                let due = waiting.prefix { $0.last == d }.count
                guard due > 0 else { continue }
                let buses = (due + capacity - 1) / capacity
                let going = waiting.prefix(min(waiting.count, buses * capacity))
                for entry in going {
                    plan.dayOf[entry.id] = days[d]
                    if entry.last > d { plan.earlier += 1 }
                }
                plan.batches.append((destination, days[d], going.count, buses))
                plan.buses += buses
                waiting.removeFirst(going.count)
            }
        }
        return plan
    }
}
