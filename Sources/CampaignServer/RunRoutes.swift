import Foundation
import Hummingbird
import Ledger
import PluginKit
import Workflow

/// The run page's API: every run (managers and organizers), one run's graph, states and history,
/// and signalling a waiting step or instance (organizers: it moves a campaign on).
enum RunRoutes {
    struct CancelBody: Decodable {
        var reason: String?
    }

    struct SignalBody: Decodable {
        var step: String
        var item: String?
        var note: String?
        /// Signal every waiting instance whose item holds `item` (a day: a morning's departures).
        var every: Bool?
    }

    static func routes(engine: Engine) -> RouteCollection<CampaignRequestContext> {
        let routes = RouteCollection(context: CampaignRequestContext.self)
        routes.get("runs") { _, context in
            _ = try context.requireStaff(.manager)
            let items = try await engine.workspace.pool.read { db in
                try RunQueries.runs(db).map { run in
                    let steps = try RunQueries.steps(db, runID: run.id).filter { !$0.isInstance }
                    return RunListItem(campaign: run.campaign, title: run.title, kind: run.kind, status: run.status.rawValue,
                                       done: steps.filter { $0.status.isFinished }.count, total: steps.count,
                                       updated: TimeFormats.display(run.updatedAt, timeZone: run.timeZone))
                }
            }
            return items
        }
        routes.get("runs/:campaign") { request, context in
            let staff = try context.requireStaff(.manager)
            return try await view(try context.parameters.require("campaign"), engine: engine, staff: staff,
                                  language: request.language)
        }
        routes.post("runs/:campaign/signal") { request, context in
            let staff = try context.requireStaff(.organizer)
            let campaign = try context.parameters.require("campaign")
            let body: SignalBody
            do {
                body = try await request.decodeBody(as: SignalBody.self, context: context)
            } catch {
                throw HTTPError(.badRequest, message: ServerMessages.signalBody.template(request.language))
            }
            if body.every == true, let item = body.item {
                _ = try await engine.signalEvery(campaign: campaign, step: body.step, matching: item, by: staff.name, note: body.note)
            } else {
                _ = try await engine.signal(campaign: campaign, step: body.step, item: body.item, by: staff.name, note: body.note)
            }
            return try await view(campaign, engine: engine, staff: staff, language: request.language)
        }
        routes.post("runs/:campaign/cancel") { request, context in
            let staff = try context.requireStaff(.organizer)
            let campaign = try context.parameters.require("campaign")
            let body = (try? await request.decodeBody(as: CancelBody.self, context: context)) ?? CancelBody()
            _ = try await engine.cancel(campaign: campaign, by: staff.name, reason: body.reason)
            return try await view(campaign, engine: engine, staff: staff, language: request.language)
        }
        return routes
    }

    static func view(_ campaign: String, engine: Engine, staff: StaffMember, language: Language) async throws -> RunView {
        let summary = try await engine.summary(campaign: campaign)
        let events = try await engine.workspace.pool.read { db in try RunQueries.events(db, runID: summary.run.id) }
        return RunView(summary: summary, events: events, canSignal: staff.role.includes(.organizer), language: language)
    }
}
