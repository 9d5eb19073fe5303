import Foundation
import GRDB
import Ledger
import Workflow

/// `transport.departures` (`schedule.departures` before 2026-12): groups a bus campaign's passengers into departures — per destination, on
/// the days buses run, each leaving on their wished day or up to `earlier` departure days before it —
/// with as few buses as any grouping allows (the lower bound is printed beside), and gives each
/// passenger their travel day for `transport.roster`.
struct DeparturesAction: StepAction {
    struct Input: Decodable, Sendable {
        var days: [String]
        var earlier: Int
        var capacity: Int?
    }

    static let descriptor = ActionDescriptor(
        name: "departures",
        summary: "Groups bus passengers' travel days into departures per destination (fewest buses), for the roster.",
        parameters: [
            ParameterSpec("days", .stringList, required: true, doc: "The days buses run, e.g. [2026-02-20, 2026-02-22]."),
            ParameterSpec("earlier", .integer, default: .int(1),
                          doc: "How many departure days before their wished day a passenger may leave (0: only on it)."),
            ParameterSpec("capacity", .integer,
                          doc: "Passengers per bus; default the largest of the campaign's vehicles (seats minus crew)."),
        ],
        outputs: [
            OutputSpec("passengers", doc: "Passengers given a departure."),
            OutputSpec("batches", doc: "Departures (a day and a destination)."),
            OutputSpec("buses", doc: "Buses the departures need at `capacity`."),
            OutputSpec("lower_bound", doc: "The fewest buses any grouping could need."),
            OutputSpec("earlier", doc: "Passengers leaving before their wished day, to fill a bus."),
            OutputSpec("unplaced", doc: "Passengers with no departure day on or before their wish (their day is unchanged)."),
            OutputSpec("changed", doc: "Passengers whose travel day changed."),
        ],
        check: { given in
            var problems: [ParameterProblem] = []
            if case .array(let days) = given["days"] {
                for case .string(let day) in days where !day.contains("${{") && SheetDate.parse(day) == nil {
                    problems.append(ParameterProblem(parameter: "days", ParameterMessages.notADate(["name": "days", "text": day])))
                }
            }
            if case .int(let n) = given["earlier"], !(0...30).contains(n) {
                problems.append(ParameterProblem(parameter: "earlier", ParameterMessages.outOfRange(
                    ["name": "earlier", "low": "0", "high": "30", "value": "\(n)"])))
            }
            if case .int(let n) = given["capacity"], !(1...80).contains(n) {
                problems.append(ParameterProblem(parameter: "capacity", ParameterMessages.outOfRange(
                    ["name": "capacity", "low": "1", "high": "80", "value": "\(n)"])))
            }
            return problems
        }
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        let days = try input.days.map { text -> String in
            guard let day = SheetDate.parse(text) else {
                throw StepFailure(context.say(ParameterMessages.notADate(["name": "days", "text": text])), retryable: false)
            }
            return day
        }
        let campaign = context.campaign
        guard let capacity = try input.capacity ?? TransportPassengers.largestCapacity(db, campaign: campaign) else {
            throw StepFailure(context.say(DepartureMessages.noVehicles, ["campaign": campaign]), retryable: false)
        }
        let wishes = try TransportPassengers.wishes(db, campaign: campaign)
        let plan = DeparturePlanner.plan(wishes.map { .init(id: $0.person, destination: $0.destination, wished: $0.wished) },
                                         days: days, earlier: input.earlier, capacity: capacity)
        let changed = try TransportPassengers.setDepartures(db, plan.dayOf, campaign: campaign)
        if !plan.unplaced.isEmpty {
            context.note(context.say(DepartureMessages.beforeFirstDay, ["count": String(plan.unplaced.count)]))
        }
        return .completed(outputs: [
            "passengers": .int(plan.dayOf.count), "batches": .int(plan.batches.count), "buses": .int(plan.buses),
            "lower_bound": .int(plan.lowerBound), "earlier": .int(plan.earlier), "unplaced": .int(plan.unplaced.count),
            "changed": .int(changed),
        ])
    }
}
