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

        public init(seekers: Int, booths: [Booth], wishes: [Wish], slots: Int, perPerson: Int) {
            self.seekers = seekers
            self.booths = booths
            self.wishes = wishes
            self.slots = slots
            self.perPerson = perPerson
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
    }

    public struct Plan: Sendable {
        public var interviews: [Interview]
        public var unmet: [(wish: Int, reason: Reason)]
        /// No plan can hold more: the seekers' limits and the booths' capacities, whichever is less.
        public var upperBound: Int
        public var slotsUsed: Int
    }

    public static func plan(_ problem: Problem) -> Plan {
        let slots = max(0, problem.slots)
        var wishesOf = Array(repeating: 0, count: problem.seekers)
        for wish in problem.wishes { wishesOf[wish.seeker] += 1 }
        let seekerLimit = (0..<problem.seekers).map { min(problem.perPerson, slots, wishesOf[$0]) }
        let boothCapacity = problem.booths.map { max(0, $0.interviewers) * slots }

        // source → seeker (their limit) → booth (one per wish, cost = rank) → sink (the booth's capacity)
        let source = 0, sink = 1, firstSeeker = 2, firstBooth = 2 + problem.seekers
        var network = FlowNetwork(nodes: firstBooth + problem.booths.count)
        for (s, limit) in seekerLimit.enumerated() where limit > 0 {
            network.addEdge(from: source, to: firstSeeker + s, capacity: limit, cost: 0)
        }
        let wishEdges = problem.wishes.map { wish in
            network.addEdge(from: firstSeeker + wish.seeker, to: firstBooth + wish.booth, capacity: 1, cost: wish.rank)
        }
        for (b, capacity) in boothCapacity.enumerated() where capacity > 0 {
            network.addEdge(from: firstBooth + b, to: sink, capacity: capacity, cost: 0)
        }
        _ = network.minCostMaxFlow(from: source, to: sink)

        let chosen = problem.wishes.indices.filter { network.flow(wishEdges[$0]) > 0 }
            .sorted { (problem.wishes[$0].rank, problem.wishes[$0].seeker, $0) < (problem.wishes[$1].rank, problem.wishes[$1].seeker, $1) }
        // Each booth's interviews go round its interviewers, so none has more than there are slots.
        var lanesBefore = [Int](), lanes = 0
        for booth in problem.booths {
            lanesBefore.append(lanes)
            lanes += max(0, booth.interviewers)
        }
        var given = Array(repeating: 0, count: problem.booths.count)
        var colouring = SlotColouring(left: problem.seekers, right: lanes, slots: slots)
        var placed: [(wish: Int, lane: Int, edge: Int)] = []
        for w in chosen {
            let wish = problem.wishes[w]
            let lane = given[wish.booth] % problem.booths[wish.booth].interviewers
            given[wish.booth] += 1
            placed.append((w, lane, colouring.add(left: wish.seeker, right: lanesBefore[wish.booth] + lane)))
        }
        // Read the slots once all are placed: a later swap may move an earlier interview.
        let interviews = placed.map { Interview(wish: $0.wish, slot: colouring.colour[$0.edge], lane: $0.lane) }

        // Why each other wish was left out. A wish whose person and booth both had room would have
        // been taken (the flow is maximum), so one of them was full.
        var taken = Array(repeating: 0, count: problem.seekers)
        var byRank = Array(repeating: [Int](), count: problem.booths.count)
        let deepest = (problem.wishes.map(\.rank).max() ?? 1)
        for b in byRank.indices { byRank[b] = Array(repeating: 0, count: deepest) }
        for w in chosen {
            taken[problem.wishes[w].seeker] += 1
            byRank[problem.wishes[w].booth][problem.wishes[w].rank - 1] += 1
        }
        let chosenSet = Set(chosen)
        let unmet = problem.wishes.indices.filter { !chosenSet.contains($0) }.map { w -> (wish: Int, reason: Reason) in
            let wish = problem.wishes[w]
            if boothCapacity[wish.booth] == 0 { return (w, .boothClosed(booth: wish.booth)) }
            if given[wish.booth] >= boothCapacity[wish.booth] {
                return (w, .boothFull(booth: wish.booth, capacity: boothCapacity[wish.booth], byRank: byRank[wish.booth]))
            }
            return (w, .personFull(limit: seekerLimit[wish.seeker]))
        }
        let bound = min(seekerLimit.reduce(0, +), boothCapacity.reduce(0, +))
        return Plan(interviews: interviews, unmet: unmet, upperBound: bound,
                    slotsUsed: Set(interviews.map(\.slot)).count)
    }
}
