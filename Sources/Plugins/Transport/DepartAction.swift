import Checkin
import Foundation
import GRDB
import Workflow

/// `transport.depart`: one batch's departure (a day and a destination) as a human step — the escort
/// confirms the buses left with a signal (`campaign signal CAMPAIGN depart --day D` confirms a whole
/// morning). From then on a board scan of that batch's passengers is refused, saying when the bus left
/// (a manager may still let someone through, recorded). Its outputs are who boarded and who did not.
struct DepartAction: StepAction {
    struct Input: Decodable, Sendable {
        var day: String
        var destination: String
        var prompt: String?
    }

    static let descriptor = ActionDescriptor(
        name: "depart",
        summary: "A batch's departure: waits for the escort's signal, then refuses boarding onto it.",
        parameters: [
            ParameterSpec("day", .string, required: true, doc: "The batch's day, e.g. ${{ item.day }} over the roster's batch_list."),
            ParameterSpec("destination", .string, required: true, doc: "The batch's destination, e.g. ${{ item.destination }}."),
            ParameterSpec("prompt", .string, doc: "What the escort is asked to confirm; shown by start and status."),
        ],
        outputs: [
            OutputSpec("seated", doc: "Passengers seated on the batch's buses."),
            OutputSpec("boarded", doc: "Of them, scanned on at the board door before the departure."),
            OutputSpec("missing", doc: "Seated and never scanned on: no-shows."),
        ],
        waitsForPeople: true
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        let prompt = input.prompt.map(Message.verbatim)
            ?? TransportStepMessages.departPrompt(["day": input.day, "destination": input.destination])
        return .waiting(Wait(signal: true, message: prompt + TransportStepMessages.departCommand(["command": context.signalCommand])))
    }

    func wake(_ db: Database, _ wake: Wake, input: Input, context: StepContext) throws -> StepOutcome {
        let seated = try TransportRecords.seats(db, campaign: context.campaign)
            .filter { $0.value.departsOn == input.day && $0.value.destination == input.destination }.map(\.key).sorted()
        let boarded = Set(try Scans.accepted(db, campaign: context.campaign, checkpoint: BusCheckpoint.board.rawValue).keys)
        try AdmissionDays.close(db, campaign: context.campaign, checkpoint: BusCheckpoint.board.rawValue, people: seated,
                                at: context.format(context.clock.now()))
        let on = seated.filter { boarded.contains($0) }.count
        return .completed(outputs: ["seated": .int(seated.count), "boarded": .int(on), "missing": .int(seated.count - on)])
    }
}
