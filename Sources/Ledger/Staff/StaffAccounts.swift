import Crypto
import Foundation
import GRDB
import Workflow

public enum StaffRole: String, Sendable, CaseIterable, Codable {
    /// Checks people in and registers walk-ins.
    case staff
    /// Also sees the scan ledger and the counts.
    case manager
    /// Runs the campaigns: also sees every run on the run page and signals its waiting steps.
    case organizer

    /// staff < manager < organizer: each may do what the ones before may.
    public func includes(_ other: StaffRole) -> Bool {
        Self.allCases.firstIndex(of: self)! >= Self.allCases.firstIndex(of: other)!
    }
}

public struct StaffMember: Sendable, Equatable, Codable {
    public var name: String
    public var role: StaffRole
    /// The enterprise a booth account belongs to (`staff add --enterprise`), by credit code: it
    /// records outcomes for that enterprise's postings only. Nil: the bureau's own staff.
    public var enterprise: String?
    /// That enterprise's name, for the refusals and the page.
    public var enterpriseName: String?
    /// The bus an escort's account rides with (`staff add --vehicle PLATE`): it scans at that bus's
    /// door only. Nil: any door.
    public var vehicle: String?

    public init(name: String, role: StaffRole, enterprise: String? = nil, enterpriseName: String? = nil,
                vehicle: String? = nil) {
        self.name = name
        self.role = role
        self.enterprise = enterprise
        self.enterpriseName = enterpriseName
        self.vehicle = vehicle
    }

    /// Whether `gate` (a bus door's plate as the page sends it, `贵A·45678`) is this escort's bus,
    /// however the plate was typed when the account was made (`贵a45678`).
    public func ridesWith(_ gate: String) -> Bool {
        guard let vehicle else { return true }
        func plain(_ plate: String) -> String {
            String(plate.uppercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
        }
        return plain(vehicle) == plain(gate)
    }
}

/// Staff sign-in tokens. Only a SHA-256 hash of each token is stored: a copied workspace file
/// gives no one a way to sign in. A token is shown once, when it is made.
public enum StaffAccounts {
    static let migrations: [Migration] = [
        Migration("staff-v1") { db in
            try db.execute(sql: """
                CREATE TABLE staff (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    role TEXT NOT NULL,
                    token_hash TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL,
                    revoked_at TEXT
                );
                """)
        },
        // A booth account is bound to its enterprise (pretix scopes a device to its check-in list).
        Migration("staff-v2-enterprise") { db in
            try db.execute(sql: "ALTER TABLE staff ADD COLUMN enterprise TEXT")
        },
        // A bus escort's account is bound to its bus.
        Migration("staff-v3-vehicle") { db in
            try db.execute(sql: "ALTER TABLE staff ADD COLUMN vehicle TEXT")
        },
    ]

    /// Creates (or re-creates, after a revocation) a staff account and returns its new token.
    /// `enterprise` (its credit code or its exact name) binds a booth account to that enterprise.
    /// `vehicle` (a plate) binds an escort's account to its bus.
    public static func add(_ db: Database, name: String, role: StaffRole, enterprise: String? = nil, vehicle: String? = nil,
                           now: Date) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw WorkflowError.usage(LedgerMessages.staffNameEmpty()) }
        let bound = try enterprise.map { try enterpriseCode(db, $0) }
        if let existing = try Row.fetchOne(db, sql: "SELECT revoked_at FROM staff WHERE name = ?", arguments: [trimmed]),
           (existing["revoked_at"] as String?) == nil {
            throw WorkflowError.usage(LedgerMessages.hasToken(["name": trimmed]), hint: LedgerMessages.newTokenHint(["name": trimmed]))
        }
        let token = newToken()
        try db.execute(sql: """
            INSERT INTO staff (name, role, token_hash, created_at, enterprise, vehicle) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET role = excluded.role, token_hash = excluded.token_hash,
                created_at = excluded.created_at, revoked_at = NULL, enterprise = excluded.enterprise, vehicle = excluded.vehicle
            """, arguments: [trimmed, role.rawValue, hash(token), now, bound,
                             vehicle.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.flatMap { $0.isEmpty ? nil : $0 }])
        return token
    }

    /// An enterprise of the ledger by its credit code or its exact name.
    static func enterpriseCode(_ db: Database, _ text: String) throws -> String {
        let key = text.trimmingCharacters(in: .whitespaces)
        if let code = try String.fetchOne(db, sql: "SELECT credit_code FROM enterprise WHERE credit_code = ? OR name = ?",
                                          arguments: [key.uppercased(), key]) {
            return code
        }
        let names = try String.fetchAll(db, sql: "SELECT name FROM enterprise ORDER BY name")
        throw WorkflowError.usage(LedgerMessages.staffEnterpriseUnknown(["enterprise": key]),
                                  hint: Suggestions.message(for: key, among: names))
    }

    public static func revoke(_ db: Database, name: String, now: Date) throws {
        try db.execute(sql: "UPDATE staff SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", arguments: [now, name])
        guard db.changesCount == 1 else {
            let names = try String.fetchAll(db, sql: "SELECT name FROM staff WHERE revoked_at IS NULL ORDER BY name")
            throw WorkflowError.usage(LedgerMessages.noActiveStaff(["name": name]), hint: Suggestions.message(for: name, among: names))
        }
        // A running server learns of it at its next request (it looks at the marker's time, not the table).
        if let marker = changeMarker(db) { db.afterNextTransaction { _ in touch(marker) } }
    }

    /// The file beside a workspace whose modification time says its staff accounts changed: a server
    /// that caches verified tokens checks it on each request — a `stat`, not a query — so a token
    /// revoked from the command line stops working there at once.
    public static func changeMarker(_ db: Database) -> URL? {
        guard let folder = db.workspaceFolder, let name = db.workspaceFileName else { return nil }
        return folder.appendingPathComponent(".\(name).staff-changed")
    }

    /// The marker's path for a workspace at `path`.
    public static func changeMarker(workspace path: String) -> URL {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).staff-changed")
    }

    static func touch(_ marker: URL) {
        if !FileManager.default.createFile(atPath: marker.path, contents: Data(UUID().uuidString.utf8)) {
            try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: marker.path)
        }
    }

    public static func list(_ db: Database) throws -> [(member: StaffMember, created: Date, revoked: Date?)] {
        try Row.fetchAll(db, sql: "SELECT name, role, created_at, revoked_at FROM staff ORDER BY name").map { row in
            (StaffMember(name: row["name"], role: StaffRole(rawValue: row["role"]) ?? .staff), row["created_at"],
             row["revoked_at"])
        }
    }

    /// The staff member a token belongs to, or nil (unknown or revoked).
    public static func authenticate(_ db: Database, token: String) throws -> StaffMember? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT s.name, s.role, s.enterprise, s.vehicle, e.name AS enterprise_name
            FROM staff s LEFT JOIN enterprise e ON e.credit_code = s.enterprise
            WHERE s.token_hash = ? AND s.revoked_at IS NULL
            """), arguments: [hash(token.trimmingCharacters(in: .whitespaces))]) else { return nil }
        return StaffMember(name: row["name"], role: StaffRole(rawValue: row["role"]) ?? .staff, enterprise: row["enterprise"],
                           enterpriseName: row["enterprise_name"], vehicle: row["vehicle"])
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// 128 random bits as 26 Crockford base-32 characters.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
        var bits: [UInt64] = [generator.next(), generator.next()]
        var out = ""
        for i in 0..<26 {
            let word = i < 13 ? 0 : 1
            out.append(alphabet[Int(bits[word] & 31)])
            bits[word] >>= 5
        }
        return out
    }
}
