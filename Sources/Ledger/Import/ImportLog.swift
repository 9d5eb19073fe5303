import Foundation
import GRDB
import Workflow

/// The record each import leaves in `ledger_import`: the file, its sheets with the header row
/// taken and the title lines above it (masked), and what came of the rows. Written in the import's
/// transaction, so a refused import leaves no entry.
enum ImportLog {
    struct SheetEntry: Codable {
        var name: String?
        var headerRow: Int
        var description: [String]
        var fieldFromName: String?
        var rows: Int
        var rejected: Int
        var skipped: Int
    }

    static func record(_ db: Database, _ summary: ImportSummary, kind: String, source: String, at now: Date) throws {
        let sheets = summary.sheets.map {
            SheetEntry(name: $0.name, headerRow: $0.headerRow, description: $0.description.map(Masking.scrub),
                       fieldFromName: $0.fieldFromName, rows: $0.rows, rejected: $0.rejected, skipped: $0.skipped)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(sheets), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO ledger_import (at, kind, source, format, sheets, rows, inserted, updated, unchanged, rejected, skipped)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [Int64(now.timeIntervalSince1970), kind, source, summary.format, json, summary.rows,
                             summary.inserted, summary.updated, summary.unchanged, summary.rejected, summary.skipped])
    }
}
