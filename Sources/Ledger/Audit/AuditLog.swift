import Foundation
import GRDB
import Workflow

/// An append-only record of acts a county must be able to account for: who signed in, looked people
/// up, exported names, ID numbers and phones unmasked, corrected or withdrew an outcome, shredded a
/// campaign's people, backed the workspace up or restored it — when, and what. Triggers refuse any
/// update or delete. Details never hold a name or a full number, so shredding need not touch it.
public enum AuditLog {
    public struct Entry: Sendable, Equatable {
        public var at: Date
        public var actor: String
        public var action: String
        public var campaign: String
        public var detail: String
        /// The detail as catalogue words (`Message.storedForm`) where it was said from the catalogue.
        public var detailForm: String?
    }

    static let migrations: [Migration] = [
        Migration("audit-v1") { db in
            try db.execute(sql: """
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    at DATETIME NOT NULL,
                    actor TEXT NOT NULL,                 -- a staff account's name
                    action TEXT NOT NULL,                -- e.g. unmasked-export
                    campaign TEXT NOT NULL,
                    detail TEXT NOT NULL                 -- what: the file, the rows, the fields
                );
                CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        },
        // The detail kept as catalogue words too, so an entry reads in the reader's language.
        Migration("audit-v2-detail-words") { db in
            try db.execute(sql: "ALTER TABLE audit_log ADD COLUMN detail_form TEXT")
        },
    ]

    /// The staff member who may see personal data unmasked: a signed-up account (not revoked) whose
    /// role is manager or above. Otherwise a usage error that says how to become one.
    public static func requireManager(_ db: Database, _ name: String) throws -> StaffMember {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let member = try StaffAccounts.list(db).first(where: { $0.member.name == trimmed && $0.revoked == nil })?.member
        else {
            throw WorkflowError.usage(LedgerMessages.notStaffForUnmasked(["name": trimmed]), hint: LedgerMessages.becomeManager())
        }
        guard member.role.includes(.manager) else {
            throw WorkflowError.usage(LedgerMessages.notManager(["name": trimmed, "role": member.role.rawValue]),
                                      hint: LedgerMessages.managerExports())
        }
        return member
    }

    public static func record(_ db: Database, actor: String, action: String, campaign: String, detail: String, at: Date) throws {
        try db.execute(sql: "INSERT INTO audit_log (at, actor, action, campaign, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [at, actor, action, campaign, detail])
    }

    /// An entry whose detail is said from the catalogue: kept in English (for a reader of the raw log)
    /// and as words, to be said in the reader's language.
    public static func record(_ db: Database, actor: String, action: String, campaign: String, said detail: Message,
                              at: Date) throws {
        try db.execute(sql: "INSERT INTO audit_log (at, actor, action, campaign, detail, detail_form) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [at, actor, action, campaign, detail.text(.en), detail.storedForm])
    }

    /// Every entry, oldest first.
    public static func entries(_ db: Database) throws -> [Entry] {
        try Row.fetchAll(db, sql: "SELECT at, actor, action, campaign, detail, detail_form FROM audit_log ORDER BY id").map { row in
            Entry(at: row["at"], actor: row["actor"], action: row["action"], campaign: row["campaign"], detail: row["detail"],
                  detailForm: row["detail_form"])
        }
    }
}
