import Foundation
import GRDB
import Ledger
import Workflow

/// `training.class`: declares one class of the campaign — its trade (工种), base (培训基地), sessions,
/// capacity, completion rule and whether it is subsidised. Running it again updates the class; the
/// people enrolled stay.
struct ClassAction: StepAction {
    struct Input: Decodable, Sendable {
        var id: String
        var trade: String
        var base: String
        var mode: String?
        var capacity: Int
        var sessions: Int
        var schedule: [String]?
        var completion: Double
        var subsidised: Bool
    }

    static let descriptor = ActionDescriptor(
        name: "class",
        summary: "Declares a training class: trade, base, sessions, capacity, completion rule, subsidy.",
        parameters: [
            ParameterSpec("id", .string, required: true, doc: "The class's short name, e.g. zl-01: sheets and steps name it."),
            ParameterSpec("trade", .string, required: true, doc: "The trade taught (工种), e.g. 足部修护师."),
            ParameterSpec("base", .string, required: true, doc: "The training base (培训基地), e.g. 县职业技能培训中心."),
            ParameterSpec("mode", .string, doc: "订单培训, 定向培训 or another word the county uses (reports show it)."),
            ParameterSpec("capacity", .integer, default: .int(40), doc: "Places in the class."),
            ParameterSpec("sessions", .integer, required: true, doc: "Sessions (课次) the class holds."),
            ParameterSpec("schedule", .stringList, doc: "The sessions' days in order, e.g. [2026-03-02, 2026-03-03, …]; "
                          + "an attendance sheet may then name a session by its day."),
            ParameterSpec("completion", .number, default: .double(0.8),
                          doc: "The share of sessions a trainee attends to complete the class (0.8: 8 of 10)."),
            ParameterSpec("subsidised", .boolean, default: .bool(true), doc: "Whether the class is 补贴性培训."),
        ],
        outputs: [
            OutputSpec("class", doc: "The class's id."),
            OutputSpec("required_sessions", doc: "Sessions a trainee attends to complete it."),
        ],
        check: { given in
            var problems: [ParameterProblem] = []
            for (name, range) in [("capacity", 1...10_000), ("sessions", 1...1_000)] {
                if case .int(let n) = given[name], !range.contains(n) {
                    problems.append(ParameterProblem(parameter: name, ParameterMessages.outOfRange(
                        ["name": name, "low": "\(range.lowerBound)", "high": "\(range.upperBound)", "value": "\(n)"])))
                }
            }
            let share: Double? = switch given["completion"] {
            case .double(let d)?: d
            case .int(let n)?: Double(n)
            default: nil
            }
            if let share, !(share > 0 && share <= 1) {
                problems.append(ParameterProblem(parameter: "completion", TrainingMessages.completionShare(["value": "\(share)"])))
            }
            return problems
        }
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        // Checked again here: a value given by an expression was not seen at validation.
        for (name, value, range) in [("capacity", input.capacity, 1...10_000), ("sessions", input.sessions, 1...1_000)]
        where !range.contains(value) {
            throw StepFailure(context.say(ParameterMessages.outOfRange, ["name": name, "low": "\(range.lowerBound)",
                                                                         "high": "\(range.upperBound)", "value": "\(value)"]))
        }
        guard input.completion > 0 && input.completion <= 1 else {
            throw StepFailure(context.say(TrainingMessages.completionShare, ["value": "\(input.completion)"]))
        }
        var days: [String] = []
        for text in input.schedule ?? [] {
            guard let day = SheetDate.parse(text) else {
                throw StepFailure(context.say(TrainingMessages.notADay, ["value": text]), retryable: false)
            }
            days.append(day)
        }
        if !days.isEmpty && days.count != input.sessions {
            throw StepFailure(context.say(TrainingMessages.scheduleLength, ["days": "\(days.count)", "sessions": "\(input.sessions)"]),
                              retryable: false)
        }
        let trainingClass = TrainingClass(id: input.id, trade: input.trade, base: input.base, mode: input.mode ?? "",
                                          capacity: input.capacity, sessions: input.sessions, schedule: days,
                                          completion: input.completion, subsidised: input.subsidised)
        try db.execute(sql: """
            INSERT INTO training_class (campaign, class, trade, base, mode, capacity, sessions, schedule, completion, subsidised)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (campaign, class) DO UPDATE SET trade = excluded.trade, base = excluded.base, mode = excluded.mode,
                capacity = excluded.capacity, sessions = excluded.sessions, schedule = excluded.schedule,
                completion = excluded.completion, subsidised = excluded.subsidised
            """, arguments: [context.campaign, input.id, input.trade, input.base, trainingClass.mode, input.capacity,
                             input.sessions, days.joined(separator: ","), input.completion, input.subsidised])
        return .completed(outputs: ["class": .string(input.id), "required_sessions": .int(trainingClass.requiredSessions)])
    }
}
