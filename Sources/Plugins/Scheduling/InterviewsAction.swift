import Foundation
import GRDB
import Ledger
import Workflow

/// `schedule.interviews`: plans the fair's interviews from the job seekers' ranked wishes — as many
/// as the booths' interviewers and the fair's hours allow, earlier wishes first, nobody in two
/// places at once — and records every wish left out with its reason. The plan replaces the last one;
/// an interview that moves gets a higher iCalendar SEQUENCE, so calendars update it.
struct InterviewsAction: StepAction {
    struct Input: Decodable, Sendable {
        var hours: String
        var slot: String
        var breaks: [String]?
        var interviewers: Int
        var per_person: Int
    }

    static let descriptor = ActionDescriptor(
        name: "interviews",
        summary: "Plans interview slots from job seekers' ranked wishes: the most interviews possible, earlier wishes "
            + "first, each left-out wish with its reason.",
        parameters: [
            ParameterSpec("hours", .string, required: true, doc: "When interviews run, e.g. 09:00-15:00 (the fair's day)."),
            ParameterSpec("slot", .duration, default: .string("10m"), doc: "The length of one interview."),
            ParameterSpec("breaks", .stringList, doc: "Spans without interviews, e.g. [12:00-12:30]."),
            ParameterSpec("interviewers", .integer, default: .int(2), doc: "Interviews each booth runs at once."),
            ParameterSpec("per_person", .integer, default: .int(3), doc: "The most interviews one job seeker is given."),
        ],
        outputs: [
            OutputSpec("interviews", doc: "Interviews scheduled."),
            OutputSpec("wishes", doc: "Wishes considered."),
            OutputSpec("unmet", doc: "Wishes left out (each with its reason: `campaign interviews --unmet`)."),
            OutputSpec("upper_bound", doc: "The most any plan could hold (booths' and people's limits)."),
            OutputSpec("slots", doc: "Slots in the fair's hours."),
            OutputSpec("slots_used", doc: "Slots holding at least one interview."),
            OutputSpec("kept", doc: "Interviews of the last plan kept at their time and interviewer."),
            OutputSpec("moved", doc: "Interviews of the last plan moved or dropped (their time is gone, or their wish)."),
        ],
        check: { given in
            var problems: [ParameterProblem] = []
            if case .string(let hours) = given["hours"], case .failure(let why) = FairHours.span(hours) {
                problems.append(ParameterProblem(parameter: "hours", ParameterMessages.named(["name": "hours"]) + why.wording))
            }
            if case .array(let breaks) = given["breaks"] {
                for case .string(let span) in breaks {
                    if case .failure(let why) = FairHours.span(span) {
                        problems.append(ParameterProblem(parameter: "breaks", ParameterMessages.named(["name": "breaks"]) + why.wording))
                    }
                }
            }
            for name in ["interviewers", "per_person"] {
                if case .int(let n) = given[name], !(0...50).contains(n) {
                    problems.append(ParameterProblem(parameter: name, ParameterMessages.outOfRange(
                        ["name": name, "low": "0", "high": "50", "value": "\(n)"])))
                }
            }
            return problems
        }
    )

    struct Prepared: Sendable {
        var rows: [InterviewRow]
        var unmet: [UnmetRow]
        var outputs: [String: Value]
    }

