import GRDB
import Workflow

/// A person as other plugins see them: who, where they live, their target groups. Raw values —
/// mask them (`Masking`) before they reach a screen, a file or a log.
public struct PersonSummary: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var idNumber: String
    public var phone: String?
    public var township: String
    public var village: String
    public var groups: TargetGroupSet

    init(id: Int64, name: String, idNumber: String, phone: String?, township: String, village: String,
         groups: TargetGroupSet) {
        (self.id, self.name, self.idNumber, self.phone) = (id, name, idNumber, phone)
        (self.township, self.village, self.groups) = (township, village, groups)
    }

    init(_ row: Row) {
        id = row["id"]
        name = row["name"]
        idNumber = row["id_number"]
        phone = row["phone"]
        township = row["township"]
        village = row["village"]
        groups = row["groups"]
    }
}

/// Reads of the people in the ledger, for the plugins that count and show them.
public enum People {
    static let columns = "id, name, id_number, phone, township, village, groups"

    /// The highest ledger number given so far (0 for an empty ledger): the size of a full read.
    public static func highestID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(id) FROM person") ?? 0
    }

    /// The ledger number of the person with this ID number, if the ledger has them.
    public static func id(_ db: Database, of idNumber: ResidentID) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM person WHERE id_number = ?"), arguments: [idNumber.value])
    }

    /// Who has this phone number: none, one, or two (a phone shared by more names no one, and two say so).
    public static func ids(_ db: Database, ofPhone phone: PhoneNumber) throws -> [Int64] {
        try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM person WHERE phone = ? LIMIT 2"), arguments: [phone.value])
    }

    /// The one person the ledger has with this phone number; nil when nobody has it, or more than one —
    /// as `PersonLookup` reads a phone typed at a gate.
    public static func id(_ db: Database, ofPhone phone: PhoneNumber) throws -> Int64? {
        let ids = try ids(db, ofPhone: phone)
        return ids.count == 1 ? ids[0] : nil
    }

    /// Every person's ID number by ledger number (dense from 1; nil where there is none): one
    /// sequential read, for work over most of the ledger (the province's pseudonyms). Raw values.
    public static func idNumbers(_ db: Database) throws -> [String?] {
        var numbers = [String?](repeating: nil, count: Int(try highestID(db)) + 1)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, id_number FROM person")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if id >= 0, Int(id) < numbers.count { numbers[Int(id)] = row[1] }
        }
        return numbers
    }

    /// One person by ledger number.
    public static func summary(_ db: Database, id: Int64) throws -> PersonSummary? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM person WHERE id = ?"), arguments: [id])
            .map(PersonSummary.init)
    }

    /// One person by ledger number, with whether they registered for `campaign`: what a gate needs to
    /// judge a scan, in one statement read through SQLite's C API — GRDB's rows by column name cost a
    /// check-in more than SQLite's own work on them (#39's profile of the scan transaction).
    public static func atGate(_ db: Database, id: Int64, campaign: String) throws -> (person: PersonSummary, registered: Bool)? {
        let statement = try RawStatement(cached: db, sql: """
            SELECT name, id_number, phone, township, village, groups,
                   EXISTS (SELECT 1 FROM registration WHERE campaign = ? AND person_id = person.id)
            FROM person WHERE id = ?
            """)
        statement.bind(1, campaign)
        statement.bind(2, id)
        guard try statement.step() else { return nil }
        defer { statement.reset() }
        let person = PersonSummary(id: id, name: statement.text(0) ?? "", idNumber: statement.text(1) ?? "",
                                   phone: statement.text(2), township: statement.text(3) ?? "", village: statement.text(4) ?? "",
                                   groups: TargetGroupSet(stored: statement.int(5)))
        return (person, statement.int(6) != 0)
    }

    /// Several people by ledger number (those not found are left out).
    public static func summaries(_ db: Database, ids: some Collection<Int64>) throws -> [Int64: PersonSummary] {
        var found: [Int64: PersonSummary] = [:]
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM person WHERE id = ?")
        for id in Set(ids) {
            if let row = try Row.fetchOne(statement, arguments: [id]) { found[id] = PersonSummary(row) }
        }
        return found
    }
}
