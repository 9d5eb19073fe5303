import Foundation
import GRDB
import Hummingbird
import Ledger
import PluginKit
import Workflow

/// "My calls" on the staff page: the signed-in staff member's open call-back tasks — theirs only, and
/// only to them with the full phone number (a tap calls it) — and recording what each came to.
enum LivestreamRoutes {
    struct MyCall: ResponseEncodable {
        var call: Int64
        var name: String
        var phone: String
        var platforms: String
        var posting: String
        var attempt: Int
        /// Whose call it is (in a manager's list of every call).
        var staff: String
    }

    struct RecordBody: Decodable {
        var call: Int64
        var status: String
        var note: String?
        var posting: String?
        var id_number: String?
    }

    struct RecordReply: ResponseEncodable {
        var call: Int64
        var lead: String
        var status: String
        var outcome: String?
    }

    static func routes(_ server: ServerEnvironment) -> RouteCollection<CampaignRequestContext> {
        let routes = RouteCollection(context: CampaignRequestContext.self)
        let pool = server.workspace.pool
        let campaign = server.campaign
        // A caller's own open calls with full numbers; `?all=1` every open call, numbers masked — managers only.
        routes.get("livestream/calls") { request, context in
            let all = request.uri.queryParameters.get("all") == "1"
            let staff = try context.requireStaff(all ? .manager : .staff)
            return try await pool.read { db -> [MyCall] in
                let leads = Dictionary(try LivestreamRecords.leads(db, campaign: campaign).map { ($0.id, $0) },
                                       uniquingKeysWith: { a, _ in a })
                return try LivestreamRecords.calls(db, campaign: campaign)
                    .filter { (all || $0.staff == staff.name) && $0.status == .open }
                    .compactMap { call in
                        guard let lead = leads[call.leadID] else { return nil }
                        return MyCall(call: call.id, name: all ? Masking.name(lead.name) : lead.name,
                                      phone: all ? Masking.phone(lead.phone) : lead.phone, platforms: lead.platforms,
                                      posting: lead.postingText, attempt: call.attempt, staff: call.staff)
                    }
            }
        }
        routes.post("livestream/calls/record") { request, context in
            let staff = try context.requireStaff()
            let body = try await request.decodeBody(as: RecordBody.self, context: context)
            guard let status = CallStatus(rawValue: body.status), status != .open else {
                throw InputRefusal(field: "status", Message(LivestreamMessages.notACallStatus, ["value": body.status]))
            }
            let now = server.clock.now()
            let answer = try await pool.write { db in
                try CallRecorder.record(db, call: body.call, status: status, campaign: campaign, staff: staff.name,
                                        note: body.note ?? "", posting: body.posting, idNumber: body.id_number, now: now)
            }
            return RecordReply(call: answer.call, lead: answer.lead, status: answer.status.rawValue, outcome: answer.outcome)
        }
        return routes
    }
}
