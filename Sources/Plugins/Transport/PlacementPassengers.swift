import Foundation
import GRDB
import Ledger
import Outcomes
import Workflow

/// `transport.import-placements`: makes passengers of a job fair's placed workers whose enterprise is
/// not local — its address names none of the `local` places — registering them to this campaign,
/// bound for that enterprise on `departs_on`, picked up at their township's point (`pickups:`).
/// Someone already a passenger keeps what the passenger list says; run it again after more
/// placements and only the new ones are added.
struct PlacementPassengers: StepAction {
    struct Input: Decodable, Sendable {
        var from: String
        var local: [String]
        var departs_on: String
        var pickups: [String: String]?
        var provinces: [String: String]?
    }

    static let descriptor = ActionDescriptor(
        name: "import-placements",
        summary: "Adds a job fair's placed workers whose enterprise is far away as passengers of this bus campaign.",
        parameters: [
            ParameterSpec("from", .string, required: true, doc: "The job fair campaign whose placements travel, e.g. spring-fair-2026."),
            ParameterSpec("local", .stringList, required: true,
                          doc: "Places whose enterprises are local (no bus), matched in the address, e.g. [示范县]."),
            ParameterSpec("departs_on", .string, required: true, doc: "Their departure day, e.g. 2026-02-20."),
            ParameterSpec("pickups", .object, doc: "Township → pickup point, e.g. { 城关镇: 城关镇政府 }; default the township."),
            ParameterSpec("provinces", .object, doc: "City → province for addresses that name no province, e.g. { 宁波市: 浙江省 }."),
        ],
        outputs: [
            OutputSpec("added", doc: "Placed workers added as passengers."),
            OutputSpec("already", doc: "Placed workers who were passengers already (left as they are)."),
            OutputSpec("local", doc: "Placed workers whose enterprise is local."),
            OutputSpec("unknown_province", doc: "Passengers added whose destination's province is unknown (the subsidy needs it)."),
        ],
        check: { given in
            if case .string(let day) = given["departs_on"], !day.contains("${{"), SheetDate.parse(day) == nil {
                return [ParameterProblem(parameter: "departs_on", ParameterMessages.notADate(["name": "departs_on", "text": day]))]
            }
            return []
        }
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        guard let day = SheetDate.parse(input.departs_on) else {
            throw StepFailure(context.say(ParameterMessages.notADate(["name": "departs_on", "text": input.departs_on])), retryable: false)
        }
        guard try RunQueries.run(db, named: input.from) != nil else {
            throw StepFailure(context.say(TransportStepMessages.noSuchFair, ["from": input.from]), retryable: false)
        }
        let placements = try OutcomeRecorder.placements(db, campaign: input.from)
        let postings = try Postings.summaries(db, ids: placements.map(\.posting))
        let enterprises = Dictionary(try Enterprises.invited(db, at: input.from).map { ($0.creditCode, $0) },
                                     uniquingKeysWith: { first, _ in first })
        let people = try People.summaries(db, ids: placements.map(\.person))
        var added = 0, already = 0, local = 0, unknown = 0
        let now = context.clock.now()
        for placement in placements {
            guard let posting = postings[placement.posting], let person = people[placement.person] else { continue }
            let address = enterprises[posting.creditCode]?.address ?? ""
            if input.local.contains(where: { !$0.isEmpty && address.contains($0) }) { local += 1; continue }
            if try TransportRecords.isPassenger(db, person.id, campaign: context.campaign) { already += 1; continue }
            let place = DestinationPlace(address: address, provinces: input.provinces ?? [:])
            try Registrations.register(db, person.id, campaign: context.campaign, channel: "placement", now: now)
            try TransportRecords.addPassenger(
                db, PassengerRecord(person: person.id, pickup: input.pickups?[person.township] ?? person.township,
                                destination: posting.enterprise, city: place.city, province: place.province, departsOn: day,
                                withdrawn: false),
                campaign: context.campaign, source: "placements of \(input.from)", now: now)
            added += 1
            if place.province.isEmpty { unknown += 1 }
        }
        if unknown > 0 {
            context.note(context.say(TransportStepMessages.noProvince, ["count": String(unknown)]))
        }
        return .completed(outputs: ["added": .int(added), "already": .int(already), "local": .int(local),
                                    "unknown_province": .int(unknown)])
    }
}
