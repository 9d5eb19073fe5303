import Foundation
import GRDB
import Ledger
import Workflow

struct LeadRecord: Sendable {
    var id: Int64
    var phone: String
    var name: String
    var idNumber: String
    var platforms: String
    var postingID: Int64?
    var postingText: String
    var personID: Int64?
}

struct CallRecord: Sendable {
    var id: Int64
    var leadID: Int64
    var attempt: Int
    var staff: String
    var assignedOn: String
    var dueAt: Date
    var status: CallStatus
    var note: String
    var updatedAt: Date
}

/// Reads and writes of the livestream tables.
enum LivestreamRecords {
    static func leads(_ db: Database, campaign: String) throws -> [LeadRecord] {
        try Row.fetchAll(db, sql: """
            SELECT id, phone, name, id_number, platforms, posting_id, posting_text, person_id FROM livestream_lead
            WHERE campaign = ? ORDER BY id
            """, arguments: [campaign]).map {
            LeadRecord(id: $0["id"], phone: $0["phone"], name: $0["name"], idNumber: $0["id_number"], platforms: $0["platforms"],
                       postingID: $0["posting_id"], postingText: $0["posting_text"], personID: $0["person_id"])
        }
    }

    static func calls(_ db: Database, campaign: String) throws -> [CallRecord] {
        try Row.fetchAll(db, sql: """
            SELECT id, lead_id, attempt, staff, assigned_on, due_at, status, note, updated_at FROM livestream_call
            WHERE campaign = ? ORDER BY id
            """, arguments: [campaign]).map(call)
    }

    /// A call read by position, in the order the queries select its columns.
    static func call(_ row: Row) -> CallRecord {
        CallRecord(id: row[0], leadID: row[1], attempt: row[2], staff: row[3], assignedOn: row[4], dueAt: row[5],
                   status: CallStatus(rawValue: row[6]) ?? .open, note: row[7], updatedAt: row[8])
    }

    static func call(_ db: Database, id: Int64, campaign: String) throws -> CallRecord? {
        try Row.fetchOne(db, sql: """
            SELECT id, lead_id, attempt, staff, assigned_on, due_at, status, note, updated_at FROM livestream_call
            WHERE campaign = ? AND id = ?
            """, arguments: [campaign, id]).map(call)
    }

    static func hasLeads(_ db: Database, campaign: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM livestream_lead WHERE campaign = ?)", arguments: [campaign]) ?? false
    }

    /// Peak concurrent viewers, and views summed over the figures imported.
    static func audience(_ db: Database, campaign: String) throws -> (peak: Int, views: Int) {
        let row = try Row.fetchOne(db, sql: """
            SELECT coalesce(max(viewers), 0) AS peak, coalesce(sum(views), 0) AS views FROM livestream_metric WHERE campaign = ?
            """, arguments: [campaign])
        return (row?["peak"] ?? 0, row?["views"] ?? 0)
    }
}
