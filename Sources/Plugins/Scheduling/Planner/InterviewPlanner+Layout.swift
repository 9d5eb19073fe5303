extension InterviewPlanner {
    /// A plan as it is made: each person's and booth's room, each interviewer's load, the slot
    /// colouring, and the interviews placed so far.
    struct Layout {
        let problem: Problem
        /// The most interviews each person can be given: their limit, the slots, their wishes.
        let seekerLimit: [Int]
        /// The most interviews each booth can hold: interviewers × slots.
        let boothCapacity: [Int]
        /// Each booth's first interviewer among all of them (interviewers are the colouring's right side).
        let lanesBefore: [Int]
        var colouring: SlotColouring
        var placed: [(wish: Int, lane: Int, edge: Int)] = []
        var given: [Int]
        var taken: [Int]
        var laneLoad: [Int]
        /// Announced interviews kept where they were.
        var kept = Set<Int>()
        /// Wishes the flow chose that found no slot free for both (only around announced ones).
        var clashed = Set<Int>()

        init(_ problem: Problem) {
            self.problem = problem
            let slots = max(0, problem.slots)
            var wishesOf = Array(repeating: 0, count: problem.seekers)
            for wish in problem.wishes { wishesOf[wish.seeker] += 1 }
            seekerLimit = (0..<problem.seekers).map { min(problem.perPerson, slots, wishesOf[$0]) }
            boothCapacity = problem.booths.map { max(0, $0.interviewers) * slots }
            var lanesBefore = [Int](), lanes = 0
            for booth in problem.booths {
                lanesBefore.append(lanes)
                lanes += max(0, booth.interviewers)
            }
            self.lanesBefore = lanesBefore
            colouring = SlotColouring(left: problem.seekers, right: lanes, slots: slots)
            given = Array(repeating: 0, count: problem.booths.count)
            taken = Array(repeating: 0, count: problem.seekers)
            laneLoad = Array(repeating: 0, count: lanes)
        }

        /// Announced interviews first, where they were: each takes room from its person and booth.
        mutating func placeAnnounced() {
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
        }

        /// The wishes a min-cost max-flow chooses in the room left, earlier ranks first:
        /// source → person (room left) → booth (one edge per wish, its cost the rank) → sink (room left).
        func chooseByFlow() -> [Int] {
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
            let wishes = problem.wishes
            return wishEdges.keys.filter { network.flow(wishEdges[$0]!) > 0 }
                .sorted { (wishes[$0].rank, wishes[$0].seeker, $0) < (wishes[$1].rank, wishes[$1].seeker, $1) }
        }

        /// A new interview goes to the booth's least-loaded interviewer, so none has more than there
        /// are slots; one that finds no slot free at both ends (only around announced ones) is a clash.
        mutating func place(_ w: Int) {
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

        /// Room a clash left (the flow chose a wish that found no common time): offered to the other
        /// wishes that fit it, earlier ranks first; one that still finds no time is a clash too.
        mutating func offerWhatClashesLeft() {
            guard !clashed.isEmpty else { return }
            let placedWishes = Set(placed.map(\.wish))
            let wishes = problem.wishes
            let waiting = wishes.indices.filter { !placedWishes.contains($0) && !clashed.contains($0) }
                .sorted { (wishes[$0].rank, $0) < (wishes[$1].rank, $1) }
            for w in waiting where taken[wishes[w].seeker] < seekerLimit[wishes[w].seeker]
                && given[wishes[w].booth] < boothCapacity[wishes[w].booth] {
                place(w)
            }
        }

        /// Why each other wish was left out. A wish whose person and booth both had room would have
        /// been taken (the flow is maximum), so one of them was full — or, on a re-plan, they had no
        /// common free time around the announced interviews.
        func reasons(for interviews: [Interview]) -> [(wish: Int, reason: Reason)] {
            let wishes = problem.wishes
            let deepest = wishes.map(\.rank).max() ?? 1
            var byRank = Array(repeating: Array(repeating: 0, count: deepest), count: problem.booths.count)
            for interview in interviews { byRank[wishes[interview.wish].booth][wishes[interview.wish].rank - 1] += 1 }
            let scheduled = Set(interviews.map(\.wish))
            return wishes.indices.filter { !scheduled.contains($0) }.map { w -> (wish: Int, reason: Reason) in
                let wish = wishes[w]
                if clashed.contains(w) { return (w, .noCommonSlot) }
                if boothCapacity[wish.booth] == 0 { return (w, .boothClosed(booth: wish.booth)) }
                if given[wish.booth] >= boothCapacity[wish.booth] {
                    return (w, .boothFull(booth: wish.booth, capacity: boothCapacity[wish.booth], byRank: byRank[wish.booth]))
                }
                return (w, .personFull(limit: seekerLimit[wish.seeker]))
            }
        }
    }
}
