import CXlsxWriter
import Foundation
import Ledger
import PluginKit
import Workflow

/// The tally as an Excel workbook, written by libxlsxwriter (Debian's libxlsxwriter-dev): a
/// summary sheet with the funnel and "of which" columns, then one sheet per breakdown, Chinese
/// (or English) headers, numbers stored as numbers and rates as percentages, so managers can
/// pass the file on or sum it further.
public enum TallyWorkbook {
    /// Writes the workbook to `url` through a temporary file, so an error leaves no half-written report.
    public static func write(_ report: TallyReport, lang: TallyLanguage, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue,
              FileManager.default.isWritableFile(atPath: folder.path) else {
            throw WorkflowError.unavailable(TallyCommandMessages.folderMissing(["name": url.lastPathComponent, "folder": folder.path]),
                                            hint: TallyCommandMessages.chooseOut())
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard let workbook = workbook_new(temporary.path) else {
            throw WorkflowError.unavailable(ToolMessages.cannotCreate(["path": url.path]), hint: ToolMessages.checkFolder())
        }
        let styles = Styles(workbook)
        let zone = report.timeZone

        let summaryName = lang == .zh ? "汇总" : "Summary"
        let summary = workbook_add_worksheet(workbook, summaryName)
        let sheet = Sheet(summary, styles: styles)
        sheet.title(row: 0, report.heading(lang) + (lang == .zh ? " 招聘成效汇总" : " — outcomes tally"))
        sheet.text(row: 1, col: 0, report.campaignsLine(lang)
                   + (lang == .zh ? "；时间：" : "; period: ") + report.period
                   + (lang == .zh ? "；生成于 " : "; as of ") + TimeFormats.display(report.generatedAt, timeZone: zone))
        let funnel = TallyTextReport.funnelTable(report, lang: lang)
        sheet.headers(row: 3, funnel.headers)
        // With several campaigns a 人数 column follows the 人次 totals (see `TallyTextReport.funnelTable`).
        let shift = report.distinctPeople == nil ? 0 : 1
        for (i, measure) in report.measures.enumerated() {
            let row = 4 + i
            sheet.text(row: row, col: 0, measure.label(lang), style: styles.cell)
            sheet.number(row: row, col: 1, report.funnel[measure.key])
            if let distinct = report.distinctPeople { sheet.number(row: row, col: 2, distinct[measure.key]) }
            sheet.percent(row: row, col: 2 + shift, report.funnel.rate(measure))
            let groups = TallyText.groupsPresent(report.funnel)
            for (j, group) in groups.enumerated() {
                sheet.number(row: row, col: 3 + shift + j, report.funnel.ofWhich[group]?[measure.key])
            }
            if let earlier = report.comparison {
                let col = 3 + shift + groups.count
                sheet.number(row: row, col: col, earlier.funnel[measure.key] ?? 0)
                sheet.number(row: row, col: col + 1, earlier.change(measure, now: report.funnel))
                sheet.percent(row: row, col: col + 2, earlier.changeRate(measure, now: report.funnel))
            }
        }
        if let note = TallyTextReport.countingNote(report, lang: lang) {
            sheet.text(row: 4 + report.measures.count + 1, col: 0, note)
        }
        if let note = TallyTextReport.shredNote(report, lang: lang) {
            sheet.text(row: 4 + report.measures.count + 2, col: 0, note)
        }
        if let note = report.comparison?.note(lang) { sheet.text(row: 4 + report.measures.count + 3, col: 0, note) }
        // The signature lines, each label with its value (blank to fill in by hand).
        let signature = report.signature.lines(lang, madeOn: TallyTextReport.madeOn(report))
        for (i, line) in signature.enumerated() {
            let row = 4 + report.measures.count + 4 + i
            sheet.text(row: row, col: 0, line.label, style: styles.header)
            sheet.text(row: row, col: 1, line.value, style: styles.cell)
        }
        // The funnel as a chart Excel draws (and redraws when a figure is corrected): its stages under the
        // signature lines, the bars beside them.
        let dataRow = UInt32(4 + report.measures.count + 4 + signature.count + 2)
        sheet.text(row: Int(dataRow), col: 0, lang == .zh ? "漏斗图数据" : "Funnel chart data", style: styles.header)
        let stages = report.peopleMeasures
        for (i, measure) in stages.enumerated() {
            sheet.text(row: Int(dataRow) + 1 + i, col: 0, measure.label(lang), style: styles.cell)
            sheet.number(row: Int(dataRow) + 1 + i, col: 1, report.funnel[measure.key] ?? 0)
        }
        if let summary, !stages.isEmpty, let chart = workbook_add_chart(workbook, UInt8(LXW_CHART_BAR.rawValue)) {
            let first = dataRow + 1, last = dataRow + UInt32(stages.count)
            let series = chart_add_series(chart, nil, nil)
            chart_series_set_categories(series, summaryName, first, 0, last, 0)
            chart_series_set_values(series, summaryName, first, 1, last, 1)
            chart_series_set_labels(series)
            chart_title_set_name(chart, lang == .zh ? "招聘漏斗" : "Funnel")
            chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
            chart_axis_set_reverse(chart.pointee.x_axis)   // a bar chart's categories run down: registered first
            _ = worksheet_insert_chart(summary, dataRow, 3, chart)
        }
        sheet.widths(funnel)

        for breakdown in report.breakdowns {
            let name = breakdown.dimension.title(lang)
            guard let worksheet = workbook_add_worksheet(workbook, name) else { continue }
            let sheet = Sheet(worksheet, styles: styles)
            let table = TallyTextReport.breakdownTable(breakdown, lang: lang, comparison: report.comparison)
            sheet.headers(row: 0, table.headers)
            // With an earlier period: its count of the headline measure and the change, as the last two columns.
            let compared = TallyComparison.pairing(report.comparison, breakdown)
            func compare(row: Int, key: String?, counts: TallyCounts) {
                guard let (earlier, measure) = compared else { return }
                let (before, change) = earlier.values(measure, dimension: breakdown.dimension, key: key, now: counts)
                let col = 1 + breakdown.measures.count + TallyText.breakdownRates(breakdown).count
                sheet.number(row: row, col: col, before)
                sheet.number(row: row, col: col + 1, change)
            }
            let measures = breakdown.measures
            let rates = TallyText.breakdownRates(breakdown)
            for (i, row) in breakdown.rows.enumerated() {
                sheet.text(row: 1 + i, col: 0, TallyText.rowLabel(row, dimension: breakdown.dimension, lang: lang),
                           style: styles.cell)
                for (j, measure) in measures.enumerated() {
                    sheet.number(row: 1 + i, col: 1 + j, row.counts[measure.key])
                }
                for (j, rate) in rates.enumerated() {
                    sheet.percent(row: 1 + i, col: 1 + measures.count + j, row.counts.rate(rate.measure, of: rate.rate.of))
                }
                compare(row: 1 + i, key: row.key, counts: row.counts)
            }
            // 合计, then how it counts where rows share people.
            let totalRow = 1 + breakdown.rows.count
            sheet.text(row: totalRow, col: 0, breakdown.distinctTotal == nil ? TallyText.totalLabel(lang)
                       : TallyText.visitsTotalLabel(lang), style: styles.header)
            for (j, measure) in measures.enumerated() {
                sheet.number(row: totalRow, col: 1 + j, breakdown.total[measure.key])
            }
            for (j, rate) in rates.enumerated() {
                sheet.percent(row: totalRow, col: 1 + measures.count + j, breakdown.total.rate(rate.measure, of: rate.rate.of))
            }
            compare(row: totalRow, key: nil, counts: breakdown.total)
            if let distinct = breakdown.distinctTotal {
                sheet.text(row: totalRow + 1, col: 0, TallyText.peopleTotalLabel(lang), style: styles.header)
                for (j, measure) in measures.enumerated() where distinct[measure.key] != nil {
                    sheet.number(row: totalRow + 1, col: 1 + j, distinct[measure.key])
                }
            }
            if let note = TallyTextReport.totalNote(breakdown, lang: lang) { sheet.text(row: totalRow + 3, col: 0, note) }
            worksheet_freeze_panes(worksheet, 1, 1)
            Self.pageSetup(worksheet, landscape: true, headerRow: 0)
            sheet.widths(table)
        }

        for (list, rows) in report.askedLists {
            guard let worksheet = workbook_add_worksheet(workbook, lang == .zh ? list.sheet.zh : list.sheet.en) else { continue }
            let sheet = Sheet(worksheet, styles: styles)
            let table = TallyTextReport.personTable(list, rows: rows, lang: lang)
            sheet.headers(row: 0, table.headers)
            for (i, row) in table.rows.enumerated() {
                for (j, cell) in row.enumerated() { sheet.text(row: 1 + i, col: j, cell, style: styles.cell) }
            }
            worksheet_freeze_panes(worksheet, 1, 0)
            Self.pageSetup(worksheet, landscape: true, headerRow: 0)
            sheet.widths(table)
        }
        if let summary { Self.pageSetup(summary, landscape: false, headerRow: 3) }

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

    /// Printed as the county prints it: A4 (paper 9), one page wide (as many tall as it takes), the
    /// header row repeated on every page; breakdowns and lists landscape, the summary portrait.
    static func pageSetup(_ worksheet: UnsafeMutablePointer<lxw_worksheet>, landscape: Bool, headerRow: UInt32) {
        worksheet_set_paper(worksheet, 9)
        if landscape { worksheet_set_landscape(worksheet) } else { worksheet_set_portrait(worksheet) }
        worksheet_fit_to_pages(worksheet, 1, 0)
        _ = worksheet_repeat_rows(worksheet, headerRow, headerRow)
        worksheet_set_margins(worksheet, 0.5, 0.5, 0.6, 0.6)
    }

    /// The formats, created once per workbook (libxlsxwriter owns and frees them).
    struct Styles {
        typealias Format = UnsafeMutablePointer<lxw_format>
        let title: Format?
        let header: Format?
        let cell: Format?
        let number: Format?
        let percent: Format?

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            let thin = UInt8(LXW_BORDER_THIN.rawValue)
            func make(_ configure: (Format) -> Void) -> Format? {
                guard let format = workbook_add_format(workbook) else { return nil }
                configure(format)
                return format
            }
            title = make { format_set_bold($0); format_set_font_size($0, 14) }
            header = make {
                format_set_bold($0); format_set_bg_color($0, 0xF1F4F8); format_set_border($0, thin)
                format_set_align($0, UInt8(LXW_ALIGN_CENTER.rawValue))
            }
            cell = make { format_set_border($0, thin) }
            number = make { format_set_border($0, thin); format_set_num_format($0, "#,##0") }
            percent = make { format_set_border($0, thin); format_set_num_format($0, "0.0%") }
        }
    }

    /// Writes cells into one worksheet.
    struct Sheet {
        let worksheet: UnsafeMutablePointer<lxw_worksheet>?
        let styles: Styles

        init(_ worksheet: UnsafeMutablePointer<lxw_worksheet>?, styles: Styles) {
            self.worksheet = worksheet
            self.styles = styles
        }

        func title(row: Int, _ text: String) {
            worksheet_write_string(worksheet, lxw_row_t(row), 0, text, styles.title)
        }

        func text(row: Int, col: Int, _ text: String, style: Styles.Format? = nil) {
            worksheet_write_string(worksheet, lxw_row_t(row), lxw_col_t(col), text, style)
        }

        func headers(row: Int, _ headers: [String]) {
            for (i, header) in headers.enumerated() { text(row: row, col: i, header, style: styles.header) }
        }

        /// A number, or a bordered blank where the measure does not apply.
        func number(row: Int, col: Int, _ value: Int?) {
            if let value {
                worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(col), Double(value), styles.number)
            } else {
                worksheet_write_blank(worksheet, lxw_row_t(row), lxw_col_t(col), styles.cell)
            }
        }

        func percent(row: Int, col: Int, _ value: Double?) {
            if let value {
                worksheet_write_number(worksheet, lxw_row_t(row), lxw_col_t(col), value, styles.percent)
            } else {
                worksheet_write_blank(worksheet, lxw_row_t(row), lxw_col_t(col), styles.cell)
            }
        }

        /// Column widths from the longest text, counting Chinese characters as two.
        func widths(_ table: TextTable) {
            for i in table.headers.indices {
                let longest = ([table.headers[i]] + table.rows.map { i < $0.count ? $0[i] : "" }).map(\.terminalWidth).max() ?? 8
                worksheet_set_column(worksheet, lxw_col_t(i), lxw_col_t(i), Double(min(60, max(8, longest + 2))), nil)
            }
        }
    }
}
