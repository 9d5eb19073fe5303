import Foundation
import GRDB
import Ledger
import Workflow

/// `livestream.follow-up`: a human step — every lead gets a call-back task, given to staff fairly
/// (the fewest today first, at most `quota` each a day); a lead not reached comes back after
/// `retry_after`, up to `attempts` calls. The step wakes when retries come due and each morning (the
/// day's quota; calls recorded since), and completes when it finds every lead settled, when the period
/// (`for`) ends, or on a signal.
struct FollowUpAction: StepAction {
    struct Input: Decodable, Sendable {
        var staff: [String]
        var quota: Int
        var retry_after: String
        var attempts: Int
        var `for`: String
    }

    static let descriptor = ActionDescriptor(
        name: "follow-up",
        summary: "Gives every lead a call-back task, fairly among staff with a daily quota, retrying the unreached; "
            + "ends when every lead is settled or the period ends.",
        parameters: [
            ParameterSpec("staff", .stringList, required: true, doc: "Who calls back (staff names, as `campaign staff add` knows them)."),
            ParameterSpec("quota", .integer, default: .int(40), doc: "The most tasks one staff member is given a day."),
            ParameterSpec("retry_after", .duration, default: .string("1d"), doc: "When a lead not reached is called again."),
            ParameterSpec("attempts", .integer, default: .int(3), doc: "Calls to a lead before it counts as not reached."),
            ParameterSpec("for", .duration, default: .string("7d"), doc: "The call-back period."),
        ],
        outputs: [
            OutputSpec("leads", doc: "Leads to call."),
            OutputSpec("settled", doc: "Leads settled (reached, booked, wrong number, not interested, or out of attempts)."),
            OutputSpec("reached", doc: "Leads reached (booked and not interested included)."),
            OutputSpec("booked", doc: "Interviews booked."),
            OutputSpec("not_reached", doc: "Leads whose last call did not reach them."),
            OutputSpec("wrong_number", doc: "Leads with a wrong number."),
            OutputSpec("open", doc: "Leads still to call when the step ended."),
            OutputSpec("ended_by", doc: "settled, time or signal."),
        ],
        waitsForPeople: true,
        check: { given in
            var problems: [ParameterProblem] = []
            for (name, range) in [("quota", 1...1_000), ("attempts", 1...10)] {
                if case .int(let n) = given[name], !range.contains(n) {
                    problems.append(ParameterProblem(parameter: name, ParameterMessages.outOfRange(
                        ["name": name, "low": "\(range.lowerBound)", "high": "\(range.upperBound)", "value": "\(n)"])))
                }
            }
            if case .array(let staff) = given["staff"], staff.isEmpty {
                problems.append(ParameterProblem(parameter: "staff", LivestreamMessages.nobodyToCall()))
            }
            return problems
        }
    )

    func desk(_ input: Input, context: StepContext) throws -> CallDesk {
        guard let retry = TimeFormats.duration(input.retry_after)?.seconds, retry > 0 else {
            throw StepFailure(context.say(ParameterMessages.durationLike(["name": "retry_after", "example": "1d, 4h"])), retryable: false)
        }
        return CallDesk(campaign: context.campaign, assigner: CallAssigner(staff: input.staff, quota: input.quota),
                        attempts: input.attempts, retryAfter: retry, timeZone: context.timeZone)
    }

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        guard let period = TimeFormats.duration(input.for)?.seconds, period > 0 else {
            throw StepFailure(context.say(ParameterMessages.durationLike(["name": "for", "example": "7d"])), retryable: false)
        }
        let now = context.clock.now()
        try db.execute(sql: """
            INSERT INTO livestream_followup (campaign, ends_at) VALUES (?, ?)
            ON CONFLICT (campaign) DO UPDATE SET ends_at = excluded.ends_at
            """, arguments: [context.campaign, now.addingTimeInterval(period)])
        return try step(db, input, context: context, now: now)
    }

    func wake(_ db: Database, _ wake: Wake, input: Input, context: StepContext) throws -> StepOutcome {
        let desk = try desk(input, context: context)
        if case .signal = wake { return completed(try desk.standing(db), endedBy: "signal") }
        return try step(db, input, context: context, now: context.clock.now())
    }

    /// Gives out what is due, then completes or waits until the next retry, the next morning (tasks
    /// queued over the quota) or the period's end, whichever comes first.
    private func step(_ db: Database, _ input: Input, context: StepContext, now: Date) throws -> StepOutcome {
        let desk = try desk(input, context: context)
        let ends = try Date.fetchOne(db, sql: "SELECT ends_at FROM livestream_followup WHERE campaign = ?",
                                     arguments: [context.campaign]) ?? now
        let (standing, nextRetry) = try desk.dispatch(db, now: now)
        if standing.leads > 0, standing.settled == standing.leads { return completed(standing, endedBy: "settled") }
        if now >= ends { return completed(standing, endedBy: "time") }
        var wakeAt = ends
        if let nextRetry { wakeAt = min(wakeAt, nextRetry) }
        // Each morning: give out the day's quota, and notice when the calls recorded since settled every lead.
        if let morning = Self.nextMorning(after: now, in: context.timeZone) { wakeAt = min(wakeAt, morning) }
        return .waiting(Wait(until: wakeAt, signal: true, message: LivestreamMessages.callsPrompt([
            "open": "\(standing.open)", "leads": "\(standing.leads)", "settled": "\(standing.settled)",
            "campaign": context.campaign, "command": context.signalCommand])))
    }

    private func completed(_ s: CallDesk.Standing, endedBy: String) -> StepOutcome {
        .completed(outputs: ["leads": .int(s.leads), "settled": .int(s.settled), "reached": .int(s.reached + s.booked + s.notInterested),
                             "booked": .int(s.booked), "not_reached": .int(s.notReached), "wrong_number": .int(s.wrongNumber),
                             "open": .int(s.open), "ended_by": .string(endedBy)])
    }

    static func nextMorning(after date: Date, in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.nextDate(after: date, matching: DateComponents(hour: 8, minute: 0), matchingPolicy: .nextTime)
    }
}
