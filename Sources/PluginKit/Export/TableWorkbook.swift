import CXlsxWriter
import Foundation
import Workflow

/// A list as an Excel workbook a clerk can print and pass on (libxlsxwriter, Debian's
/// libxlsxwriter-dev): per sheet a title row, bold bordered headers repeated on every printed page,
/// numbers stored as numbers, A4 fitted to the page width (landscape when wide), the header frozen.
/// Written through `WorkbookFile`, so an error leaves no half-written file.
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
    /// The county form the lists are printed as (the line under each title, the signature lines and
    /// 第 N 页，共 M 页 on every page); nil for a working list.
    public var form: ReportForm?
    public var lang: Language
    /// The day it is made, for 报出日期 where the form gives none.
    public var madeOn: String

    public init(sheets: [Sheet], form: ReportForm? = nil, lang: Language = .zh, madeOn: String = "") {
        self.sheets = sheets
        self.form = form
        self.lang = lang
        self.madeOn = madeOn
    }

    public func write(to url: URL) throws {
        try WorkbookFile.write(to: url) { workbook in
            let styles = WorkbookStyles(workbook)
            for sheet in sheets {
                guard let worksheet = workbook_add_worksheet(workbook, String(sheet.name.prefix(31))) else { continue }
                fill(worksheet, with: sheet, styles: styles)
            }
        }
    }

    /// One list: its title, headers on the third row, the rows, the notes under them; columns as wide
    /// as their longest text, landscape when the sheet is wide.
    private func fill(_ worksheet: UnsafeMutablePointer<lxw_worksheet>, with sheet: Sheet, styles: WorkbookStyles) {
        let cells = WorksheetCells(worksheet, styles: styles)
        cells.title(row: 0, sheet.title)
        if let form { cells.text(row: 1, col: 0, ReportForm.line(form.identity(lang) + form.heading(lang, period: "", measuredIn: nil), lang)) }
        cells.headers(row: 2, sheet.headers)
        var widths = sheet.headers.map { Cell.text($0).width }
        for (r, row) in sheet.rows.enumerated() {
            for (c, value) in row.enumerated() {
                switch value {
                case .text(let text): cells.text(row: 3 + r, col: c, text, style: styles.cell)
                case .number(let n): cells.number(row: 3 + r, col: c, n)
                }
                if c < widths.count { widths[c] = max(widths[c], value.width) }
            }
        }
        for (i, note) in sheet.notes.enumerated() { cells.text(row: 4 + sheet.rows.count + i, col: 0, note) }
        for (c, width) in widths.enumerated() {
            worksheet_set_column(worksheet, lxw_col_t(c), lxw_col_t(c), Double(min(max(width, 6), 40)) + 1, nil)
        }
        worksheet_freeze_panes(worksheet, 3, 0)
        WorkbookFile.pageSetup(worksheet, landscape: widths.reduce(0, +) > 90, headerRow: 2)
        if let form {
            WorkbookFile.formHeaderFooter(worksheet, title: sheet.title, signature: form.signature(lang, madeOn: madeOn), lang: lang)
        }
    }
}
