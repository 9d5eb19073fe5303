import Foundation
import GRDB
import Ledger
import Workflow

/// A venue's booths as the organizer draws them (展位表): the booth's number, its place — column and
/// row, counted from the entrance — and whether it is accessible. The list's order is the walking
/// order along which industries are laid out as zones. Importing a venue replaces the campaign's last
/// one; `schedule.booths` then uses it instead of a grid.
struct VenueImport: LedgerKind {
    struct Booth: Sendable {
        var id: String
        var x: Double
        var y: Double
        var accessible: Bool
    }

    static let actionName = "import-venue"
    static let actionSummary = "Imports the venue's booths (展位表: number, column, row, accessible) for schedule.booths."
    static let noun = "booth"
    static let fields = [
        FieldSpec("booth", "展位号", aliases: ["展位", "展位编号", "booth"], required: true),
        FieldSpec("x", "列", aliases: ["横坐标", "x"], required: true),
        FieldSpec("y", "行", aliases: ["纵坐标", "排", "y"], required: true),
        FieldSpec("accessible", "无障碍", aliases: ["无障碍展位", "accessible"]),
    ]

    static func parse(_ row: RowCells) -> Result<Booth, RowProblem> {
        func text(_ field: String) -> String { row[field].trimmingCharacters(in: .whitespaces) }
        let id = text("booth").uppercased()
        guard !id.isEmpty, id.count <= 12, !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return .failure(.at(row, "booth", fields: fields, id.isEmpty ? ImportMessages.empty(SchedulingImportMessages.boothField)
                                : Message(SchedulingImportMessages.notABooth, ["value": id])))
        }
        var place: [Double] = []
        for field in ["x", "y"] {
            guard let value = Double(text(field)), value >= 0, value <= 200, value.isFinite else {
                return .failure(.at(row, field, fields: fields, SchedulingImportMessages.notAPosition, ["value": text(field)]))
            }
            place.append(value)
        }
        let flag = text("accessible").lowercased()
        guard ["", "是", "否", "✓", "♿", "yes", "no", "y", "n"].contains(flag) else {
            return .failure(.at(row, "accessible", fields: fields, SchedulingImportMessages.notYesNo, ["value": flag]))
        }
        return .success(Booth(id: id, x: place[0], y: place[1], accessible: ["是", "✓", "♿", "yes", "y"].contains(flag)))
    }

    static func key(of booth: Booth) -> String { booth.id }

    func makeWriter(_ db: Database, options: ImportOptions) throws -> Writer {
        // The venue is replaced whole, in the import's transaction.
        try db.execute(sql: "DELETE FROM schedule_venue WHERE campaign = ?", arguments: [options.campaign ?? ""])
        return Writer(db: db, campaign: options.campaign ?? "")
    }

    struct Writer: LedgerWriter {
        let db: Database
        let campaign: String
        var linked: Int { 0 }
        var position = 0
        var taken: [[Double]: String] = [:]

        mutating func write(_ booth: Booth, row: Int) throws -> Result<WriteOutcome, RowProblem> {
            if let other = taken[[booth.x, booth.y]] {
                return .failure(RowProblem(row: row, column: "列", reason: Message(SchedulingImportMessages.boothTaken, [
                    "booth": booth.id, "other": other, "x": Self.number(booth.x), "y": Self.number(booth.y)]), cells: []))
            }
            taken[[booth.x, booth.y]] = booth.id
            position += 1
            try db.execute(sql: """
                INSERT INTO schedule_venue (campaign, booth, position, x, y, accessible) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [campaign, booth.id, position, booth.x, booth.y, booth.accessible])
            return .success(.inserted)
        }

        static func number(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }
    }
}

extension ImportKind {
    static let venue = ImportKind("venue", VenueImport(), summary: ImportKindWords.venue,
                                  needsCampaign: true)
}
