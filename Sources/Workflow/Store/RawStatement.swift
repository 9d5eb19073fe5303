import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API, for the per-row statements of large
/// imports: GRDB's argument boxing costs more than SQLite's own work there (measured with
/// `campaign-bench import`). The statement is prepared by GRDB, so it lives and dies with the
/// connection as usual; errors come back as GRDB's `DatabaseError`.
///
/// Use: `bind` each parameter (1-based), then `step()`; read columns while it returns true.
public struct RawStatement {
    public let statement: Statement
    @usableFromInline var handle: OpaquePointer { statement.sqliteStatement }
    /// SQLITE_TRANSIENT: SQLite copies the bytes. Computed, not a stored static, whose lazy
    /// initialization check showed in the profile of a million-row import.
    @usableFromInline @inline(__always) static var transient: sqlite3_destructor_type {
        unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }

    public init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    /// The connection's cached statement for `sql` (prepared once per connection), for statements run
    /// again and again (a check-in's). A statement that returned a row must be `reset()` after reading it.
    public init(cached db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    @inlinable
    public func bind(_ index: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(handle, index)
            return
        }
        text.withUTF8 { buffer in
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  Int32(buffer.count), Self.transient)
        }
    }

    /// Binds ASCII or UTF-8 bytes as text without making a String of them (e.g. an ID number kept inline).
    @inlinable
    public func bind(_ index: Int32, utf8 bytes: UnsafeBufferPointer<UInt8>) {
        _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                              Int32(bytes.count), Self.transient)
    }

    @inlinable
    public func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    @inlinable
    public func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Runs the statement: true when a row is ready to read, false when done.
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE:
            sqlite3_reset(handle)
            return false
        default:
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                                sql: statement.sql)
        }
    }

    /// Rows the last insert, update or delete of the connection changed (this statement's, just after its step).
    public var changes: Int { Int(sqlite3_changes(sqlite3_db_handle(handle))) }

    /// The row number the connection's last INSERT made (this statement's, just after its step).
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(sqlite3_db_handle(handle)) }

    /// Ends a statement that returned a row, so it can run again.
    @inlinable
    public func reset() {
        sqlite3_reset(handle)
    }

    @inlinable
    public func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// The column as an integer, nil where it is NULL.
    @inlinable
    public func optionalInt(_ column: Int32) -> Int64? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
    }

    /// The column's UTF-8 bytes, valid until the next step: for comparing text without making Strings.
    @inlinable
    public func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        guard let pointer = sqlite3_column_text(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
    }

    public func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: pointer)
    }
}
