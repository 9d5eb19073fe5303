import Foundation
import GRDB
import Ledger
import Workflow

/// A campaign's plan as people read it: times in the campaign's zone, booths and postings by name,
/// job seekers masked.
struct InterviewListing: Sendable {
    struct Interview: Sendable {
        var person: Int64
        var postingID: Int64
        var time: String
        var start: Date
        var end: Date
        var booth: String
        var boothCode: String
        /// The booth's number on the venue's map (schedule.booths), if laid out.
        var boothNumber: String?
        var badge: String
        var posting: String
        var interviewer: Int
        var name: String
        var idNumber: String
        var rank: Int
        var sequence: Int
        /// Unmasked, for the SMS lines a manager exports (recorded); never shown otherwise.
        var contact: (name: String, phone: String)
    }

    struct Unmet: Sendable {
        var name: String
        var idNumber: String
        var posting: String
        var rank: Int
        var reasonZh: String
        var reasonEn: String
    }

    var timeZone: TimeZone
    var interviews: [Interview]
    var unmet: [Unmet]

    static func read(_ db: Database, campaign: String, person: String?) throws -> InterviewListing {
        let run = try RunQueries.requireRun(db, campaign)
        var only: Int64?
        if let person {
            switch try PersonLookup.resolve(db, person, campaign: campaign).1 {
            case .success(let id): only = id
            case .failure(let failure): throw WorkflowError.usage(failure.reason)
            }
        }
        let postings = Dictionary(try Postings.offered(db, at: campaign).map { ($0.id, $0) },
                                  uniquingKeysWith: { first, _ in first })
        let rows = try InterviewRow.all(db, campaign: campaign).filter { only == nil || $0.person == only }
        let unmetRows = try UnmetRow.all(db, campaign: campaign).filter { only == nil || $0.person == only }
        let people = try People.summaries(db, ids: Set(rows.map(\.person) + unmetRows.map(\.person)))
        let numbers = Dictionary(try Row.fetchAll(db, sql: "SELECT credit_code, booth FROM schedule_booth WHERE campaign = ?",
                                                  arguments: [campaign]).map { ($0["credit_code"] as String, $0["booth"] as String) },
                                 uniquingKeysWith: { first, _ in first })
        let badges = try Registrations.badgeCode(db, for: campaign)
        let zone = run.timeZone
        func clock(_ date: Date) -> String { String(TimeFormats.display(date, timeZone: zone).suffix(5)) }
        let interviews = rows.map { row in
            let posting = postings[row.posting]
            let who = people[row.person]
            return Interview(person: row.person, postingID: row.posting,
                             time: "\(clock(row.startsAt))-\(clock(row.endsAt))", start: row.startsAt, end: row.endsAt,
                             booth: posting?.enterprise ?? "?", boothCode: posting?.creditCode ?? "?",
                             boothNumber: posting.flatMap { numbers[$0.creditCode] }, badge: badges.encode(row.person),
                             posting: posting.map { "\($0.code) \($0.title)" } ?? "?", interviewer: row.interviewer,
                             name: who.map { Masking.name($0.name) } ?? "?",
                             idNumber: who.map { Masking.idNumber($0.idNumber) } ?? "?", rank: row.rank,
                             sequence: row.sequence, contact: (who?.name ?? "", who?.phone ?? ""))
        }
        let unmet = unmetRows.map { row in
            Unmet(name: people[row.person].map { Masking.name($0.name) } ?? "?",
                  idNumber: people[row.person].map { Masking.idNumber($0.idNumber) } ?? "?",
                  posting: postings[row.posting].map { "\($0.code) \($0.title)（\($0.enterprise)）" } ?? "?",
                  rank: row.rank, reasonZh: row.reasonZh, reasonEn: row.reasonEn)
        }
        return InterviewListing(timeZone: zone, interviews: interviews, unmet: unmet)
    }
}
