import GRDB
import Ledger

/// What a plugin does when a campaign's people are shredded: it removes or irreversibly pseudonymises
/// the personal data its own tables keep about them — typed input, notes, names and phones of people
/// it holds apart from the ledger — and keeps every row a count is made from, so each figure a report
/// ever gave stays the same.
public protocol PersonalDataShredder: Sendable {
    /// Takes out what this plugin keeps about the people listed in `ShredRecords.peopleTable` (in any
    /// campaign), and about people of `campaign` the ledger never knew (a lead no one was found for).
    /// `values` scrubs their names and numbers from free text. Runs inside the shred's transaction;
    /// returns the rows it changed.
    func shred(_ db: Database, campaign: String, values: ShredValues) throws -> Int
}

extension PersonalDataShredder {
    /// Passes each row's text column through `values.scrub`, rewriting only the rows it changes.
    /// `filter` is a SQL condition on the table's rows (with `arguments`) that limits the rows read.
    public func scrub(_ db: Database, table: String, key: String, column: String, where filter: String,
                      arguments: StatementArguments,
                      values: ShredValues) throws -> Int {
        var changed = 0
        let rows = try Row.fetchAll(db, sql: "SELECT \(key) AS k, \(column) AS t FROM \(table) WHERE \(filter)",
                                    arguments: arguments)
        for row in rows {
            guard let text = row["t"] as String? else { continue }
            let scrubbed = values.scrub(text)
            guard scrubbed != text else { continue }
            try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE \(key) = ?", arguments: [scrubbed, row["k"] as DatabaseValue])
            changed += 1
        }
        return changed
    }
}
