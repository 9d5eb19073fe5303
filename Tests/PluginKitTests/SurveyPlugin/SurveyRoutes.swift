import Hummingbird
import PluginKit

/// `GET /api/survey`: the results, for the page (staff signed in).
enum SurveyRoutes {
    static func routes(_ server: ServerEnvironment) -> RouteCollection<CampaignRequestContext> {
        let routes = RouteCollection(context: CampaignRequestContext.self)
        routes.get("survey") { _, context in
            _ = try context.requireStaff()
            let results = try await server.workspace.pool.read { db in try SurveyResults.of(db, server.campaign) }
            return Reply(answers: results.answers, average: results.average)
        }
        return routes
    }

    struct Reply: ResponseEncodable {
        var answers: Int
        var average: Double
    }
}
