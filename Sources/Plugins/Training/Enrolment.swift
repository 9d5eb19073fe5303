import Foundation
import GRDB
import Ledger
import Workflow

/// Who gets a place in a class: the rule of `training.enrol`, apart from the step so tests and the
/// README state it once. Applicants of the first group listed come first, then of the second…, then
/// everyone else; within each, the order they registered (then ledger number).
enum Enrolment {
    struct Outcome: Sendable, Equatable {
        var enrolled: Int
        var fromGroups: Int
        var waiting: Int
    }

    static func fill(_ db: Database, campaign: String, _ trainingClass: TrainingClass, priority: [TargetGroup]) throws -> Outcome {
        let current = try TrainingRecords.enrolment(db, campaign: campaign, class: trainingClass.id)
        let elsewhere = Set(try Int64.fetchAll(db, sql: """
            SELECT person_id FROM training_enrolment WHERE campaign = ? AND class <> ? AND status = 'enrolled'
            """, arguments: [campaign, trainingClass.id]))
        var applicants: [(rank: Int, at: Date, person: PersonSummary)] = []
        for person in try Registrations.people(db, of: campaign) where current[person.id] != "enrolled" && !elsewhere.contains(person.id) {
            let rank = priority.firstIndex { person.groups.contains($0) } ?? priority.count
            applicants.append((rank, try Registrations.registeredAt(db, person.id, campaign: campaign) ?? .distantFuture, person))
        }
        applicants.sort { ($0.rank, $0.at, $0.person.id) < ($1.rank, $1.at, $1.person.id) }
        var seated = current.values.filter { $0 == "enrolled" }.count
        var order = try Int.fetchOne(db, sql: "SELECT max(rank) FROM training_enrolment WHERE campaign = ? AND class = ?",
                                     arguments: [campaign, trainingClass.id]) ?? 0
        let write = try db.cachedStatement(sql: """
            INSERT INTO training_enrolment (campaign, class, person_id, status, rank) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (campaign, class, person_id) DO UPDATE SET status = excluded.status, rank = excluded.rank
            """)
        for applicant in applicants {
            order += 1
            let status = seated < trainingClass.capacity ? "enrolled" : "waiting"
            if status == "enrolled" { seated += 1 }
            try write.execute(arguments: [campaign, trainingClass.id, applicant.person.id, status, order])
        }
        let enrolled = try TrainingRecords.enrolled(db, campaign: campaign, class: trainingClass.id)
        let people = try People.summaries(db, ids: enrolled)
        let fromGroups = enrolled.filter { id in priority.contains { people[id]?.groups.contains($0) == true } }.count
        let waiting = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM training_enrolment WHERE campaign = ? AND class = ? AND status = 'waiting'
            """, arguments: [campaign, trainingClass.id]) ?? 0
        return Outcome(enrolled: enrolled.count, fromGroups: fromGroups, waiting: waiting)
    }
}
