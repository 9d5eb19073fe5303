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
    public static func write(_ report: TallyReport, lang: Language, to url: URL) throws {
        let unusable = { (url: URL) in
            WorkflowError.unavailable(TallyCommandMessages.folderMissing(["name": url.lastPathComponent,
                                                                          "folder": url.deletingLastPathComponent().path]),
                                      hint: TallyCommandMessages.chooseOut())
        }
        try WorkbookFile.write(to: url, unusableFolder: unusable) { workbook in
            let styles = WorkbookStyles(workbook)
            let printed = PrintedSheets(report, lang: lang)
            let (summary, chartRow) = writeSummary(report, lang: lang, workbook: workbook, styles: styles, printed: printed)
            printed.setUp(summary, sheet: nil, landscape: TallyTextReport.funnelTable(report, lang: lang).headers.count > 7, headerRow: 3)
            for breakdown in report.breakdowns {
                let name = breakdown.dimension.title(lang)
                guard let worksheet = workbook_add_worksheet(workbook, name) else { continue }
                writeBreakdown(breakdown, of: report, lang: lang, into: worksheet, styles: styles, printed: printed)
                printed.setUp(worksheet, sheet: name, landscape: true, headerRow: 3)
            }
            for (list, rows) in report.askedLists {
                let name = lang == .zh ? list.sheet.zh : list.sheet.en
                guard let worksheet = workbook_add_worksheet(workbook, name) else { continue }
                let sheet = WorksheetCells(worksheet, styles: styles)
                let table = TallyTextReport.personTable(list, rows: rows, lang: lang)
                printed.titleRows(sheet, subtitle: list.title(lang))
                sheet.headers(row: 3, table.headers)
                for (i, row) in table.rows.enumerated() {
                    for (j, cell) in row.enumerated() { sheet.text(row: 4 + i, col: j, cell, style: styles.cell) }
                }
                worksheet_freeze_panes(worksheet, 4, 0)
                printed.setUp(worksheet, sheet: name, landscape: true, headerRow: 3)
                sheet.widths(table)
            }
            writeFunnelChart(report, lang: lang, workbook: workbook, summary: summary, at: chartRow, styles: styles)
        }
    }

    /// The summary sheet: title, the campaigns and period, the form's line (填报单位, 计量单位), the funnel
    /// with its rates, "of which" and comparison columns, the notes and the signature lines; and the row
    /// under them, where the chart goes.
    static func writeSummary(_ report: TallyReport, lang: Language, workbook: WorkbookFile.Workbook, styles: WorkbookStyles,
                             printed: PrintedSheets) -> (UnsafeMutablePointer<lxw_worksheet>?, chartRow: UInt32) {
        let summary = workbook_add_worksheet(workbook, TallyWords.summarySheet.text(lang))
        let sheet = WorksheetCells(summary, styles: styles)
        printed.titleRows(sheet, subtitle: nil)
        let funnel = TallyTextReport.funnelTable(report, lang: lang)
        sheet.headers(row: 3, funnel.headers)
        for (i, measure) in report.measures.enumerated() { writeFunnelRow(measure, row: 4 + i, of: report, lang: lang, into: sheet) }
        let notes = [TallyTextReport.countingNote(report, lang: lang), TallyTextReport.shredNote(report, lang: lang),
                     report.comparison?.note(lang)]
        for (i, note) in notes.enumerated() {
            if let note { sheet.text(row: 4 + report.measures.count + 1 + i, col: 0, note) }
        }
        // The signature lines, each label with its value (blank to fill in by hand).
        let signature = report.form.signature(lang, madeOn: TallyTextReport.madeOn(report))
        for (i, line) in signature.enumerated() {
            let row = 4 + report.measures.count + 4 + i
            sheet.text(row: row, col: 0, line.label, style: styles.header)
            sheet.text(row: row, col: 1, line.value, style: styles.cell)
        }
        sheet.widths(funnel)
        return (summary, UInt32(4 + report.measures.count + 4 + signature.count + 1))
    }

    /// One measure's row of the funnel: its count (and 人数 with several campaigns), its rate, its
    /// "of which" per group and, with an earlier period, that period's count and the change.
    static func writeFunnelRow(_ measure: TallyMeasure, row: Int, of report: TallyReport, lang: Language,
                               into sheet: WorksheetCells) {
        // With several campaigns a 人数 column follows the 人次 totals (see `TallyTextReport.funnelTable`).
        let shift = report.distinctPeople == nil ? 0 : 1
        sheet.text(row: row, col: 0, measure.label(lang), style: sheet.styles.cell)
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

    /// The funnel as a chart Excel draws (and redraws when a figure is corrected), under the summary's
    /// signature lines. Its stages are on a hidden sheet of their own, so they neither print nor show.
    static func writeFunnelChart(_ report: TallyReport, lang: Language, workbook: WorkbookFile.Workbook,
                                 summary: UnsafeMutablePointer<lxw_worksheet>?, at row: UInt32, styles: WorkbookStyles) {
        let stages = report.peopleMeasures
        let dataName = TallyWords.funnelChartData.text(lang)
        guard let summary, !stages.isEmpty, let data = workbook_add_worksheet(workbook, dataName),
              let chart = workbook_add_chart(workbook, UInt8(LXW_CHART_BAR.rawValue)) else { return }
        let sheet = WorksheetCells(data, styles: styles)
        for (i, measure) in stages.enumerated() {
            sheet.text(row: i, col: 0, measure.label(lang), style: styles.cell)
            sheet.number(row: i, col: 1, report.funnel[measure.key] ?? 0)
        }
        worksheet_hide(data)
        let series = chart_add_series(chart, nil, nil)
        chart_series_set_categories(series, dataName, 0, 0, lxw_row_t(stages.count - 1), 0)
        chart_series_set_values(series, dataName, 0, 1, lxw_row_t(stages.count - 1), 1)
        chart_series_set_labels(series)
        chart_title_set_name(chart, TallyWords.funnelChartTitle.text(lang))
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        // A bar chart's categories are its y axis: reversed, registered comes first at the top; the
        // values (x) still grow to the right.
        chart_axis_set_reverse(chart.pointee.y_axis)
        chart_axis_set_crossing_max(chart.pointee.y_axis)   // and the value axis stays under the bars
        _ = worksheet_insert_chart(summary, row, 0, chart)
    }

    /// One breakdown's sheet: a row per township (village, group…), 合计, the 人数 row where rows share
    /// people, and with an earlier period its count of the headline measure and the change.
    static func writeBreakdown(_ breakdown: TallyBreakdown, of report: TallyReport, lang: Language,
                               into worksheet: UnsafeMutablePointer<lxw_worksheet>, styles: WorkbookStyles,
                               printed: PrintedSheets) {
        let sheet = WorksheetCells(worksheet, styles: styles)
        let table = TallyTextReport.breakdownTable(breakdown, lang: lang, comparison: report.comparison)
        printed.titleRows(sheet, subtitle: breakdown.dimension.title(lang))
        let top = 4
        sheet.headers(row: top - 1, table.headers)
        let compared = TallyComparison.pairing(report.comparison, breakdown)
        let measures = breakdown.measures
        let rates = TallyText.breakdownRates(breakdown)
        func counts(row: Int, key: String?, _ counts: TallyCounts) {
            for (j, measure) in measures.enumerated() { sheet.number(row: row, col: 1 + j, counts[measure.key]) }
            for (j, rate) in rates.enumerated() {
                sheet.percent(row: row, col: 1 + measures.count + j, counts.rate(rate.measure, of: rate.rate.of))
            }
            guard let (earlier, measure) = compared else { return }
            let (before, change) = earlier.values(measure, dimension: breakdown.dimension, key: key, now: counts)
            sheet.number(row: row, col: 1 + measures.count + rates.count, before)
            sheet.number(row: row, col: 2 + measures.count + rates.count, change)
        }
        for (i, row) in breakdown.rows.enumerated() {
            sheet.text(row: top + i, col: 0, TallyText.rowLabel(row, dimension: breakdown.dimension, lang: lang), style: styles.cell)
            counts(row: top + i, key: row.key, row.counts)
        }
        // 合计, then how it counts where rows share people.
        let totalRow = top + breakdown.rows.count
        sheet.text(row: totalRow, col: 0, breakdown.distinctTotal == nil ? TallyText.totalLabel(lang)
                   : TallyText.visitsTotalLabel(lang), style: styles.header)
        counts(row: totalRow, key: nil, breakdown.total)
        if let distinct = breakdown.distinctTotal {
            sheet.text(row: totalRow + 1, col: 0, TallyText.peopleTotalLabel(lang), style: styles.header)
            for (j, measure) in measures.enumerated() where distinct[measure.key] != nil {
                sheet.number(row: totalRow + 1, col: 1 + j, distinct[measure.key])
            }
        }
        if let note = TallyTextReport.totalNote(breakdown, lang: lang) { sheet.text(row: totalRow + 3, col: 0, note) }
        worksheet_freeze_panes(worksheet, lxw_row_t(top), 1)
        sheet.widths(table)
    }
}
