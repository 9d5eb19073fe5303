import Foundation
import GRDB
import Workflow

/// Inserts new people, updates changed ones (recording each changed field), leaves identical
/// rows alone, and registers everyone to the campaign. This loop is what a million-row import
/// spends its time in, so: statements go through `RawStatement`; new people get their ledger
/// numbers here (the import holds the only write transaction) and are inserted and registered
/// 64 rows per statement.
public struct PersonWriter: LedgerWriter {
    let db: Database
    let options: ImportOptions
    let select: RawStatement
    let insertBatch: RawStatement
    /// Registers a full batch of new people to the campaign, right after `insertBatch`.
    let registerBatch: RawStatement?
    static let batchRows = 64
    /// Parameters per row of the batched insert; the source and the time are shared (?1, ?2).
    static let rowParameters = 9
    /// New people waiting for the next batched insert; they take ledger numbers from `nextID - count`.
    private var pending: [PersonRecord] = []
    private var nextID: Int64
    let update: RawStatement
    let change: RawStatement
    let register: RawStatement?
    /// The import's time, as stored (Unix seconds).
    let now: Int64
    /// Where new and changed rows came from: the file's name in `ledger_source`.
    let sourceID: Int64
    /// The time as `person_change` keeps it (text, like the other logs).
    let changedAt: String
    /// True when the ledger held nobody when the import began (a first, city-wide load): then no
    /// row can match a stored person (duplicates within the file are already gone), and the
    /// lookup before each insert is skipped.
    let ledgerWasEmpty: Bool
    /// The indexes on `person` — the ID number's unique index and the phone index —
    /// dropped for a first load and built again at the end: building an index from sorted keys is
    /// far cheaper than a million random insertions into it, which also made SQLite rewrite each
    /// index page many times as its cache spilled. Uniqueness holds meanwhile: the reader thread
    /// drops a file's repeated ID numbers, and the ledger was empty. It all happens inside the
    /// import's transaction, so a failure leaves the indexes as they were.
    private var deferredIndexes: [String] = []
    public private(set) var linked = 0
    static let comparedFields = ["name", "phone", "township", "village", "skills", "desired_job"]

