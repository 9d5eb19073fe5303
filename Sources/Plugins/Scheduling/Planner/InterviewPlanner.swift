/// Chooses which interviews of a fair happen, then when: the largest number that booths and time
/// allow, earlier-ranked wishes preferred (a min-cost max-flow over the ranked wishes), then laid
/// into slots so that nobody is in two places at once and no booth runs more interviews at a time
/// than it has interviewers (an edge colouring, which always fits). Every wish left out gets the
/// reason it had to be.
public enum InterviewPlanner {
    public struct Booth: Sendable, Equatable {
        public var name: String
        /// Interviews it runs at the same time.
        public var interviewers: Int

        public init(name: String, interviewers: Int) {
            self.name = name
            self.interviewers = interviewers
        }
    }

    public struct Wish: Sendable, Equatable {
        public var seeker: Int
        public var booth: Int
        /// 1 for a first wish, 2 for a second, …
        public var rank: Int
        /// The posting's code, for reasons.
        public var posting: String

        public init(seeker: Int, booth: Int, rank: Int, posting: String) {
            self.seeker = seeker
            self.booth = booth
            self.rank = rank
            self.posting = posting
        }
    }

    public struct Problem: Sendable {
        public var seekers: Int
        public var booths: [Booth]
        public var wishes: [Wish]
        /// Time slots of the fair (breaks already left out).
        public var slots: Int
        /// The most interviews one person is given.
        public var perPerson: Int
        /// Interviews of the last plan, by wish: they keep their slot and interviewer (announced
        /// times are promises), and the rest is planned around them.
        public var announced: [Int: Placement]

        public init(seekers: Int, booths: [Booth], wishes: [Wish], slots: Int, perPerson: Int,
                    announced: [Int: Placement] = [:]) {
            self.seekers = seekers
            self.booths = booths
            self.wishes = wishes
            self.slots = slots
            self.perPerson = perPerson
            self.announced = announced
        }
    }

    /// A slot and one of the booth's interviewers (from 0).
    public struct Placement: Sendable, Equatable, Hashable {
        public var slot: Int
        public var lane: Int

        public init(slot: Int, lane: Int) {
            self.slot = slot
            self.lane = lane
        }
    }

    public struct Interview: Sendable, Equatable {
        public var wish: Int
        public var slot: Int
        /// Which of the booth's interviewers (from 0).
        public var lane: Int
    }

    public enum Reason: Sendable, Equatable {
        /// The booth's every slot went to other wishes: how many, by rank (index 0: first wishes).
        case boothFull(booth: Int, capacity: Int, byRank: [Int])
        /// The person already has as many interviews as one person is given.
        case personFull(limit: Int)
        /// The booth holds no interviews (no interviewer, or no slot in the fair's hours).
        case boothClosed(booth: Int)
        /// The booth and the person both have room, but at no common time around the interviews
        /// already announced (only on a re-plan).
        case noCommonSlot
    }

    public struct Plan: Sendable {
        public var interviews: [Interview]
        public var unmet: [(wish: Int, reason: Reason)]
        /// No plan can hold more: the seekers' limits and the booths' capacities, whichever is less.
        public var upperBound: Int
        public var slotsUsed: Int
        /// Announced interviews kept in their slot, and announced ones that could not be (their slot
        /// or interviewer is gone, or it clashed with another announced one).
        public var kept: Int
        public var moved: Int
    }

