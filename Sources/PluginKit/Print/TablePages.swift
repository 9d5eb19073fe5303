import Foundation
import Workflow

/// A list workbook's sheets as one printable HTML page, each sheet from a new A4 page (landscape
/// where it is wide) under the county form: the title block over the table, the signature lines
/// after its notes, the document's title and 第 N 页，共 M 页 on every page. What `--pdf` prints.
public enum TablePages {
    public static func html(_ workbook: TableWorkbook, title: String) -> String {
        let form = PrintedForm(title: title, form: workbook.form ?? ReportForm(), lang: workbook.lang)
        var out = "<!DOCTYPE html><html lang=\"\(workbook.lang == .zh ? "zh-CN" : "en")\"><head><meta charset=\"utf-8\">"
            + "<title>\(PrintedForm.escape(title))</title><style>\(styles)\n\(PrintedForm.styles)\n\(form.pageRules)</style></head><body>"
        for sheet in workbook.sheets {
            let wide = sheet.headers.count > 8
            out += "<section class=\"\(wide ? "wide" : "tall")\"><h1>\(PrintedForm.escape(sheet.title))</h1>"
                + form.head(period: "", measuredIn: nil) + "<table><thead><tr>"
                + sheet.headers.map { "<th>\(PrintedForm.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            for row in sheet.rows {
                out += "<tr>" + row.map(cell).joined() + "</tr>"
            }
            out += "</tbody></table>" + sheet.notes.map { "<p class=\"note\">\(PrintedForm.escape($0))</p>" }.joined()
                + form.foot(madeOn: workbook.madeOn) + "</section>"
        }
        return out + "</body></html>"
    }

    static func cell(_ cell: TableWorkbook.Cell) -> String {
        switch cell {
        case .text(let text): "<td>\(PrintedForm.escape(text))</td>"
        case .number(let value): "<td class=\"n\">\(value == value.rounded() ? String(Int(value)) : String(value))</td>"
        }
    }

    static let styles = """
        @page { size: A4 portrait; margin: 14mm 10mm; }
        @page wide { size: A4 landscape; margin: 14mm 10mm; }
        body { font: 10px "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; margin: 0; color: #1d2733; }
        section { break-after: page; } section:last-child { break-after: auto; } section.wide { page: wide; }
        h1 { font-size: 15px; text-align: center; margin: 0 0 2mm; }
        table { border-collapse: collapse; width: 100%; } thead { display: table-header-group; }
        th, td { border: 1px solid #777; padding: 1mm 1.2mm; text-align: left; } th { background: #eef1f5; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; } tr { break-inside: avoid; }
        .note { margin: 2mm 0 0; break-before: avoid; }
        """
}