    init(_ db: Database, options: ImportOptions) throws {
        self.db = db
        self.options = options
        now = LedgerSchema.unixTime(options.now)
        changedAt = String.fromDatabaseValue(options.now.databaseValue) ?? ""
        sourceID = try LedgerSchema.sourceID(db, options.source)
        ledgerWasEmpty = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM person)") ?? false
        if ledgerWasEmpty {
            let indexes = try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person' AND sql IS NOT NULL
                """)
            for index in indexes {
                try db.execute(sql: "DROP INDEX \(index["name"] as String)")
                deferredIndexes.append(index["sql"])
            }
        }
        select = try RawStatement(db, sql: """
            SELECT id, name, phone, township, village, skills, desired_job, groups FROM person WHERE id_number = ?
            """)
        insertBatch = try Self.makeInsert(db, rows: Self.batchRows, sourceID: sourceID, now: now)
        let importTime = now
        registerBatch = try options.campaign.map { campaign in
            try Self.makeRegister(db, rows: Self.batchRows, campaign: campaign, channel: options.channel, now: importTime)
        }
        nextID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM person") ?? 0) + 1
        update = try RawStatement(db, sql: """
            UPDATE person SET name = ?, phone = ?, township = ?, village = ?, groups = ?, skills = ?, desired_job = ?,
                source_id = ?, updated_at = ?
            WHERE id = ?
            """)
        change = try RawStatement(db, sql: """
            INSERT INTO person_change (person_id, field, old_value, new_value, source, changed_at) VALUES (?, ?, ?, ?, ?, ?)
            """)
        if let campaign = options.campaign { _ = try Registrations.badgeCode(db, for: campaign) }
        register = try options.campaign.map { _ in
            try RawStatement(db, sql: """
                INSERT INTO registration (campaign, person_id, channel, registered_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (campaign, person_id) DO NOTHING
                """)
        }
    }

    /// A changed person's stored values, as text for the change log.
    private struct Stored {
        var fields: [String?]
        var groups: TargetGroupSet
    }

    public mutating func write(_ p: PersonRecord, row: Int) throws -> Result<WriteOutcome, RowProblem> {
        var outcome = WriteOutcome.unchanged
        var personID: Int64 = 0
        var stored: Stored?
        if !ledgerWasEmpty {
            select.bind(1, p.idNumber)
            if try select.step() {
                personID = select.int(0)
                // The usual re-import: the stored row says the same. Compared on its bytes, so no
                // text is made for the million rows that did not change.
                if !storedRowDiffers(from: p) {
                    select.reset()
                    return try registerExisting(personID, outcome: .unchanged)
                }
                stored = Stored(fields: (1...6).map { select.text($0) }, groups: TargetGroupSet(stored: select.int(7)))
                select.reset()
            }
        }
        if let stored {
            // An empty cell means "not given here", never "erase": a ledger that lacks a column, or a
            // reject file re-imported, must not wipe what the ledger already knows.
            var after: [String?] = [p.name, p.phone, p.township, p.village, p.skills, p.desiredJob]
            for i in after.indices where (after[i] ?? "").isEmpty { after[i] = stored.fields[i] }
            let groups = p.groups.isEmpty ? stored.groups : p.groups
            var changed: [(field: String, old: String?, new: String?)] = []
            for (i, field) in Self.comparedFields.enumerated() where stored.fields[i] != after[i] {
                changed.append((field, stored.fields[i], after[i]))
            }
            if stored.groups != groups {
                changed.append(("groups", stored.groups.description, groups.description))
            }
            if !changed.isEmpty {
                for (i, value) in after.enumerated() where i < 4 { update.bind(Int32(i + 1), value) }
                update.bind(5, groups.stored)
                update.bind(6, after[4])
                update.bind(7, after[5])
                update.bind(8, sourceID)
                update.bind(9, now)
                update.bind(10, personID)
                _ = try update.step()
                for c in changed {
                    change.bind(1, personID)
                    change.bind(2, c.field)
                    change.bind(3, c.old)
                    change.bind(4, c.new)
                    change.bind(5, options.source)
                    change.bind(6, changedAt)
                    _ = try change.step()
                }
                outcome = .updated
            }
        } else {
            nextID += 1
            pending.append(p)
            if pending.count == Self.batchRows { try flush(insert: insertBatch, register: registerBatch) }
            return .success(.inserted)  // registered with its batch
        }
        return try registerExisting(personID, outcome: outcome)
    }

    /// Registers a person already in the ledger to the campaign (once: a repeat changes nothing).
    private mutating func registerExisting(_ personID: Int64, outcome: WriteOutcome) throws
        -> Result<WriteOutcome, RowProblem> {
        if let register, let campaign = options.campaign {
            register.bind(1, campaign)
            register.bind(2, personID)
            register.bind(3, options.channel)
            register.bind(4, now)
            _ = try register.step()
            linked += db.changesCount
        }
        return .success(outcome)
    }

    /// Whether the row `select` stands on differs from `p` in a field `p` gives (an empty cell
    /// gives nothing), compared on the stored bytes.
    private func storedRowDiffers(from p: PersonRecord) -> Bool {
        func differs(_ column: Int32, _ value: String?) -> Bool {
            guard let value, !value.isEmpty else { return false }
            return !select.bytes(column).elementsEqual(value.utf8)
        }
        return differs(1, p.name) || differs(2, p.phone) || differs(3, p.township) || differs(4, p.village)
            || differs(5, p.skills) || differs(6, p.desiredJob) || (!p.groups.isEmpty && select.int(7) != p.groups.stored)
    }

    public mutating func finish() throws {
        if !pending.isEmpty {
            try flush(insert: Self.makeInsert(db, rows: pending.count, sourceID: sourceID, now: now),
                      register: options.campaign.map { campaign in
                          try Self.makeRegister(db, rows: pending.count, campaign: campaign, channel: options.channel, now: now)
                      })
        }
        if !deferredIndexes.isEmpty { try buildDeferredIndexes() }
    }

    /// Builds the indexes dropped for a first load. SQLite sorts an index's keys in runs as large
    /// as the page cache; with a small cache and a helper thread, one run is sorted while the
    /// next is read, using the second core that sits idle once the rows are in (two indexes on a
    /// million people: 1.1 s instead of 1.8 s, measured in the sqlite3 shell). Cache and threads
    /// go back to the workspace's settings afterwards.
    private mutating func buildDeferredIndexes() throws {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        let threads = try Int.fetchOne(db, sql: "PRAGMA threads") ?? 0
        try db.execute(sql: "PRAGMA threads = 1; PRAGMA cache_size = -4096")
        defer {
            try? db.execute(sql: "PRAGMA threads = \(threads); PRAGMA cache_size = \(cacheSize)")
            // The cache's pages freed by the shrink stay in the arena of the thread that filled them; the
            // next import on the writer may run on another thread and fill the cache anew beside them
            // (the import benchmark's peak: 118 or 150 MB from run to run). Hand them back.
            FreePages.returnToSystem()
        }
        for sql in deferredIndexes { try db.execute(sql: sql) }
        deferredIndexes = []
    }

    /// Inserts the pending people and registers them. Registering batch by batch rather than with
    /// one statement at the end keeps that work in the phase where the writer waits for the
    /// reader thread anyway (a first million-row import: 0.7 s less).
    private mutating func flush(insert statement: RawStatement, register: RawStatement?) throws {
        let firstID = nextID - Int64(pending.count)
        for row in pending.indices {
            let base = Int32(2 + row * Self.rowParameters)
            statement.bind(base + 1, firstID + Int64(row))
            statement.bind(base + 2, pending[row].idNumber)
            statement.bind(base + 3, pending[row].name)
            statement.bind(base + 4, pending[row].phone)
            statement.bind(base + 5, pending[row].township)
            statement.bind(base + 6, pending[row].village)
            statement.bind(base + 7, pending[row].groups.stored)
            statement.bind(base + 8, pending[row].skills)
            statement.bind(base + 9, pending[row].desiredJob)
        }
        _ = try statement.step()
        if let register {
            for row in pending.indices { register.bind(Int32(4 + row), firstID + Int64(row)) }
            _ = try register.step()
            linked += db.changesCount
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// `INSERT INTO registration … VALUES` for `rows` new people: campaign ?1, channel ?2 and time
    /// ?3 bound once, the people's ledger numbers from ?4.
    private static func makeRegister(_ db: Database, rows: Int, campaign: String, channel: String,
                                     now: Int64) throws -> RawStatement {
        let statement = try RawStatement(db, sql: """
            INSERT INTO registration (campaign, person_id, channel, registered_at)
            VALUES \((0..<rows).map { "(?1, ?\(4 + $0), ?2, ?3)" }.joined(separator: ", "))
            ON CONFLICT (campaign, person_id) DO NOTHING
            """)
        statement.bind(1, campaign)
        statement.bind(2, channel)
        statement.bind(3, now)
        return statement
    }

    /// `INSERT … VALUES` for `rows` people at once, with the source (?1) and the time (?2) bound
    /// once per statement rather than once per row.
    private static func makeInsert(_ db: Database, rows: Int, sourceID: Int64, now: Int64) throws -> RawStatement {
        let tuples = (0..<rows).map { row in
            let base = 2 + row * Self.rowParameters
            return "(" + (1...Self.rowParameters).map { "?\(base + $0)" }.joined(separator: ", ") + ", ?1, ?2, ?2)"
        }
        let statement = try RawStatement(db, sql: """
            INSERT INTO person (id, id_number, name, phone, township, village, groups, skills, desired_job,
                                source_id, created_at, updated_at)
            VALUES \(tuples.joined(separator: ", "))
            """)
        statement.bind(1, sourceID)
        statement.bind(2, now)
        return statement
    }
}
