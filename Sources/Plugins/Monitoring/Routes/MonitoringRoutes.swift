import Foundation
import GRDB
import Hummingbird
import Ledger
import PluginKit
import Workflow

/// 我的帮扶 on the staff page: the signed-in helper's people wanting work — with the full phone number
/// (a tap calls it) to their own helper only — and recording what the help came to.
enum MonitoringRoutes {
    struct MyPerson: ResponseEncodable {
        var person: Int64
        var name: String
        var phone: String
        var township: String
        var village: String
        var reason: String
        var result: String
        var staff: String
    }

    struct RecordBody: Decodable {
        var person: Int64
        var result: String
        var note: String?
    }

    struct RecordReply: ResponseEncodable {
        var person: Int64
        var name: String
        var result: String
    }

    static func routes(_ server: ServerEnvironment) -> RouteCollection<CampaignRequestContext> {
        let routes = RouteCollection(context: CampaignRequestContext.self)
        let pool = server.workspace.pool
        let campaign = server.campaign
        // A helper's own open people with full numbers; `?all=1` everyone on the list, masked — managers only.
        routes.get("monitoring/help") { request, context in
            let all = request.uri.queryParameters.get("all") == "1"
            let staff = try context.requireStaff(all ? .manager : .staff)
            return try await pool.read { db -> [MyPerson] in
                let help = try MonitoringRecords.help(db, campaign: campaign).filter { all || ($0.staff == staff.name && $0.result == .open) }
                let people = try People.summaries(db, ids: help.map(\.person))
                let reasons = Dictionary(try Row.fetchAll(db, sql: "SELECT person_id, reason FROM monitoring_status WHERE campaign = ?",
                                                          arguments: [campaign]).map { ($0["person_id"] as Int64, $0["reason"] as String) },
                                         uniquingKeysWith: { a, _ in a })
                return help.compactMap { h in
                    guard let p = people[h.person] else { return nil }
                    return MyPerson(person: h.person, name: all ? Masking.name(p.name) : p.name,
                                    phone: all ? Masking.phone(p.phone ?? "") : p.phone ?? "", township: p.township,
                                    village: p.village, reason: reasons[h.person] ?? "", result: h.result.rawValue, staff: h.staff)
                }
            }
        }
        routes.post("monitoring/help/record") { request, context in
            let staff = try context.requireStaff()
            let body = try await request.decodeBody(as: RecordBody.self, context: context)
            guard let result = HelpResult(rawValue: body.result) else {
                throw InputRefusal(field: "result", Message(MonitoringMessages.notAResult, ["value": Masking.scrub(body.result)]))
            }
            let now = server.clock.now()
            return try await pool.write { db -> RecordReply in
                try HelpDesk.record(db, campaign: campaign, person: body.person, result: result, note: body.note ?? "",
                                    staff: staff.name, manager: staff.role.includes(.manager), now: now)
                let name = try People.summary(db, id: body.person)?.name ?? ""
                return RecordReply(person: body.person, name: Masking.name(name), result: result.rawValue)
            }
        }
        return routes
    }
}
