import CampaignTesting
import Foundation
import Scheduling
import Workflow
import WorkflowTesting

/// `campaign-bench schedule`: the interview planner at a city fair's size — 60 booths with 300
/// postings, 8,000 job seekers with up to 3 ranked wishes, 2 interviewers a booth, 10-minute slots
/// over 6 hours (36 slots) — timed in-process, the median of several runs. It prints the interviews
/// scheduled beside the upper bound (what booths and people allow at most) and the slots used,
/// and checks the plan: nobody twice in a slot, no interviewer double-booked, every wish placed or
/// explained.
enum ScheduleBenchmark {
    static func problem(seekers: Int, booths: Int, postingsPerBooth: Int, slots: Int) -> InterviewPlanner.Problem {
        var random = SplitMix64(seed: 2026)
        let boothList = (0..<booths).map { InterviewPlanner.Booth(name: "企业\($0 + 1)", interviewers: 2) }
        // Popular booths draw more wishes: a booth is picked with weight 1/(1 + its index / 6).
        let weights = (0..<booths).map { 1 / (1 + Double($0) / 6) }
        let total = weights.reduce(0, +)
        func pickBooth() -> Int {
            var x = Double(random.next() % 1_000_000) / 1_000_000 * total
            for (b, w) in weights.enumerated() {
                x -= w
                if x <= 0 { return b }
            }
            return booths - 1
        }
        var wishes: [InterviewPlanner.Wish] = []
        for s in 0..<seekers {
            let count = 1 + Int(random.next() % 3)
            var seen = Set<Int>()
            var rank = 1
            for _ in 0..<count {
                let booth = pickBooth()
                guard seen.insert(booth).inserted else { continue }
                let posting = booth * postingsPerBooth + Int(random.next() % UInt64(postingsPerBooth))
                wishes.append(.init(seeker: s, booth: booth, rank: rank, posting: String(format: "P%03d", posting)))
                rank += 1
            }
        }
        return .init(seekers: seekers, booths: boothList, wishes: wishes, slots: slots, perPerson: 3)
    }

    static func run(repetitions: Int, seekers: Int) throws {
        let booths = 60, slots = 36
        let problem = problem(seekers: seekers, booths: booths, postingsPerBooth: 5, slots: slots)
        print("schedule benchmark — \(booths) booths, \(booths * 5) postings, \(seekers.formatted()) seekers, "
              + "\(problem.wishes.count.formatted()) ranked wishes, 2 interviewers a booth, \(slots) slots of 10 min")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; median of \(repetitions) runs\n")
        var times: [Duration] = []
        var plan: InterviewPlanner.Plan?
        let clock = ContinuousClock()
        for _ in 0..<repetitions {
            let start = clock.now
            plan = InterviewPlanner.plan(problem)
            times.append(clock.now - start)
        }
        guard let plan else { return }
        try verify(problem, plan)
        times.sort()
        let byRank = (1...3).map { rank in plan.interviews.filter { problem.wishes[$0.wish].rank == rank }.count }
        print(String(format: "planned in %.0f ms (median; min %.0f, max %.0f)", times[times.count / 2].seconds * 1000,
                     times[0].seconds * 1000, times[times.count - 1].seconds * 1000))
        print("interviews scheduled: \(plan.interviews.count.formatted()) of an upper bound of \(plan.upperBound.formatted()) "
              + "(first wishes \(byRank[0]), second \(byRank[1]), third \(byRank[2])); slots used: \(plan.slotsUsed) of \(slots)")
        print("wishes left out, each with its reason: \(plan.unmet.count.formatted())")
        BenchFigures.record("schedule.optimum", Double(plan.interviews.count) / Double(max(plan.upperBound, 1)), .higher, target: 1,
                            meaning: "interviews planned ÷ their upper bound (the plan's quality)")
        BenchFigures.record("schedule.ms", times[times.count / 2].seconds * 1000, .lower, target: 1000,
                            meaning: "planning time, ms (absolute: the issue's budget)")
    }

    /// The plan keeps every rule, or the benchmark fails (exit 70).
    static func verify(_ problem: InterviewPlanner.Problem, _ plan: InterviewPlanner.Plan) throws {
        var seekerSlot = Set<[Int]>(), laneSlot = Set<[Int]>()
        for interview in plan.interviews {
            let wish = problem.wishes[interview.wish]
            guard seekerSlot.insert([wish.seeker, interview.slot]).inserted,
                  laneSlot.insert([wish.booth, interview.lane, interview.slot]).inserted else {
                throw WorkflowError.internal("the plan books someone twice in a slot")
            }
        }
        guard plan.interviews.count + plan.unmet.count == problem.wishes.count,
              plan.interviews.count <= plan.upperBound else {
            throw WorkflowError.internal("the plan loses wishes or exceeds its bound")
        }
    }
}
