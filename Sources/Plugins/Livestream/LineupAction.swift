import Foundation
import GRDB
import Ledger
import Workflow

/// `livestream.lineup` (`schedule.stream` before 2026-12): the livestream's line-up from the postings the campaign offers (or those named):
/// enterprise by enterprise, most openings first, `minutes` each, hosts taking turns; refused, with
/// what to change, when it does not fit the stream's `length`. The line-up is kept for the run sheet.
struct LineupAction: StepAction {
    struct Input: Decodable, Sendable {
        var length: String
        var minutes: Int
        var hosts: [String]?
        var postings: [String]?
        var opening: Int
    }

    static let descriptor = ActionDescriptor(
        name: "lineup",
        summary: "Plans a livestream's line-up (order, minutes per posting, host) and checks it fits the stream.",
        parameters: [
            ParameterSpec("length", .duration, required: true, doc: "The stream's length, e.g. 2h."),
            ParameterSpec("minutes", .integer, default: .int(5), doc: "Minutes per posting."),
            ParameterSpec("hosts", .stringList, doc: "Hosts taking turns, enterprise by enterprise."),
            ParameterSpec("postings", .stringList, doc: "The postings to present (codes); default every posting offered."),
            ParameterSpec("opening", .integer, default: .int(5), doc: "Minutes of welcome before the first posting."),
        ],
        outputs: [
            OutputSpec("postings", doc: "Postings in the line-up."),
            OutputSpec("minutes", doc: "Minutes the line-up takes, the opening included."),
            OutputSpec("spare", doc: "Minutes of the stream left over."),
            OutputSpec("lineup", doc: "The line-up, for the run sheet: order, start minute, code, title, enterprise, host."),
        ],
        check: { given in
            if case .int(let n) = given["minutes"], !(1...60).contains(n) {
                return [ParameterProblem(parameter: "minutes", ParameterMessages.outOfRange(
                    ["name": "minutes", "low": "1", "high": "60", "value": "\(n)"]))]
            }
            return []
        }
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        guard let length = TimeFormats.duration(input.length).map({ Int($0.seconds / 60) }), length >= 1 else {
            throw StepFailure(context.say(ParameterMessages.atLeastAMinuteLike(["name": "length", "example": "2h"])), retryable: false)
        }
        let offered = try Postings.offered(db, at: context.campaign)
        var chosen = offered
        if let codes = input.postings {
            let byCode = Dictionary(offered.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            let unknown = codes.filter { byCode[$0] == nil }
            guard unknown.isEmpty else {
                throw StepFailure(context.say(LineupMessages.notOffered,
                                              ["codes": unknown.joined(separator: ", "), "campaign": context.campaign]),
                                  retryable: false)
            }
            chosen = codes.compactMap { byCode[$0] }
        }
        guard !chosen.isEmpty else {
            throw StepFailure(context.say(LineupMessages.noPostings, ["campaign": context.campaign]), retryable: false)
        }
        let items = chosen.map { StreamLineup.Item(code: $0.code, title: $0.title, enterprise: $0.enterprise, openings: $0.openings) }
        switch StreamLineup.plan(items, minutes: input.minutes, length: length, hosts: input.hosts ?? [], opening: input.opening) {
        case .failure(let problem):
            throw StepFailure(problem.words.text(context.language), retryable: false)
        case .success(let slots):
            try StreamLineupRecords.replace(db, campaign: context.campaign, slots: slots)
            let used = input.opening + slots.count * input.minutes
            return .completed(outputs: [
                "postings": .int(slots.count), "minutes": .int(used), "spare": .int(length - used),
                "lineup": .array(slots.map { slot in
                    .object(["order": .int(slot.order), "start_minute": .int(slot.startMinute), "code": .string(slot.item.code),
                             "title": .string(slot.item.title), "enterprise": .string(slot.item.enterprise),
                             "host": .string(slot.host)])
                }),
            ])
        }
    }
}
