import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// `transport.roster`: seats the campaign's passengers on its vehicles — the fewest buses per day and
/// destination, villages kept together where that costs no bus, everyone unchanged in the seat they
/// were told — and writes the masked manifests. Worked out inside the step's transaction from the
/// vehicle list as it stands, so a vehicle edited a moment earlier is never counted stale.
struct RosterAction: StepAction {
    struct Input: Decodable, Sendable {
        var departs_at: String?
        var out: String?
        var trip_days: [String: Int]?
        var pickup_order: [String]?
    }

    static let descriptor = ActionDescriptor(
        name: "roster",
        summary: "Seats the passengers on the vehicles (fewest buses, villages together, seats kept on re-runs) and "
            + "writes the manifests.",
        parameters: [
            ParameterSpec("departs_at", .string, doc: "The buses' departure time printed on the manifests, e.g. 06:00."),
            ParameterSpec("out", .outputPath, doc: "The manifests (HTML, or PDF for a name ending in .pdf; one bus a page); default reports/CAMPAIGN-manifests.html."),
            ParameterSpec("trip_days", .object, doc: "How many days a trip keeps a coach away, by destination, city or province, "
                          + "e.g. { 广东省: 4, 浙江省: 4, 贵州省: 1, default: 2 }: a coach leaves again only once it is back. "
                          + "Default 1 (back for the next day)."),
            ParameterSpec("pickup_order", .stringList, doc: "The pickup points in the order the road out of the county "
                          + "passes them, e.g. [龙泉乡政府, 青山乡车站, 城关镇政府]: each bus collects from points near one another, "
                          + "in this order, and the manifest prints the route."),
        ],
        outputs: [
            OutputSpec("passengers", doc: "Passengers seated (withdrawn ones left out)."),
            OutputSpec("buses", doc: "Buses used."),
            OutputSpec("lower_bound", doc: "The fewest buses any roster could use."),
            OutputSpec("batches", doc: "Departure days and destinations (第N批)."),
            OutputSpec("seats", doc: "Passenger seats on the buses used."),
            OutputSpec("kept", doc: "Passengers of the last roster in the same seat."),
            OutputSpec("moved", doc: "Passengers of the last roster given another seat (or none: withdrawn)."),
            OutputSpec("added", doc: "Passengers seated for the first time."),
            OutputSpec("split_villages", doc: "Villages (at one pickup point) riding on more than one bus."),
            OutputSpec("manifests", doc: "The manifests' path."),
            OutputSpec("batch_list", doc: "The batches, for a fan-out: each with batch (第1批), day, destination, buses, "
                       + "passengers and plates."),
        ],
        check: { given in
            var problems: [ParameterProblem] = []
            if case .string(let time) = given["departs_at"], !Self.isTime(time) {
                problems.append(ParameterProblem(parameter: "departs_at", ParameterMessages.notATime(["name": "departs_at", "text": time])))
            }
            if case .object(let places)? = given["trip_days"] {
                for (place, value) in places.sorted(by: { $0.key < $1.key }) {
                    if case .int(let days) = value, (1...60).contains(days) { continue }
                    problems.append(ParameterProblem(parameter: "trip_days", TransportStepMessages.tripDaysRange(
                        ["place": place, "value": value.interpolated])))
                }
            }
            return problems
        }
    )

    static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2 else { return false }
        return (0...23).contains(h) && (0...59).contains(m)
    }

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        let campaign = context.campaign
        if let tripDays = input.trip_days { try TransportRecords.saveTripDays(db, tripDays, campaign: campaign) }
        if let order = input.pickup_order { try TransportRecords.savePickupOrder(db, order, campaign: campaign) }
        let roster = try Roster.make(db, campaign: campaign)
        guard !roster.passengers.isEmpty else {
            throw StepFailure(context.say(TransportStepMessages.noPassengers, ["campaign": campaign]), retryable: false)
        }
        if let shortage = roster.shortage(campaign: campaign) { throw shortage }
        try TransportRecords.save(db, roster.plan, campaign: campaign, now: context.clock.now())
        for split in roster.plan.splits.prefix(5) {
            let words = split.reason.words(people: split.people)
            context.note(context.say(TransportStepMessages.rideSplit, [
                "day": split.departsOn, "destination": split.destination, "pickup": split.pickup, "village": split.village,
                "buses": String(split.buses), "reason": words.text(context.language)]))
        }
        let file = context.outputURL(forPath: input.out ?? "reports/\(campaign)-manifests.html")
        let html = Manifests.html(try RosterListing.read(db, campaign: campaign), campaign: campaign,
                                  departsAt: input.departs_at, unmasked: false,
                                  madeOn: SheetDate.day(of: context.clock.now(), in: context.timeZone))
        // The file last: if it cannot be written, the transaction (and the step) fails with nothing half-done.
        try PrintedPage.write(html, to: file, context: context)
        var outputs = roster.outputs
        outputs["manifests"] = .string(file.path)
        return .completed(outputs: outputs)
    }
}
