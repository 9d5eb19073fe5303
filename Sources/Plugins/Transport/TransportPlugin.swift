import Ledger
import PluginKit
import Workflow

/// Transport: point-to-point chartered buses (点对点包车) — vehicles and passengers imported, departures
/// grouped from their travel days (fewest buses), rosters
/// with the fewest buses that keep villages together and seats stable, manifests, and the four
/// checkpoints (leave-home, board, alight, enter-factory) on check-in's scan ledger.
public enum TransportPlugin {
    public static let plugin = CampaignPlugin(
        Plugin(name: "transport",
               summary: "Seats bus passengers on the fewest buses (villages together, seats kept), with manifests and "
                   + "the four checkpoints.",
               actions: [DeparturesAction(), RosterAction(), DepartAction(), SubsidyAction(), ImportAction(PassengerImport()),
                         ImportAction(VehicleImport()), ImportAction(EmploymentImport()), PlacementPassengers()],
               migrations: TransportSchema.migrations, dependencies: ["ledger", "checkin", "outcomes"],
               formerNames: ["schedule.departures": "departures"], campaignKinds: [.busTransport]),
        title: "transport (包车)",
        commands: [RosterCommand.self, BusesCommand.self, SubsidyCommand.self],
        importKinds: [.passengers, .vehicles, .employment],
        routes: TransportRoutes.routes,
        web: WebSurface(panels: [
            PagePanel(name: "bus-door", html: PackageResources.bus_door_html, script: PackageResources.bus_door_js,
                      words: TransportPageWords.all, kinds: [.busTransport], order: 35),
        ], openAPI: PackageResources.openapi_json),
        tallySection: TransportSection(),
        shredder: CrewShredder(),
        messages: TransportMessages.all + TransportStepMessages.all + TransportCommandMessages.all + DepartureMessages.all
            + JourneyWords.all
    )
}
