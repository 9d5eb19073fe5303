import Foundation
import Hummingbird
import Ledger
import PluginKit
import Workflow

/// The booth form's API: the postings offered at the campaign, and recording an outcome (only a
/// manager may correct one, moving a person back).
enum OutcomeRoutes {
    static func routes(_ server: ServerEnvironment) -> RouteCollection<CampaignRequestContext> {
        let routes = RouteCollection(context: CampaignRequestContext.self)
        let pool = server.workspace.pool
        let campaign = server.campaign
        routes.get("postings") { _, context in
            let staff = try context.requireStaff()
            // A booth account sees its own enterprise's postings; the bureau's staff see them all.
            let bound = staff.role == .staff ? staff.enterprise : nil
            return try await pool.read { db in
                try Postings.offered(db, at: campaign).filter { bound == nil || $0.creditCode == bound }.map {
                    PostingRow(code: $0.code, title: $0.title, enterprise: $0.enterprise, openings: $0.openings)
                }
            }
        }
        routes.post("outcomes") { request, context in
            let staff = try context.requireStaff()
            let body = try await request.decodeBody(as: OutcomeBody.self, context: context)
            guard let stage = OutcomeStage.parse(body.stage), stage != .none || body.correct == true else {
                throw OutcomeRefusal(field: .stage, reason: Message(OutcomeMessages.notAStage, ["value": body.stage]))
            }
            var entry = OutcomeEntry(campaign: campaign, person: body.person, posting: body.posting, stage: stage,
                                     date: body.date, note: body.note ?? "", recordedBy: staff.name, recordedByRole: staff.role,
                                     correction: body.correct ?? false, source: "web",
                                     notAttended: body.not_attended ?? false)
            entry.boundEnterprise = staff.role == .staff ? staff.enterprise : nil
            entry.boundEnterpriseName = staff.enterpriseName
            let now = server.clock.now()
            let result = try await pool.write { [entry] db in try OutcomeRecorder.record(db, entry, now: now) }
            let (change, from, to): (String, OutcomeStage, OutcomeStage)
            switch result.change {
            case .advanced(let a, let b): (change, from, to) = ("advanced", a, b)
            case .unchanged(let a): (change, from, to) = ("unchanged", a, a)
            case .corrected(let a, let b): (change, from, to) = ("corrected", a, b)
            }
            return OutcomeReply(change: change, from: from.verb, to: to.verb, name: result.maskedName,
                                id_number: result.maskedID, posting: result.posting, enterprise: result.enterprise)
        }
        return routes
    }
}
