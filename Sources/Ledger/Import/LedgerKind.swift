import GRDB
import Workflow

/// What changed when one record was written.
public enum WriteOutcome: Sendable {
    case inserted, updated, unchanged
}

/// One kind of ledger list (people, enterprises, postings): its columns, how a row becomes a
/// record, and how a record is written. Parsing runs on the reader thread; writing runs in the
/// import's transaction.
public protocol LedgerKind: Sendable {
    associatedtype Record: Sendable
    associatedtype Key: Hashable & Sendable
    /// A concrete type rather than `any LedgerWriter`, so the import loop is specialized for each
    /// kind and a record reaches the writer without boxing.
    associatedtype Writer: LedgerWriter<Record>

    static var noun: String { get }
    static var fields: [FieldSpec] { get }
    /// The step action's name (`import-people`) and summary.
    static var actionName: String { get }
    static var actionSummary: String { get }

    /// Validates a row; a problem names the column at fault.
    static func parse(_ row: RowCells) -> Result<Record, RowProblem>
    /// The identity used to spot the same record twice in one file.
    static func key(of record: Record) -> Key

    /// Whether the writer can refuse a row that parsed (e.g. a posting whose enterprise is not in
    /// the ledger); the runner then keeps each row's cells for the reject file.
    static var writerMayRefuse: Bool { get }
    /// Whether the rows are people going into the ledger: a first, city-wide load of them may go
    /// through a rollback journal (see `ImportKind.importFile(_:options:pool:progress:)`).
    static var loadsPeople: Bool { get }

    /// The field a sheet's name stands for when a workbook keeps one sheet per place and its
    /// sheets have no column for that field (people: the township); nil when names mean nothing.
    static func fieldNamedBySheets(_ names: [String], hasColumn: (String) -> Bool) -> FieldSpec?

    /// The cells of a valid record that were left out (an unknown target group, a phone number a
    /// digit short): the record is written without them and the row goes to the reject file with
    /// each reason, so one bad cell never costs the whole person.
    static func refusedCells(of record: Record) -> [(field: String, reason: Message)]

    /// Prepares statements once per import.
    func makeWriter(_ db: Database, options: ImportOptions) throws -> Writer
}

public protocol LedgerWriter<Record> {
    associatedtype Record
    /// Writes a record; may refuse it (e.g. a posting whose enterprise is unknown).
    mutating func write(_ record: Record, row: Int) throws -> Result<WriteOutcome, RowProblem>
    /// Campaign registrations (or links) newly made by this import.
    var linked: Int { get }
    /// Writes what the writer buffered; called once after the last row.
    mutating func finish() throws
}

extension LedgerKind {
    public static var writerMayRefuse: Bool { true }
    public static var loadsPeople: Bool { false }
    public static func fieldNamedBySheets(_ names: [String], hasColumn: (String) -> Bool) -> FieldSpec? { nil }
    public static func refusedCells(of record: Record) -> [(field: String, reason: Message)] { [] }
}

extension LedgerWriter {
    public mutating func finish() throws {}
}
