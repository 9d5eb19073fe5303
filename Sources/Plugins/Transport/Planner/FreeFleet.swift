/// The vehicles not yet given a trip on one day, by capacity. Hands out the fewest vehicles that
/// carry a destination's passengers and, among those, the smallest: a 45-seat coach takes the last
/// 40 people so that a 53-seat one stays free for a destination that needs it.
struct FreeFleet {
    /// Largest capacity first; each class's vehicles (numbers, in plate order) reversed, taken from the end.
    private var classes: [(capacity: Int, plates: [Int])]

    /// `vehicles` in plate order; `trips`, by vehicle number, the trips each made this season: within a
    /// class the coach with the fewest goes first (then plate order), so a season spreads over the fleet.
    init(_ vehicles: [(vehicle: Int, capacity: Int)], trips: [Int] = []) {
        var byCapacity: [Int: [Int]] = [:]
        for entry in vehicles where entry.capacity > 0 { byCapacity[entry.capacity, default: []].append(entry.vehicle) }
        func made(_ vehicle: Int) -> Int { vehicle < trips.count ? trips[vehicle] : 0 }
        classes = byCapacity.keys.sorted(by: >).map { capacity in
            (capacity, byCapacity[capacity]!.sorted { (made($0), $0) > (made($1), $1) })
        }
    }

    var isEmpty: Bool { classes.allSatisfy(\.plates.isEmpty) }
    var largest: Int { classes.first { !$0.plates.isEmpty }?.capacity ?? 0 }

    /// Vehicles for `need` passengers: the fewest that carry them all, the smallest such set; all
    /// that are left when even they fall short.
    mutating func take(covering need: Int) -> [Int] {
        var taken: [Int] = []
        var remaining = need
        while remaining > 0, !isEmpty {
            let count = fewest(covering: remaining)
            // The smallest class that still lets the other count − 1 vehicles (the largest) cover the rest.
            var pick = classes.firstIndex { !$0.plates.isEmpty }!
            if let count {
                for index in classes.indices.reversed() where !classes[index].plates.isEmpty {
                    if classes[index].capacity + largestSum(count - 1, excludingOneOf: index) >= remaining {
                        pick = index
                        break
                    }
                }
            }
            taken.append(classes[pick].plates.removeLast())
            remaining -= classes[pick].capacity
        }
        return taken
    }

    /// The fewest free vehicles whose capacities add up to `need`; nil when all of them do not.
    private func fewest(covering need: Int) -> Int? {
        var left = need
        var count = 0
        for entry in classes {
            let full = min(entry.plates.count, (left + entry.capacity - 1) / entry.capacity)
            count += full
            left -= full * entry.capacity
            if left <= 0 { return count }
        }
        return nil
    }

    private func largestSum(_ vehicles: Int, excludingOneOf excluded: Int) -> Int {
        var left = vehicles
        var sum = 0
        for index in classes.indices where left > 0 {
            let available = classes[index].plates.count - (index == excluded ? 1 : 0)
            let used = min(left, available)
            sum += used * classes[index].capacity
            left -= used
        }
        return sum
    }
}
