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
        var layout = Layout(problem)
        layout.placeAnnounced()
        for w in layout.chooseByFlow() { layout.place(w) }
        layout.offerWhatClashesLeft()
        // Read the slots once all are placed: a later swap may move an earlier new interview.
        let interviews = layout.placed.map { Interview(wish: $0.wish, slot: layout.colouring.colour[$0.edge], lane: $0.lane) }
        let keptInPlace = interviews.filter { problem.announced[$0.wish] == Placement(slot: $0.slot, lane: $0.lane) }.count
        return Plan(interviews: interviews, unmet: layout.reasons(for: interviews),
                    upperBound: min(layout.seekerLimit.reduce(0, +), layout.boothCapacity.reduce(0, +)),
                    slotsUsed: Set(interviews.map(\.slot)).count, kept: keptInPlace,
                    moved: problem.announced.count - keptInPlace)
    }
}
