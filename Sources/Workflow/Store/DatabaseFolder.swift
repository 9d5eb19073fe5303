import Foundation
import GRDB
import GRDBSQLite

extension Database {
    /// The folder holding the workspace file, or nil for an in-memory database. Files a step
    /// writes for the clerk (reject files) fall back there when their usual folder is read-only.
    public var workspaceFolder: URL? {
        guard let name = sqlite3_db_filename(sqliteConnection, "main"), name.pointee != 0 else { return nil }
        return URL(fileURLWithPath: String(cString: name)).deletingLastPathComponent()
    }

    /// The workspace file's own name (`campaign.sqlite`), or nil for an in-memory database.
    public var workspaceFileName: String? {
        guard let name = sqlite3_db_filename(sqliteConnection, "main"), name.pointee != 0 else { return nil }
        return URL(fileURLWithPath: String(cString: name)).lastPathComponent
    }
}
