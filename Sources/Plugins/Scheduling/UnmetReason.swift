import Ledger
import Workflow

/// A left-out wish's reason in the words a clerk reads it in (`PlanWords`).
enum UnmetReason {
    static func words(_ reason: InterviewPlanner.Reason, posting: PostingSummary, booths: [InterviewPlanner.Booth],
                      perPerson: Int) -> Message {
        switch reason {
        case .boothFull(let booth, let capacity, let byRank):
            let taken = byRank.enumerated().filter { $0.element > 0 }.map { rank, count in
                (rank: min(rank, 8), count: String(count))
            }
            return Message(capacity == 1 ? PlanWords.boothFullOne : PlanWords.boothFull,
                           ["posting": posting.code, "booth": booths[booth].name, "capacity": String(capacity)],
                           words: ["taken": Message.joined(taken.map { taken in
                               Message(PlanWords.wishesOfRank, ["count": taken.count],
                                       words: ["rank": Message(PlanWords.wishRanks[taken.rank])])
                           }, separator: Punctuation.listComma)])
        case .personFull(let limit):
            return Message(PlanWords.personFull, ["limit": String(limit), "perPerson": String(perPerson)])
        case .noCommonSlot:
            return Message(PlanWords.noCommonSlot)
        case .boothClosed(let booth):
            return Message(PlanWords.boothClosed, ["booth": booths[booth].name])
        }
    }
}
