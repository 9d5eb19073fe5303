import Foundation
import GRDB
import Hummingbird
import Ledger
import PluginKit
import Workflow

/// 课堂考勤 on the staff page: the open session's class list — each trainee with whether they are
/// marked present — and marking one present, by a tap on the list or by a badge, ID or phone number
/// typed. ID numbers are masked in the list; names are shown whole, since the trainer calls them.
enum TrainingRoutes {
    struct Trainee: ResponseEncodable {
        var person: Int64
        var name: String
        var id_number: String
        var present: Bool
    }

    struct Roster: ResponseEncodable {
        var `class`: String
        var trade: String
        var session: Int
        var sessions: Int
        var present: Int
        var trainees: [Trainee]
    }

    struct AttendBody: Decodable {
        var person: Int64?
        var input: String?
    }

    struct AttendReply: ResponseEncodable {
        var result: String
        var name: String
        var session: Int
        var present: Int
    }

    static func routes(_ server: ServerEnvironment) -> RouteCollection<CampaignRequestContext> {
        let routes = RouteCollection(context: CampaignRequestContext.self)
        let pool = server.workspace.pool
        let campaign = server.campaign
        routes.get("training/roster") { _, context in
            _ = try context.requireStaff()
            return try await pool.read { db -> Roster in
                let (trainingClass, session) = try openSession(db, campaign: campaign)
                let enrolled = try TrainingRecords.enrolled(db, campaign: campaign, class: trainingClass.id)
                let people = try People.summaries(db, ids: enrolled)
                let present = try TrainingRecords.present(db, campaign: campaign, class: trainingClass.id, session: session)
                let trainees = enrolled.compactMap { id in
                    people[id].map { Trainee(person: id, name: $0.name, id_number: Masking.idNumber($0.idNumber),
                                             present: present.contains(id)) }
                }
                return Roster(class: trainingClass.id, trade: trainingClass.trade, session: session,
                              sessions: trainingClass.sessions, present: present.count, trainees: trainees)
            }
        }
        routes.post("training/attend") { request, context in
            let staff = try context.requireStaff()
            let body = try await request.decodeBody(as: AttendBody.self, context: context)
            let now = server.clock.now()
            return try await pool.write { db -> AttendReply in
                let (trainingClass, session) = try openSession(db, campaign: campaign)
                let person = try trainee(db, body, campaign: campaign)
                guard try TrainingRecords.enrolled(db, campaign: campaign, class: trainingClass.id).contains(person) else {
                    throw InputRefusal(field: body.person == nil ? "input" : "person",
                                       Message(TrainingMessages.notTrainee, ["class": trainingClass.id]))
                }
                let added = try TrainingRecords.attend(db, campaign: campaign, class: trainingClass.id, session: session,
                                                       person: person, source: "page", staff: staff.name, at: now)
                let name = try People.summary(db, id: person)?.name ?? ""
                let present = try TrainingRecords.present(db, campaign: campaign, class: trainingClass.id, session: session)
                return AttendReply(result: added ? "accepted" : "repeat", name: name, session: session, present: present.count)
            }
        }
        return routes
    }

    static func openSession(_ db: Database, campaign: String) throws -> (TrainingClass, Int) {
        guard let open = try TrainingRecords.openSession(db, campaign: campaign),
              let trainingClass = try TrainingRecords.trainingClass(db, campaign: campaign, id: open.class) else {
            throw InputRefusal(field: nil, Message(TrainingMessages.noOpenSession))
        }
        return (trainingClass, open.session)
    }

    /// The person a tap (a ledger number) or a typed badge, ID or phone number names.
    static func trainee(_ db: Database, _ body: AttendBody, campaign: String) throws -> Int64 {
        if let person = body.person { return person }
        let (_, result) = try PersonLookup.resolve(db, body.input ?? "", campaign: campaign)
        switch result {
        case .success(let person): return person
        case .failure(let failure): throw InputRefusal(field: "input", failure.message)
        }
    }
}
