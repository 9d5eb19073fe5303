import Foundation
import GRDB
import Workflow

/// A campaign's leads as an import of sign-ups sees them: which lead a phone or an ID number already
/// is (held in memory, read once when the import starts, kept as rows are written), and the
/// statements that read, add and merge a lead, prepared once. One lookup of the ledger and one
/// write per sign-up is what the import must do; the rest stays off the disk and out of GRDB's
/// argument boxing (measured with `campaign-bench leads`).
struct LeadStore {
    /// A stored lead, read by position.
    struct Stored {
        var id: Int64, name: String, idNumber: String, platforms: String, posting: Int64?, postingText: String
        var signedAt: String, person: Int64?
    }

    /// The lead's fields as they are to be stored (merged with what was there).
    struct Fields {
        var name: String, idNumber: String, platforms: String, posting: Int64?, postingText: String, signedAt: String
        var person: Int64?
    }

    private var byPhone: [String: Int64] = [:]
    /// The first lead (lowest number) with each ID number, as a lookup in storage order would find.
    private var byIDNumber: [String: Int64] = [:]
    private let read: RawStatement
    private let insert: RawStatement
    private let update: RawStatement

    init(_ db: Database, campaign: String, source: String, stamp: String) throws {
        let known = try RawStatement(db, sql: "SELECT id, phone, id_number FROM livestream_lead WHERE campaign = ? ORDER BY id")
        known.bind(1, campaign)
        while try known.step() {
            let id = known.int(0)
            byPhone[known.text(1) ?? ""] = id
            if let number = known.text(2), !number.isEmpty, byIDNumber[number] == nil { byIDNumber[number] = id }
        }
        read = try RawStatement(db, sql: """
            SELECT id, name, id_number, platforms, posting_id, posting_text, signed_at, person_id FROM livestream_lead WHERE id = ?
            """)
        insert = try RawStatement(db, sql: """
            INSERT INTO livestream_lead (campaign, source, updated_at, phone, name, id_number, platforms, posting_id, posting_text,
                                         signed_at, person_id)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """)
        update = try RawStatement(db, sql: """
            UPDATE livestream_lead SET source = ?2, updated_at = ?3, name = ?5, id_number = ?6, platforms = ?7, posting_id = ?8,
                posting_text = ?9, signed_at = ?10, person_id = ?11
            WHERE id = ?4 AND (name, id_number, platforms, posting_id, posting_text, signed_at, person_id)
                IS NOT (?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """)
        for statement in [insert, update] {
            statement.bind(2, source)
            statement.bind(3, stamp)
        }
        insert.bind(1, campaign)
    }

    /// The lead already known: by phone, else by ID number (the same person from another platform).
    func lead(phone: String, idNumber: String?) throws -> Stored? {
        guard let id = byPhone[phone] ?? idNumber.flatMap({ byIDNumber[$0] }) else { return nil }
        read.bind(1, id)
        guard try read.step() else { return nil }
        defer { read.reset() }
        return Stored(id: id, name: read.text(1) ?? "", idNumber: read.text(2) ?? "", platforms: read.text(3) ?? "",
                      posting: read.optionalInt(4), postingText: read.text(5) ?? "", signedAt: read.text(6) ?? "",
                      person: read.optionalInt(7))
    }

    /// Adds a lead for a phone not seen in the campaign yet.
    mutating func add(phone: String, _ fields: Fields) throws {
        insert.bind(4, phone)
        bind(fields, to: insert)
        _ = try insert.step()
        let id = insert.lastInsertedRowID
        byPhone[phone] = id
        if !fields.idNumber.isEmpty, byIDNumber[fields.idNumber] == nil { byIDNumber[fields.idNumber] = id }
    }

    /// Writes the merged fields over a stored lead; true when anything changed.
    mutating func merge(_ stored: Stored, _ fields: Fields) throws -> Bool {
        update.bind(4, stored.id)
        bind(fields, to: update)
        _ = try update.step()
        if !fields.idNumber.isEmpty, byIDNumber[fields.idNumber] == nil { byIDNumber[fields.idNumber] = stored.id }
        return update.changes > 0
    }

    private func bind(_ fields: Fields, to statement: RawStatement) {
        statement.bind(5, fields.name)
        statement.bind(6, fields.idNumber)
        statement.bind(7, fields.platforms)
        statement.bind(8, fields.posting)
        statement.bind(9, fields.postingText)
        statement.bind(10, fields.signedAt)
        statement.bind(11, fields.person)
    }
}
