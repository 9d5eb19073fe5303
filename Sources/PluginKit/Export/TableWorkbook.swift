import CXlsxWriter
import Foundation
import Workflow

/// A list as an Excel workbook a clerk can print and pass on (libxlsxwriter, Debian's
/// libxlsxwriter-dev): per sheet a title row, bold bordered headers repeated on every printed page,
/// numbers stored as numbers, A4 fitted to the page width (landscape when wide), the header frozen.
/// Written through a temporary file, so an error leaves no half-written file.
public struct TableWorkbook: Sendable {
    public struct Sheet: Sendable {
        public var name: String
        public var title: String
        public var headers: [String]
        public var rows: [[Cell]]
        /// Lines under the table (totals, the rule applied, who made it).
        public var notes: [String]

        public init(name: String, title: String, headers: [String], rows: [[Cell]], notes: [String] = []) {
            self.name = name
            self.title = title
            self.headers = headers
            self.rows = rows
            self.notes = notes
        }
    }

    public enum Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        case text(String)
        case number(Double)

        public init(stringLiteral value: String) { self = .text(value) }

        var width: Int {
            switch self {
            case .text(let text): text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
            case .number(let value): String(format: "%.0f", value).count + 2
            }
        }
    }

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    public func write(to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw WorkflowError.unavailable(ToolMessages.noFolder(["name": url.lastPathComponent, "folder": folder.path]),
                                            hint: ToolMessages.createIt())
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard let workbook = workbook_new(temporary.path) else {
            throw WorkflowError.unavailable(ToolMessages.cannotCreate(["path": url.path]), hint: ToolMessages.checkWritable())
        }
        let thin = UInt8(LXW_BORDER_THIN.rawValue)
        let title = workbook_add_format(workbook)
        format_set_bold(title); format_set_font_size(title, 14)
        let header = workbook_add_format(workbook)
        format_set_bold(header); format_set_border(header, thin); format_set_bg_color(header, 0xF1F4F8)
        format_set_text_wrap(header)
        let cell = workbook_add_format(workbook)
        format_set_border(cell, thin)
        let number = workbook_add_format(workbook)
        format_set_border(number, thin); format_set_num_format(number, "#,##0")
        for sheet in sheets {
            guard let worksheet = workbook_add_worksheet(workbook, String(sheet.name.prefix(31))) else { continue }
            worksheet_write_string(worksheet, 0, 0, sheet.title, title)
            for (column, text) in sheet.headers.enumerated() {
                worksheet_write_string(worksheet, 2, lxw_col_t(column), text, header)
            }
            var widths = sheet.headers.map { Cell.text($0).width }
            for (r, row) in sheet.rows.enumerated() {
                for (c, value) in row.enumerated() {
                    switch value {
                    case .text(let text): worksheet_write_string(worksheet, lxw_row_t(3 + r), lxw_col_t(c), text, cell)
                    case .number(let n): worksheet_write_number(worksheet, lxw_row_t(3 + r), lxw_col_t(c), n, number)
                    }
                    if c < widths.count { widths[c] = max(widths[c], value.width) }
                }
            }
            for (i, note) in sheet.notes.enumerated() {
                worksheet_write_string(worksheet, lxw_row_t(4 + sheet.rows.count + i), 0, note, nil)
            }
            for (c, width) in widths.enumerated() {
                worksheet_set_column(worksheet, lxw_col_t(c), lxw_col_t(c), Double(min(max(width, 6), 40)) + 1, nil)
            }
            worksheet_freeze_panes(worksheet, 3, 0)
            worksheet_set_paper(worksheet, 9)                  // A4
            if widths.reduce(0, +) > 90 { worksheet_set_landscape(worksheet) }
            worksheet_fit_to_pages(worksheet, 1, 0)             // the width of one page, as many pages down as needed
            worksheet_repeat_rows(worksheet, 2, 2)
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            try? FileManager.default.removeItem(at: temporary)
            throw WorkflowError.unavailable(ToolMessages.couldNotWrite(["name": url.lastPathComponent,
                                                                        "reason": String(cString: lxw_strerror(status))]),
                                            hint: ToolMessages.diskNotFull())
        }
        _ = try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: temporary, to: url)
    }
}