    public static func plan(_ problem: Problem) -> Plan {
        let slots = max(0, problem.slots)
        var wishesOf = Array(repeating: 0, count: problem.seekers)
        for wish in problem.wishes { wishesOf[wish.seeker] += 1 }
        let seekerLimit = (0..<problem.seekers).map { min(problem.perPerson, slots, wishesOf[$0]) }
        let boothCapacity = problem.booths.map { max(0, $0.interviewers) * slots }
        var lanesBefore = [Int](), lanes = 0
        for booth in problem.booths {
            lanesBefore.append(lanes)
            lanes += max(0, booth.interviewers)
        }
        var colouring = SlotColouring(left: problem.seekers, right: lanes, slots: slots)

        // Announced interviews first, where they were: each takes room from its person and booth.
        var placed: [(wish: Int, lane: Int, edge: Int)] = []
        var given = Array(repeating: 0, count: problem.booths.count)
        var taken = Array(repeating: 0, count: problem.seekers)
        var laneLoad = Array(repeating: 0, count: lanes)
        var kept = Set<Int>()
        for (w, at) in problem.announced.sorted(by: { $0.key < $1.key }) where w < problem.wishes.count {
            let wish = problem.wishes[w]
            guard at.lane < problem.booths[wish.booth].interviewers, taken[wish.seeker] < seekerLimit[wish.seeker],
                  let edge = colouring.lock(left: wish.seeker, right: lanesBefore[wish.booth] + at.lane, slot: at.slot)
            else { continue }
            placed.append((w, at.lane, edge))
            kept.insert(w)
            given[wish.booth] += 1
            taken[wish.seeker] += 1
            laneLoad[lanesBefore[wish.booth] + at.lane] += 1
        }

        // source → person (room left) → booth (one edge per wish, its cost the rank) → sink (room left)
        let source = 0, sink = 1, firstSeeker = 2, firstBooth = 2 + problem.seekers
        var network = FlowNetwork(nodes: firstBooth + problem.booths.count)
        for s in 0..<problem.seekers where seekerLimit[s] - taken[s] > 0 {
            network.addEdge(from: source, to: firstSeeker + s, capacity: seekerLimit[s] - taken[s], cost: 0)
        }
        var wishEdges = [Int: Int]()
        for (w, wish) in problem.wishes.enumerated() where !kept.contains(w) {
            wishEdges[w] = network.addEdge(from: firstSeeker + wish.seeker, to: firstBooth + wish.booth, capacity: 1,
                                           cost: wish.rank)
        }
        for (b, capacity) in boothCapacity.enumerated() where capacity - given[b] > 0 {
            network.addEdge(from: firstBooth + b, to: sink, capacity: capacity - given[b], cost: 0)
        }
        _ = network.minCostMaxFlow(from: source, to: sink)

        let chosen = wishEdges.keys.filter { network.flow(wishEdges[$0]!) > 0 }
            .sorted { (problem.wishes[$0].rank, problem.wishes[$0].seeker, $0) < (problem.wishes[$1].rank, problem.wishes[$1].seeker, $1) }
        // Each new interview goes to the booth's least-loaded interviewer, so none has more than there are
        // slots; one that finds no slot free at both ends (only around announced ones) is a clash.
        var clashed = Set<Int>()
        func place(_ w: Int) {
            let wish = problem.wishes[w]
            let first = lanesBefore[wish.booth]
            let lane = (0..<problem.booths[wish.booth].interviewers).min { laneLoad[first + $0] < laneLoad[first + $1] }!
            guard let edge = colouring.add(left: wish.seeker, right: first + lane) else {
                clashed.insert(w)
                return
            }
            laneLoad[first + lane] += 1
            given[wish.booth] += 1
            taken[wish.seeker] += 1
            placed.append((w, lane, edge))
        }
        chosen.forEach(place)
        // Room a clash left (the flow chose a wish that found no common time): offered to the other wishes
        // that fit it, earlier ranks first; one that still finds no time is a clash too.
        if !clashed.isEmpty {
            let placedWishes = Set(placed.map(\.wish))
            let waiting = problem.wishes.indices.filter { !placedWishes.contains($0) && !clashed.contains($0) }
                .sorted { (problem.wishes[$0].rank, $0) < (problem.wishes[$1].rank, $1) }
            for w in waiting where taken[problem.wishes[w].seeker] < seekerLimit[problem.wishes[w].seeker]
                && given[problem.wishes[w].booth] < boothCapacity[problem.wishes[w].booth] {
                place(w)
            }
        }
        // Read the slots once all are placed: a later swap may move an earlier new interview.
        let interviews = placed.map { Interview(wish: $0.wish, slot: colouring.colour[$0.edge], lane: $0.lane) }

        // Why each other wish was left out. A wish whose person and booth both had room would have
        // been taken (the flow is maximum), so one of them was full — or, on a re-plan, they had no
        // common free time around the announced interviews.
        var byRank = Array(repeating: [Int](), count: problem.booths.count)
        let deepest = (problem.wishes.map(\.rank).max() ?? 1)
        for b in byRank.indices { byRank[b] = Array(repeating: 0, count: deepest) }
        for interview in interviews {
            byRank[problem.wishes[interview.wish].booth][problem.wishes[interview.wish].rank - 1] += 1
        }
        let scheduled = Set(interviews.map(\.wish))
        let unmet = problem.wishes.indices.filter { !scheduled.contains($0) }.map { w -> (wish: Int, reason: Reason) in
            let wish = problem.wishes[w]
            if clashed.contains(w) { return (w, .noCommonSlot) }
            if boothCapacity[wish.booth] == 0 { return (w, .boothClosed(booth: wish.booth)) }
            if given[wish.booth] >= boothCapacity[wish.booth] {
                return (w, .boothFull(booth: wish.booth, capacity: boothCapacity[wish.booth], byRank: byRank[wish.booth]))
            }
            return (w, .personFull(limit: seekerLimit[wish.seeker]))
        }
        let bound = min(seekerLimit.reduce(0, +), boothCapacity.reduce(0, +))
        let keptInPlace = interviews.filter { problem.announced[$0.wish] == Placement(slot: $0.slot, lane: $0.lane) }.count
        return Plan(interviews: interviews, unmet: unmet, upperBound: bound,
                    slotsUsed: Set(interviews.map(\.slot)).count, kept: keptInPlace,
                    moved: problem.announced.count - keptInPlace)
    }
}
