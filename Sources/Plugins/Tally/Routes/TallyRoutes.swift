import Foundation
import Hummingbird
import PluginKit
import Workflow

/// `GET /api/manager/tally`: the campaign's tally for managers, as JSON (the documented keys) or as
/// the HTML report (`format=html`), broken down `by=township,group,…` in `lang=zh|en`.
enum TallyRoutes {
    static func routes(_ server: ServerEnvironment) -> RouteCollection<CampaignRequestContext> {
        let routes = RouteCollection(context: CampaignRequestContext.self)
        routes.get("manager/tally") { request, context in
            _ = try context.requireStaff(.manager)
            let query = request.uri.queryParameters
            let dimensions = try TallyDimension.parseList([query.get("by") ?? "township,group,enterprise"],
                                                          among: TallyDimension.known(server.plugins.tallySections))
            let lang = Language(rawValue: query.get("lang") ?? "zh") ?? .zh
            let now = server.clock.now()
            let tally = TallyRequest(campaigns: [server.campaign], breakdowns: dimensions)
            let pool = server.workspace.pool
            let report = try await pool.read { db in try TallyQuery.run(db, tally, sections: server.plugins.tallySections, now: now, parallel: pool) }
            if query.get("format") == "html" {
                return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: TallyHTML.render(report, lang: lang))))
            }
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: try TallyJSON.encode(report))))
        }
        return routes
    }
}
