import CampaignTesting
import Scheduling
import Testing
import WorkflowTesting

/// The interview planner on random fairs: never two places at once, never a booth over its
/// interviewers, as many interviews as the best plan (checked by brute force on small fairs), and a
/// reason for every wish left out.
@Suite struct InterviewPlannerTests {
    static func randomProblem(_ random: inout SplitMix64, seekers: Int, booths: Int, slots: Int,
                              maxWishes: Int = 3) -> InterviewPlanner.Problem {
        let boothList = (0..<booths).map {
            InterviewPlanner.Booth(name: "B\($0)", interviewers: Int(random.next() % 3))  // 0, 1 or 2
        }
        var wishes: [InterviewPlanner.Wish] = []
        for s in 0..<seekers {
            let count = Int(random.next() % UInt64(maxWishes + 1))
            var seen = Set<Int>()
            for rank in 1...max(1, count) where count > 0 {
                let booth = Int(random.next() % UInt64(booths))
                guard seen.insert(booth).inserted else { continue }
                wishes.append(.init(seeker: s, booth: booth, rank: rank, posting: "P\(booth)"))
            }
        }
        return .init(seekers: seekers, booths: boothList, wishes: wishes, slots: slots, perPerson: 2)
    }

    /// What any plan must keep.
    static func check(_ problem: InterviewPlanner.Problem, _ plan: InterviewPlanner.Plan) {
        var seekerSlot = Set<[Int]>(), laneSlot = Set<[Int]>()
        var perSeeker = [Int: Int](), perBooth = [Int: Int]()
        for interview in plan.interviews {
            let wish = problem.wishes[interview.wish]
            #expect(interview.slot >= 0 && interview.slot < problem.slots)
            #expect(interview.lane >= 0 && interview.lane < problem.booths[wish.booth].interviewers)
            #expect(seekerSlot.insert([wish.seeker, interview.slot]).inserted, "a person in two places at once")
            #expect(laneSlot.insert([wish.booth, interview.lane, interview.slot]).inserted, "an interviewer double-booked")
            perSeeker[wish.seeker, default: 0] += 1
            perBooth[wish.booth, default: 0] += 1
        }
        for (_, n) in perSeeker { #expect(n <= problem.perPerson) }
        for (b, n) in perBooth { #expect(n <= problem.booths[b].interviewers * problem.slots) }
        // Every wish is either scheduled or explained, never both.
        let scheduled = Set(plan.interviews.map(\.wish))
        #expect(scheduled.count + plan.unmet.count == problem.wishes.count)
        for (w, reason) in plan.unmet {
            #expect(!scheduled.contains(w))
            let wish = problem.wishes[w]
            switch reason {
            case .boothFull(let booth, let capacity, let byRank):
                #expect(booth == wish.booth)
                #expect(perBooth[booth, default: 0] == capacity && byRank.reduce(0, +) == capacity)
            case .personFull(let limit):
                #expect(perSeeker[wish.seeker, default: 0] == limit)
            case .boothClosed(let booth):
                #expect(problem.booths[booth].interviewers == 0 || problem.slots == 0)
            case .noCommonSlot:
                #expect(!problem.announced.isEmpty, "a clash can only come from announced interviews")
            }
        }
        #expect(plan.interviews.count <= plan.upperBound)
    }

    /// The most interviews any plan can hold, by trying every subset of wishes (small fairs only).
    static func bruteForceBest(_ problem: InterviewPlanner.Problem) -> Int {
        let n = problem.wishes.count
        var best = 0
        for mask in 0..<(1 << n) {
            let count = mask.nonzeroBitCount
            guard count > best else { continue }
            var perSeeker = [Int: Int](), perBooth = [Int: Int]()
            var fits = true
            for w in 0..<n where mask & (1 << w) != 0 {
                let wish = problem.wishes[w]
                perSeeker[wish.seeker, default: 0] += 1
                perBooth[wish.booth, default: 0] += 1
                if perSeeker[wish.seeker]! > min(problem.perPerson, problem.slots)
                    || perBooth[wish.booth]! > problem.booths[wish.booth].interviewers * problem.slots {
                    fits = false
                    break
                }
            }
            if fits { best = count }
        }
        return best
    }

    @Test func randomFairsKeepEveryRule() {
        var random = SplitMix64(seed: 2026)
        for round in 0..<300 {
            let problem = Self.randomProblem(&random, seekers: 1 + round % 40, booths: 1 + round % 7, slots: round % 5)
            Self.check(problem, InterviewPlanner.plan(problem))
        }
    }

    @Test func smallFairsScheduleAsManyAsTheBestPlan() {
        var random = SplitMix64(seed: 7)
        var compared = 0
        while compared < 200 {
            let problem = Self.randomProblem(&random, seekers: 5, booths: 3, slots: 1 + compared % 2, maxWishes: 3)
            guard problem.wishes.count <= 14 else { continue }
            let plan = InterviewPlanner.plan(problem)
            #expect(plan.interviews.count == Self.bruteForceBest(problem), "round \(compared)")
            compared += 1
        }
    }

    @Test func firstWishesComeFirstWhenTheCountIsTheSame() {
        // One slot at one booth with one interviewer; two people want it, one as a first wish.
        let problem = InterviewPlanner.Problem(
            seekers: 2, booths: [.init(name: "A", interviewers: 1)],
            wishes: [.init(seeker: 0, booth: 0, rank: 2, posting: "P1"), .init(seeker: 1, booth: 0, rank: 1, posting: "P1")],
            slots: 1, perPerson: 3)
        let plan = InterviewPlanner.plan(problem)
        #expect(plan.interviews.map(\.wish) == [1])
        #expect(plan.unmet.first?.reason == .boothFull(booth: 0, capacity: 1, byRank: [1, 0]))
    }

    /// A re-plan after wishes came and went keeps every announced interview whose wish remains at its
    /// time and interviewer, and still keeps every rule.
    @Test func replanningKeepsAnnouncedInterviewsWhereTheyWere() {
        var random = SplitMix64(seed: 99)
        for round in 0..<150 {
            let first = Self.randomProblem(&random, seekers: 10 + round % 30, booths: 2 + round % 5, slots: 2 + round % 4)
            let plan = InterviewPlanner.plan(first)
            // Some wishes withdrawn, some new ones added; the rest stay (and keep their index mapping).
            var wishes: [InterviewPlanner.Wish] = []
            var announced: [Int: InterviewPlanner.Placement] = [:]
            let placed = Dictionary(plan.interviews.map { ($0.wish, InterviewPlanner.Placement(slot: $0.slot, lane: $0.lane)) },
                                    uniquingKeysWith: { a, _ in a })
            for (w, wish) in first.wishes.enumerated() where random.next() % 5 != 0 {
                if let at = placed[w] { announced[wishes.count] = at }
                wishes.append(wish)
            }
            for _ in 0..<(round % 6) {
                let seeker = Int(random.next() % UInt64(first.seekers)), booth = Int(random.next() % UInt64(first.booths.count))
                guard !wishes.contains(where: { $0.seeker == seeker && $0.booth == booth }) else { continue }
                wishes.append(.init(seeker: seeker, booth: booth, rank: 1, posting: "P\(booth)"))
            }
            var second = first
            second.wishes = wishes
            second.announced = announced
            let again = InterviewPlanner.plan(second)
            Self.check(second, again)
            #expect(again.moved == 0, "round \(round): \(again.moved) announced interviews moved")
            #expect(again.kept == announced.count)
            for interview in again.interviews where announced[interview.wish] != nil {
                #expect(announced[interview.wish] == InterviewPlanner.Placement(slot: interview.slot, lane: interview.lane))
            }
        }
    }
}
