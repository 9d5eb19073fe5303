import CXlsxWriter

/// Writes cells into one worksheet with the shared styles: text, headers, numbers and rates, a
/// bordered blank where a measure does not apply, and column widths from the longest text.
public struct WorksheetCells {
    public let worksheet: UnsafeMutablePointer<lxw_worksheet>?
    public let styles: WorkbookStyles

    public init(_ worksheet: UnsafeMutablePointer<lxw_worksheet>?, styles: WorkbookStyles) {
        self.worksheet = worksheet
        self.styles = styles
    }

    public func title(row: Int, _ text: String) {
        worksheet_write_string(worksheet, lxw_row_t(row), 0, text, styles.title)
    }

    public func text(row: Int, col: Int, _ text: String, style: WorkbookStyles.Format? = nil) {
        worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(col), text, style)
    }

    public func headers(row: Int, _ headers: [String]) {
        for (i, header) in headers.enumerated() { text(row: row, col: i, header, style: styles.header) }
    }

    /// A number, or a bordered blank where the measure does not apply.
    public func number(row: Int, col: Int, _ value: Int?) {
        number(row: row, col: col, value.map(Double.init))
    }

    public func number(row: Int, col: Int, _ value: Double?) {
        if let value {
            worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(col), value, styles.number)
        } else {
            worksheet_write_blank(worksheet, lxw_row_t(row), lxw_col_t(col), styles.cell)
        }
    }

    public func percent(row: Int, col: Int, _ value: Double?) {
        if let value {
            worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(col), value, styles.percent)
        } else {
            worksheet_write_blank(worksheet, lxw_row_t(row), lxw_col_t(col), styles.cell)
        }
    }

    /// Column widths from the longest text, counting Chinese characters as two, between `least` and `most`.
    public func widths(_ table: TextTable, least: Int = 8, most: Int = 60) {
        for i in table.headers.indices {
            let longest = ([table.headers[i]] + table.rows.map { i < $0.count ? $0[i] : "" }).map(\.terminalWidth).max() ?? least
            worksheet_set_column(worksheet, lxw_col_t(i), lxw_col_t(i), Double(min(most, max(least, longest + 2))), nil)
        }
    }
}
