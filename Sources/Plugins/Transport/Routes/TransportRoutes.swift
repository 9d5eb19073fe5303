import Foundation
import GRDB
import Hummingbird
import Ledger
import PluginKit
import Workflow

/// The bus-door mode of the check-in page: the buses of the campaign `serve` serves, and one bus seat
/// by seat — who has passed the checkpoint staff scan at, who is still missing — masked. Staff scan
/// through the check-in API with the bus's plate as the gate, so boarding the wrong bus is caught.
enum TransportRoutes {
    struct BusSummary: ResponseEncodable {
        var title: String
        var plate: String
        var day: String
        var destination: String
        var seated: Int
        /// Passengers who passed the checkpoint the page scans at.
        var passed: Int
    }

    struct SeatRow: ResponseEncodable {
        var seat: Int
        var name: String
        var id_number: String
        var pickup: String
        var passed: Bool
        var notes: [String]
    }

    struct BusReply: ResponseEncodable {
        var title: String
        var plate: String
        var day: String
        var checkpoint: String
        var seats: [SeatRow]
    }

    static func routes(_ server: ServerEnvironment) -> RouteCollection<CampaignRequestContext> {
        let routes = RouteCollection(context: CampaignRequestContext.self)
        let pool = server.workspace.pool
        let campaign = server.campaign
        // The door the page scans at: `?checkpoint=` (one serve for the four doors), else serve's own.
        @Sendable func door(_ request: Request) -> BusCheckpoint? {
            BusCheckpoint(rawValue: request.uri.queryParameters.get("checkpoint") ?? server.checkpoint)
        }

        routes.get("transport/buses") { request, context in
            _ = try context.requireStaff()
            let checkpoint = door(request)
            let status = try await pool.read { db in try BusStatus.read(db, campaign: campaign) }
            return status.buses.map { bus in
                BusSummary(title: bus.bus.title, plate: bus.bus.vehicle.plate, day: bus.bus.departsOn,
                           destination: bus.bus.destination, seated: bus.riders.count,
                           passed: checkpoint.map { bus.count($0) } ?? 0)
            }
        }
        routes.get("transport/bus") { request, context in
            _ = try context.requireStaff()
            let checkpoint = door(request)
            let plate = request.uri.queryParameters.get("plate") ?? ""
            let day = request.uri.queryParameters.get("day")
            guard LicensePlate(plate) != nil else {
                throw InputRefusal(field: "plate", Message(TransportMessages.notAPlate, ["value": plate]))
            }
            let status = try await pool.read { db in try BusStatus.read(db, campaign: campaign, plate: plate) }
            guard let bus = status.buses.first(where: { day == nil || $0.bus.departsOn == day }) else {
                throw InputRefusal(field: "plate", Message(TransportMessages.nobodyOnPlate, ["plate": plate, "campaign": campaign])
                                   + (day.map { Message(TransportMessages.onDay, ["day": $0]) } ?? Message.verbatim("")))
            }
            return BusReply(title: bus.bus.title, plate: bus.bus.vehicle.plate, day: bus.bus.departsOn,
                            checkpoint: checkpoint?.rawValue ?? server.checkpoint, seats: bus.riders.map { rider in
                SeatRow(seat: rider.passenger.seat, name: Masking.name(rider.passenger.name),
                        id_number: Masking.idNumber(rider.passenger.idNumber), pickup: rider.passenger.pickup,
                        passed: checkpoint.map { bus.passedHere(rider, $0) } ?? false,
                        notes: ([rider.noShow ? Message(TransportCommandMessages.noShow) : nil,
                                 rider.leftBehind ? Message(TransportCommandMessages.leftBehind) : nil].compactMap { $0 }
                                + rider.anomalies.map(\.words)).map(Self.bothLanguages))
            } + bus.guests.map { guest in
                // Aboard though seated on another bus (seat 0: none on this one).
                SeatRow(seat: 0, name: Masking.name(guest.rider.passenger.name),
                        id_number: Masking.idNumber(guest.rider.passenger.idNumber), pickup: guest.rider.passenger.pickup,
                        passed: checkpoint.map { guest.rider.door[$0] == bus.index } ?? false,
                        notes: [bothLanguages(TransportCommandMessages.seatedElsewhere(["bus": guest.seatedOn]))])
            })
        }
        return routes
    }

    /// A seat's note for the door page, which staff of either language read: `未上车 / no-show`.
    static func bothLanguages(_ message: Message) -> String {
        message.text(.zh) + " / " + message.text(.en)
    }
}
