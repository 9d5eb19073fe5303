import Foundation
import Hummingbird
import Ledger
import PluginKit
import Workflow

/// `POST /api/register`: the desk registers a walk-in and gets the badge code to write down.
enum WalkInRoutes {
    static func routes(_ server: ServerEnvironment) -> RouteCollection<CampaignRequestContext> {
        let routes = RouteCollection(context: CampaignRequestContext.self)
        routes.post("register") { request, context in
            let staff = try context.requireStaff()
            let body = try await request.decodeBody(as: WalkInBody.self, context: context)
            let walkIn = WalkIn(campaign: server.campaign, name: body.name, idNumber: body.id_number, phone: body.phone,
                                township: body.township, village: body.village, groups: body.groups, by: staff)
            let now = server.clock.now()
            let desk = server.plugins.deskAttendance
            let (checkpoint, gate) = (server.checkpoint, body.gate ?? "")
            let (result, attendance) = try await server.workspace.pool.write { db in
                try DeskRegistration.register(db, walkIn, desk: desk, checkpoint: checkpoint, gate: gate, staff: staff.name,
                                              now: now)
            }
            let (checkedIn, said): (Bool, Message) = switch attendance {
            case .checkedIn?: (true, Message(RegistrationMessages.checkedIn))
            case .alreadyCheckedIn(let reason)?: (true, reason)
            case .notCheckedIn(let reason)?: (false, reason)
            case nil: (false, Message(RegistrationMessages.registeredOnly))
            }
            let language = request.language
            let reveal = result.newlyRegistered || staff.role.includes(.manager)
            return WalkInReply(code: reveal ? result.code : nil, newly_registered: result.newlyRegistered,
                               unchanged_fields: result.withheld, changed_fields: result.changed,
                               ledger: RegistrationMessages.ledgerNote(result, language), name: result.maskedName,
                               id_number: result.maskedID, groups: result.groups, checked_in: checkedIn, attendance: said.text(language))
        }
        return routes
    }
}
