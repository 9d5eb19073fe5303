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
    }

    static func routes(engine: Engine) -> RouteCollection<CampaignRequestContext> {
        let routes = RouteCollection(context: CampaignRequestContext.self)
        routes.get("runs") { _, context -> Response in
            _ = try context.requireStaff(.manager)
            let items = try await engine.workspace.pool.read { db in
                try RunQueries.runs(in: db).map { run in
                    let steps = try RunQueries.steps(runID: run.id, in: db).filter { !$0.isInstance }
                    return RunListItem(campaign: run.campaign, title: run.title, kind: run.kind, status: run.status.rawValue,
                                       done: steps.filter { $0.status.isFinished }.count, total: steps.count,
                                       updated: TimeFormats.display(run.updatedAt, timeZone: run.timeZone))
                }
            }
            return try json(items)
        }
        routes.get("runs/:campaign") { _, context -> Response in
            let staff = try context.requireStaff(.manager)
            let campaign = try context.parameters.require("campaign")
            return try json(try await view(campaign, engine: engine, staff: staff))
        }
        routes.post("runs/:campaign/signal") { request, context -> Response in
            let staff = try context.requireStaff(.organizer)
            let campaign = try context.parameters.require("campaign")
            let body: SignalBody
            do {
                body = try await request.decode(as: SignalBody.self, context: context)
            } catch {
                throw HTTPError(.badRequest, message: "the request needs a JSON body with 'step' (and 'item' for one "
                                + "instance of a for_each step)")
            }
            _ = try await engine.signal(campaign: campaign, step: body.step, item: body.item, by: staff.name,
                                        note: body.note)
            return try json(try await view(campaign, engine: engine, staff: staff))
        }
        routes.post("runs/:campaign/cancel") { request, context -> Response in
            let staff = try context.requireStaff(.organizer)
            let campaign = try context.parameters.require("campaign")
            let body = (try? await request.decode(as: CancelBody.self, context: context)) ?? CancelBody()
            _ = try await engine.cancel(campaign: campaign, by: staff.name, reason: body.reason)
            return try json(try await view(campaign, engine: engine, staff: staff))
        }
        return routes
    }

    static func view(_ campaign: String, engine: Engine, staff: StaffMember) async throws -> RunView {
        let summary = try await engine.summary(campaign: campaign)
        let events = try await engine.workspace.pool.read { db in try RunQueries.events(runID: summary.run.id, in: db) }
        return RunView(summary: summary, events: events, canSignal: staff.role.includes(.organizer))
    }

    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(value))))
    }
}
