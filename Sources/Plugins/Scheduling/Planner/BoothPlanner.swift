import Workflow

/// Puts a fair's enterprises into the booths of its venue: pinned ones where they were promised,
/// those that need an accessible booth (a ramp, the ground floor) into accessible ones, and the rest
/// in walking order grouped by industry, so each industry forms one zone a job seeker can walk along.
/// What cannot be satisfied — a booth promised twice, a booth that does not exist, more enterprises
/// than booths — is reported, naming who and which booth.
public enum BoothPlanner {
    public struct Booth: Sendable, Equatable {
        public var id: String
        public var x: Double
        public var y: Double
        public var accessible: Bool

        public init(id: String, x: Double, y: Double, accessible: Bool = false) {
            self.id = id
            self.x = x
            self.y = y
            self.accessible = accessible
        }
    }

    public struct Exhibitor: Sendable, Equatable {
        public var name: String
        public var industry: String
        public var needsAccessible: Bool
        /// The booth it was promised, if any.
        public var pinned: String?

        public init(name: String, industry: String, needsAccessible: Bool = false, pinned: String? = nil) {
            self.name = name
            self.industry = industry
            self.needsAccessible = needsAccessible
            self.pinned = pinned
        }
    }

    /// Why no layout can satisfy what was asked.
    public struct Problem: Sendable, Equatable {
        public var words: Message
        public var zh: String { words.text(.zh) }
        public var en: String { words.text(.en) }

        init(_ text: MessageText, _ values: [String: String]) {
            words = Message(text, values)
        }
    }

    public struct Problems: Error, Sendable, Equatable {
        public var all: [Problem]
    }

    /// `rows` × `perRow` booths named A01, A02, … B01, …, one metre apart, in walking order (each row
    /// walked the other way from the one before); `accessibleRows` (from 0) are accessible.
    public static func grid(rows: Int, perRow: Int, accessibleRows: Set<Int> = [0]) -> [Booth] {
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")   // no I or O: they read as 1 and 0
        var booths: [Booth] = []
        for r in 0..<rows {
            let columns = r % 2 == 0 ? Array(0..<perRow) : Array((0..<perRow).reversed())
            for c in columns {
                let letter = r < letters.count ? String(letters[r]) : "R\(r + 1)-"
                booths.append(Booth(id: letter + String(format: "%02d", c + 1), x: Double(c), y: Double(r),
                                    accessible: accessibleRows.contains(r)))
            }
        }
        return booths
    }

    /// Each exhibitor's booth (an index into `booths`), or every problem found.
    public static func assign(_ exhibitors: [Exhibitor], to booths: [Booth]) -> Result<[Int], Problems> {
        var problems: [Problem] = []
        let index = Dictionary(booths.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var boothOf = Array(repeating: -1, count: exhibitors.count)
        var holder: [Int: Int] = [:]
        for (e, exhibitor) in exhibitors.enumerated() {
            guard let pin = exhibitor.pinned else { continue }
            guard let b = index[pin] else {
                problems.append(Problem(PlanWords.pinnedBoothMissing, ["enterprise": exhibitor.name, "booth": pin]))
                continue
            }
            if let other = holder[b] {
                problems.append(Problem(PlanWords.boothPromisedTwice,
                                        ["booth": pin, "first": exhibitors[other].name, "second": exhibitor.name]))
                continue
            }
            if exhibitor.needsAccessible, !booths[b].accessible {
                problems.append(Problem(PlanWords.pinnedNotAccessible, ["enterprise": exhibitor.name, "booth": pin]))
            }
            holder[b] = e
            boothOf[e] = b
        }
        if exhibitors.count > booths.count {
            problems.append(Problem(booths.count == 1 ? PlanWords.tooFewBoothsOne : PlanWords.tooFewBooths,
                                    ["enterprises": String(exhibitors.count), "booths": String(booths.count)]))
        }
        let needing = exhibitors.indices.filter { exhibitors[$0].needsAccessible && boothOf[$0] < 0 }
        var freeAccessible = booths.indices.filter { booths[$0].accessible && holder[$0] == nil }
        if needing.count > freeAccessible.count {
            let text = needing.count == 1 ? PlanWords.tooFewAccessibleOneNeeds
                : freeAccessible.count == 1 ? PlanWords.tooFewAccessibleOneLeft : PlanWords.tooFewAccessible
            problems.append(Problem(text, ["needing": String(needing.count), "left": String(freeAccessible.count)]))
        }
        guard problems.isEmpty else { return .failure(Problems(all: problems)) }
        for e in needing {
            let b = freeAccessible.removeFirst()
            holder[b] = e
            boothOf[e] = b
        }
        // The rest, industry by industry (the largest first), names in order, along the walking order.
        let rest = exhibitors.indices.filter { boothOf[$0] < 0 }
        let byIndustry = Dictionary(grouping: rest, by: { exhibitors[$0].industry })
        let order = byIndustry.keys.sorted { (byIndustry[$0]!.count, $1) > (byIndustry[$1]!.count, $0) }
        var free = booths.indices.filter { holder[$0] == nil }[...]
        for industry in order {
            for e in byIndustry[industry]!.sorted(by: { exhibitors[$0].name < exhibitors[$1].name }) {
                let b = free.removeFirst()
                holder[b] = e
                boothOf[e] = b
            }
        }
        return .success(boothOf)
    }
}
