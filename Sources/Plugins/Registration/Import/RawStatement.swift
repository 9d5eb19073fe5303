import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API, for the per-row statements of large
/// imports: GRDB's argument boxing costs more than SQLite's own work there (measured with
/// `campaign-bench import`). The statement is prepared by GRDB, so it lives and dies with the
/// connection as usual; errors come back as GRDB's `DatabaseError`.
struct RawStatement {
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    enum Binding {
        case text(String?)
        case integer(Int64?)
    }

    /// Binds, steps once and hands the row (if any) to `read` before the statement is reset.
    @discardableResult
    func run<T>(_ bindings: [Binding], read: (RawRow) -> T) throws -> T? {
        sqlite3_reset(handle)
        for (i, binding) in bindings.enumerated() {
            let index = Int32(i + 1)
            switch binding {
            case .text(let text?):
                var text = text
                text.withUTF8 { buffer in
                    _ = sqlite3_bind_text(handle, index, buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                          Int32(buffer.count), Self.transient)
                }
            case .integer(let value?):
                sqlite3_bind_int64(handle, index, value)
            case .text(nil), .integer(nil):
                sqlite3_bind_null(handle, index)
            }
        }
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        switch code {
        case SQLITE_ROW: return read(RawRow(handle: handle))
        case SQLITE_DONE: return nil
        default:
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))),
                                sql: statement.sql)
        }
    }

    func execute(_ bindings: [Binding]) throws {
        _ = try run(bindings) { _ in () }
    }
}

struct RawRow {
    let handle: OpaquePointer

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: pointer)
    }
}
