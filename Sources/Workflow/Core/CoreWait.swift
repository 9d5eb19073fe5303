import Foundation
import GRDB

/// `core.wait`: a step that waits until a time, for a span, or until a person signals it
/// (whichever comes first). The human steps of a campaign — "the gate is open",
/// "follow-up lasts 30 days" — are built on it until domain plugins take over.
struct CoreWait: StepAction {
    struct Input: Decodable, Sendable {
        var until: String?
        var `for`: String?
        var at: String?
        var signal: Bool
        var prompt: String?
    }

    static let descriptor = ActionDescriptor(
        name: "wait",
        summary: "Waits until a time, for a duration, or until someone runs `campaign signal` — whichever comes first.",
        parameters: [
            ParameterSpec("until", .dateTime, doc: "When the wait ends, e.g. 2026-03-01 17:00 (campaign time zone)."),
            ParameterSpec("for", .duration, doc: "How long to wait from the moment the step starts, e.g. 30d."),
            ParameterSpec("at", .string, doc: "Until the next time a cron schedule names, e.g. \"0 9 * * 1\" (next "
                          + "Monday 09:00, campaign time zone)."),
            ParameterSpec("signal", .boolean, default: .bool(false),
                          doc: "true: `campaign signal CAMPAIGN STEP` ends the wait (e.g. when the gate closes)."),
            ParameterSpec("prompt", .string, doc: "What the organizer should do meanwhile; shown by start and status."),
        ],
        outputs: OutputSpec.wakeOutputs,
        waitsForPeople: true,
        check: { given in
            let timed = given.has("until") || given.has("for") || given.has("at")
            var problems: [ParameterProblem] = []
            if [given.has("until"), given.has("for"), given.has("at")].filter({ $0 }).count > 1 {
                problems.append(ParameterProblem(parameter: given.has("at") ? "at" : "for", ParameterMessages.oneOfThree()))
            }
            if case .string(let cron) = given["at"] {
                do throws(CronExpression.Problem) {
                    _ = try CronExpression(cron)
                } catch {
                    problems.append(ParameterProblem(parameter: "at", ParameterMessages.cron(["text": cron]) + error.wording,
                                                     hint: error.hintWording))
                }
            }
            if !timed, !given.has("signal") || given["signal"] == .bool(false) {
                problems.append(ParameterProblem(parameter: nil, ParameterMessages.waitsForever(),
                                                 hint: ParameterMessages.waitsForeverHint()))
            }
            return problems
        }
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        var until = try context.deadline(until: input.until, for: input.for)
        if let at = input.at {
            do throws(CronExpression.Problem) {
                until = try CronExpression(at).next(after: context.clock.now(), in: context.timeZone)
            } catch {
                throw StepFailure(context.say(RunEventMessages.atCron(["text": at]) + error.wording))
            }
            guard until != nil else { throw StepFailure(context.say(RunEventMessages.cronNoTime(["text": at]))) }
        }
        let prompt = context.waitPrompt(input.prompt.map(Message.verbatim), signal: input.signal, until: until)
        return .waiting(Wait(until: until, signal: input.signal, message: prompt))
    }
}
