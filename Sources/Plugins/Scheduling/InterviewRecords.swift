import Foundation
import GRDB

/// A wish as stored.
struct WishRecord: Sendable {
    var person: Int64
    var posting: Int64
    var rank: Int

    static func all(_ db: Database, campaign: String) throws -> [WishRecord] {
        try Row.fetchAll(db, sql: """
            SELECT person_id, posting_id, rank FROM schedule_wish WHERE campaign = ? ORDER BY person_id, rank, posting_id
            """, arguments: [campaign]).map { WishRecord(person: $0["person_id"], posting: $0["posting_id"], rank: $0["rank"]) }
    }
}

/// One planned interview.
public struct InterviewRow: Sendable, Equatable {
    public var person: Int64
    public var posting: Int64
    public var rank: Int
    public var startsAt: Date
    public var endsAt: Date
    public var interviewer: Int
    public var sequence: Int

    /// The last plan's start and SEQUENCE per (person, posting), so a moved interview's is raised.
    static func previous(_ db: Database, campaign: String) throws -> [[Int64]: InterviewRow] {
        Dictionary(try all(db, campaign: campaign).map { ([$0.person, $0.posting], $0) },
                   uniquingKeysWith: { first, _ in first })
    }

    public static func all(_ db: Database, campaign: String) throws -> [InterviewRow] {
        try Row.fetchAll(db, sql: """
            SELECT person_id, posting_id, rank, starts_at, ends_at, interviewer, sequence FROM schedule_interview
            WHERE campaign = ? ORDER BY starts_at, posting_id, interviewer
            """, arguments: [campaign]).map {
            InterviewRow(person: $0["person_id"], posting: $0["posting_id"], rank: $0["rank"], startsAt: $0["starts_at"],
                         endsAt: $0["ends_at"], interviewer: $0["interviewer"], sequence: $0["sequence"])
        }
    }

    static func replace(_ db: Database, campaign: String, rows: [InterviewRow], unmet: [UnmetRow]) throws {
        try db.execute(sql: "DELETE FROM schedule_interview WHERE campaign = ?", arguments: [campaign])
        try db.execute(sql: "DELETE FROM schedule_unmet WHERE campaign = ?", arguments: [campaign])
        let insert = try db.makeStatement(sql: """
            INSERT INTO schedule_interview (campaign, person_id, posting_id, rank, starts_at, ends_at, interviewer, sequence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in rows {
            try insert.execute(arguments: [campaign, row.person, row.posting, row.rank, row.startsAt, row.endsAt,
                                           row.interviewer, row.sequence])
        }
        let unmetInsert = try db.makeStatement(sql: """
            INSERT INTO schedule_unmet (campaign, person_id, posting_id, rank, reason_zh, reason_en) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for row in unmet {
            try unmetInsert.execute(arguments: [campaign, row.person, row.posting, row.rank, row.reasonZh, row.reasonEn])
        }
    }
}

/// A wish left out, and why (in both languages).
public struct UnmetRow: Sendable, Equatable {
    public var person: Int64
    public var posting: Int64
    public var rank: Int
    public var reasonZh: String
    public var reasonEn: String

    public static func all(_ db: Database, campaign: String) throws -> [UnmetRow] {
        try Row.fetchAll(db, sql: """
            SELECT person_id, posting_id, rank, reason_zh, reason_en FROM schedule_unmet WHERE campaign = ?
            ORDER BY posting_id, rank, person_id
            """, arguments: [campaign]).map {
            UnmetRow(person: $0["person_id"], posting: $0["posting_id"], rank: $0["rank"], reasonZh: $0["reason_zh"],
                     reasonEn: $0["reason_en"])
        }
    }
}
