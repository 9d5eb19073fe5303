import Foundation
import Hummingbird
import Ledger
import PluginKit

/// `POST /api/register`: the desk registers a walk-in and gets the badge code to write down.
enum WalkInRoutes {
    static func routes(_ server: ServerEnvironment) -> RouteCollection<CampaignRequestContext> {
        let routes = RouteCollection(context: CampaignRequestContext.self)
        routes.post("register") { request, context in
            _ = try context.requireStaff()
            let body = try await request.decode(as: WalkInBody.self, context: context)
            let walkIn = WalkIn(campaign: server.campaign, name: body.name, idNumber: body.id_number, phone: body.phone,
                                township: body.township, village: body.village, groups: body.groups)
            let now = server.clock.now()
            let result = try await server.workspace.pool.write { db in
                try Registrations.registerWalkIn(walkIn, now: now, db: db)
            }
            return WalkInReply(code: result.code, newly_registered: result.newlyRegistered, name: result.maskedName,
                               id_number: result.maskedID, groups: result.groups)
        }
        return routes
    }
}
