import Foundation
import GRDB
import Ledger
import Workflow

/// Reads and writes of the training tables, for the steps, the imports, the page and the tally.
enum TrainingRecords {
    static func classes(_ db: Database, campaign: String) throws -> [TrainingClass] {
        try Row.fetchAll(db, sql: "SELECT * FROM training_class WHERE campaign = ? ORDER BY class", arguments: [campaign])
            .map(TrainingClass.init)
    }

    static func trainingClass(_ db: Database, campaign: String, id: String) throws -> TrainingClass? {
        try Row.fetchOne(db, sql: "SELECT * FROM training_class WHERE campaign = ? AND class = ?", arguments: [campaign, id])
            .map(TrainingClass.init)
    }

    /// The class a step or a sheet names, or the campaign's only class when none is named.
    static func requireClass(_ db: Database, campaign: String, id: String?) throws -> TrainingClass {
        let all = try classes(db, campaign: campaign)
        if let id, !id.isEmpty {
            if let found = all.first(where: { $0.id == id || $0.trade == id }) { return found }
            throw WorkflowError.invalidInput(Message(TrainingMessages.noSuchClass, [
                "class": id, "classes": all.map(\.id).joined(separator: ", ")]))
        }
        guard all.count == 1 else {
            throw WorkflowError.invalidInput(Message(all.isEmpty ? TrainingMessages.noClass : TrainingMessages.nameTheClass, [
                "campaign": campaign, "classes": all.map(\.id).joined(separator: ", ")]))
        }
        return all[0]
    }

    /// Person → status for one class.
    static func enrolment(_ db: Database, campaign: String, class id: String) throws -> [Int64: String] {
        Dictionary(try Row.fetchAll(db, sql: """
            SELECT person_id, status FROM training_enrolment WHERE campaign = ? AND class = ?
            """, arguments: [campaign, id]).map { ($0["person_id"], $0["status"]) }, uniquingKeysWith: { a, _ in a })
    }

    /// The people enrolled (not waiting) in one class, in the order enrolment took them.
    static func enrolled(_ db: Database, campaign: String, class id: String) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT person_id FROM training_enrolment WHERE campaign = ? AND class = ? AND status = 'enrolled' ORDER BY rank
            """, arguments: [campaign, id])
    }

    /// Sessions attended per person in one class.
    static func attendance(_ db: Database, campaign: String, class id: String) throws -> [Int64: Int] {
        Dictionary(try Row.fetchAll(db, sql: """
            SELECT person_id, count(*) AS n FROM training_attendance WHERE campaign = ? AND class = ? GROUP BY person_id
            """, arguments: [campaign, id]).map { ($0["person_id"], $0["n"]) }, uniquingKeysWith: { a, _ in a })
    }

    /// Who attended one session.
    static func present(_ db: Database, campaign: String, class id: String, session: Int) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: """
            SELECT person_id FROM training_attendance WHERE campaign = ? AND class = ? AND session = ?
            """, arguments: [campaign, id, session]))
    }

    /// Records a trainee at a session; false when they were recorded already.
    @discardableResult
    static func attend(_ db: Database, campaign: String, class id: String, session: Int, person: Int64, source: String,
                       staff: String, at: Date) throws -> Bool {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO training_attendance (campaign, class, session, person_id, source, staff, at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [campaign, id, session, person, source, staff, at])
        return db.changesCount == 1
    }

    struct Result: Sendable {
        var passed: Bool
        var certificate: String
        var level: String
    }

    static func results(_ db: Database, campaign: String, class id: String) throws -> [Int64: Result] {
        Dictionary(try Row.fetchAll(db, sql: """
            SELECT person_id, passed, certificate, level FROM training_result WHERE campaign = ? AND class = ?
            """, arguments: [campaign, id]).map { ($0["person_id"], Result(passed: $0["passed"], certificate: $0["certificate"],
                                                                            level: $0["level"])) },
                   uniquingKeysWith: { a, _ in a })
    }

    static func employed(_ db: Database, campaign: String) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT person_id FROM training_employment WHERE campaign = ?", arguments: [campaign]))
    }

    static func subsidised(_ db: Database, campaign: String) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT person_id FROM training_subsidy WHERE campaign = ? AND eligible",
                               arguments: [campaign]))
    }

    /// The day of the last subsidy each person had for `trade` outside this class of this campaign.
    static func lastSubsidies(_ db: Database, trade: String, except campaign: String, class id: String) throws -> [Int64: String] {
        Dictionary(try Row.fetchAll(db, sql: """
            SELECT person_id, max(decided_on) AS day FROM training_subsidy
            WHERE trade = ? AND eligible AND NOT (campaign = ? AND class = ?) GROUP BY person_id
            """, arguments: [trade, campaign, id]).map { ($0["person_id"], $0["day"]) }, uniquingKeysWith: { a, _ in a })
    }

    /// The session open for the phone page, if any.
    static func openSession(_ db: Database, campaign: String) throws -> (class: String, session: Int)? {
        try Row.fetchOne(db, sql: "SELECT class, session FROM training_open_session WHERE campaign = ?", arguments: [campaign])
            .map { ($0["class"], $0["session"]) }
    }

    /// Whether the campaign has any class (a campaign of kind `other` shows the section only then).
    static func hasClasses(_ db: Database, campaign: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM training_class WHERE campaign = ?)", arguments: [campaign]) ?? false
    }
}