    func prepare(_ input: Input, context: StepContext) async throws -> Prepared {
        let (starts, length) = try Self.slots(input, context: context)
        let campaign = context.campaign
        let (wishes, offered, day, previous) = try await context.reader.read { db in
            (try WishRecord.all(db, campaign: campaign), try Postings.offered(db, at: campaign),
             try RunQueries.requireRun(db, campaign).heldDay,
             try InterviewRow.previous(db, campaign: campaign))
        }
        guard let midnight = TimeFormats.dateTime(day, timeZone: context.timeZone) else {
            throw StepFailure(context.say(ParameterMessages.dayUnreadable(["day": day])), retryable: false)
        }
        let postingByID = Dictionary(offered.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let kept = wishes.filter { postingByID[$0.posting] != nil }
        let problem = Self.problem(kept, postings: postingByID, people: Array(Set(wishes.map(\.person))).sorted(),
                                   previous: previous, midnight: midnight, starts: starts, input: input)
        context.progress.report(done: 0, total: kept.count, unit: "wishes")
        let plan = InterviewPlanner.plan(problem)
        let rows = plan.interviews.map { interview -> InterviewRow in
            let wish = kept[interview.wish]
            let start = midnight.addingTimeInterval(Double(starts[interview.slot] * 60))
            let old = previous[[wish.person, wish.posting]]
            let moved = old.map { $0.startsAt != start } ?? false
            return InterviewRow(person: wish.person, posting: wish.posting, rank: wish.rank, startsAt: start,
                                endsAt: start.addingTimeInterval(Double(length * 60)), interviewer: interview.lane + 1,
                                sequence: (old?.sequence ?? 0) + (moved ? 1 : 0))
        }
        let unmet = plan.unmet.map { entry -> UnmetRow in
            let wish = kept[entry.wish]
            let reason = UnmetReason.words(entry.reason, posting: postingByID[wish.posting]!, booths: problem.booths,
                                           perPerson: input.per_person)
            return UnmetRow(person: wish.person, posting: wish.posting, rank: wish.rank, reasonZh: reason.text(.zh),
                            reasonEn: reason.text(.en))
        }
        context.progress.report(done: kept.count, total: kept.count, unit: "wishes")
        if kept.count < wishes.count {
            context.note(context.say(SchedulingStepMessages.wishesLeftAside,
                                     ["count": String(wishes.count - kept.count), "campaign": campaign]))
        }
        return Prepared(rows: rows, unmet: unmet, outputs: [
            "interviews": .int(rows.count), "wishes": .int(kept.count), "unmet": .int(unmet.count),
            "upper_bound": .int(plan.upperBound), "slots": .int(starts.count), "slots_used": .int(plan.slotsUsed),
            "kept": .int(plan.kept), "moved": .int(previous.count - plan.kept),
        ])
    }

    /// The fair's slots (minutes from midnight each starts at) from `hours`, `breaks` and `slot`, and a slot's length.
    static func slots(_ input: Input, context: StepContext) throws -> (starts: [Int], length: Int) {
        guard case .success(let open) = FairHours.span(input.hours) else {
            throw StepFailure(context.say(ParameterMessages.notASpan(["name": "hours", "example": "09:00-15:00"])), retryable: false)
        }
        let breaks = try (input.breaks ?? []).map { text -> ClosedRange<Int> in
            guard case .success(let span) = FairHours.span(text) else {
                throw StepFailure(context.say(ParameterMessages.notASpanValue(["name": "breaks", "text": text, "example": "12:00-12:30"])),
                                  retryable: false)
            }
            return span
        }
        guard let length = TimeFormats.duration(input.slot).map({ Int($0.seconds / 60) }), length >= 1 else {
            throw StepFailure(context.say(ParameterMessages.atLeastAMinute(["name": "slot"])), retryable: false)
        }
        return (FairHours(opens: open.lowerBound, closes: open.upperBound, breaks: breaks).slotStarts(length: length), length)
    }

    /// The planner's problem: one booth per enterprise offering the wished postings, one seeker per person
    /// who wished, and the last plan's interviews kept at their time and interviewer where that time is
    /// still a slot.
    static func problem(_ kept: [WishRecord], postings postingByID: [Int64: PostingSummary], people: [Int64],
                        previous: [[Int64]: InterviewRow],
                        midnight: Date, starts: [Int], input: Input) -> InterviewPlanner.Problem {
        let boothCodes = Array(Set(postingByID.values.map(\.creditCode))).sorted()
        let boothIndex = Dictionary(boothCodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let boothNames = Dictionary(postingByID.values.map { ($0.creditCode, $0.enterprise) }, uniquingKeysWith: { first, _ in first })
        let seekerIndex = Dictionary(people.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let slotAt = Dictionary(starts.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var announced: [Int: InterviewPlanner.Placement] = [:]
        for (w, wish) in kept.enumerated() {
            guard let old = previous[[wish.person, wish.posting]] else { continue }
            let minute = Int(old.startsAt.timeIntervalSince(midnight) / 60)
            if let slot = slotAt[minute] { announced[w] = .init(slot: slot, lane: old.interviewer - 1) }
        }
        return InterviewPlanner.Problem(
            seekers: people.count,
            booths: boothCodes.map { .init(name: boothNames[$0] ?? $0, interviewers: input.interviewers) },
            wishes: kept.map { wish in
                let posting = postingByID[wish.posting]!
                return .init(seeker: seekerIndex[wish.person]!, booth: boothIndex[posting.creditCode]!, rank: wish.rank,
                             posting: posting.code)
            },
            slots: starts.count, perPerson: input.per_person, announced: announced)
    }

    func commit(_ db: Database, _ prepared: Prepared, input: Input, context: StepContext) throws -> StepOutcome {
        try InterviewRow.replace(db, campaign: context.campaign, rows: prepared.rows, unmet: prepared.unmet)
        return .completed(outputs: prepared.outputs)
    }
}
