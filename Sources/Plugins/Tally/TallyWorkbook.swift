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
            let summary = writeSummary(report, lang: lang, workbook: workbook, styles: styles)
            for breakdown in report.breakdowns {
                guard let worksheet = workbook_add_worksheet(workbook, breakdown.dimension.title(lang)) else { continue }
                writeBreakdown(breakdown, of: report, lang: lang, into: worksheet, styles: styles)
            }
            for (list, rows) in report.askedLists {
                guard let worksheet = workbook_add_worksheet(workbook, lang == .zh ? list.sheet.zh : list.sheet.en) else { continue }
                let sheet = WorksheetCells(worksheet, styles: styles)
                let table = TallyTextReport.personTable(list, rows: rows, lang: lang)
                sheet.headers(row: 0, table.headers)
                for (i, row) in table.rows.enumerated() {
                    for (j, cell) in row.enumerated() { sheet.text(row: 1 + i, col: j, cell, style: styles.cell) }
                }
                worksheet_freeze_panes(worksheet, 1, 0)
                WorkbookFile.pageSetup(worksheet, landscape: true, headerRow: 0)
                sheet.widths(table)
            }
            if let summary { WorkbookFile.pageSetup(summary, landscape: false, headerRow: 3) }
        }
    }

    /// The summary sheet: title, the campaigns and period, the funnel with its rates, "of which" and
    /// comparison columns, the notes, the signature lines and the funnel chart.
    static func writeSummary(_ report: TallyReport, lang: Language, workbook: WorkbookFile.Workbook,
                             styles: WorkbookStyles) -> UnsafeMutablePointer<lxw_worksheet>? {
        let summaryName = TallyWords.summarySheet.text(lang)
        let summary = workbook_add_worksheet(workbook, summaryName)
        let sheet = WorksheetCells(summary, styles: styles)
        sheet.title(row: 0, TallyWords.reportTitle.text(lang, ["heading": report.heading(lang)]))
        sheet.text(row: 1, col: 0, report.campaignsLine(lang)
                   + Punctuation.semicolon.text(lang) + TallyWords.period.text(lang, ["period": report.period])
                   + Punctuation.semicolon.text(lang)
                   + TallyWords.asOf.text(lang, ["time": TimeFormats.display(report.generatedAt, timeZone: report.timeZone)]))
        let funnel = TallyTextReport.funnelTable(report, lang: lang)
        sheet.headers(row: 3, funnel.headers)
        for (i, measure) in report.measures.enumerated() { writeFunnelRow(measure, row: 4 + i, of: report, lang: lang, into: sheet) }
        let notes = [TallyTextReport.countingNote(report, lang: lang), TallyTextReport.shredNote(report, lang: lang),
                     report.comparison?.note(lang)]
        for (i, note) in notes.enumerated() {
            if let note { sheet.text(row: 4 + report.measures.count + 1 + i, col: 0, note) }
        }
        // The signature lines, each label with its value (blank to fill in by hand).
        let signature = report.signature.lines(lang, madeOn: TallyTextReport.madeOn(report))
        for (i, line) in signature.enumerated() {
            let row = 4 + report.measures.count + 4 + i
            sheet.text(row: row, col: 0, line.label, style: styles.header)
            sheet.text(row: row, col: 1, line.value, style: styles.cell)
        }
        let dataRow = UInt32(4 + report.measures.count + 4 + signature.count + 2)
        writeFunnelChart(report, lang: lang, sheetName: summaryName, dataRow: dataRow, workbook: workbook, into: sheet)
        sheet.widths(funnel)
        return summary
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

    /// The funnel as a chart Excel draws (and redraws when a figure is corrected): its stages under the
    /// signature lines, the bars beside them.
    static func writeFunnelChart(_ report: TallyReport, lang: Language, sheetName: String, dataRow: UInt32,
                                 workbook: WorkbookFile.Workbook, into sheet: WorksheetCells) {
        sheet.text(row: Int(dataRow), col: 0, TallyWords.funnelChartData.text(lang), style: sheet.styles.header)
        let stages = report.peopleMeasures
        for (i, measure) in stages.enumerated() {
            sheet.text(row: Int(dataRow) + 1 + i, col: 0, measure.label(lang), style: sheet.styles.cell)
            sheet.number(row: Int(dataRow) + 1 + i, col: 1, report.funnel[measure.key] ?? 0)
        }
        guard let summary = sheet.worksheet, !stages.isEmpty,
              let chart = workbook_add_chart(workbook, UInt8(LXW_CHART_BAR.rawValue)) else { return }
        let first = dataRow + 1, last = dataRow + UInt32(stages.count)
        let series = chart_add_series(chart, nil, nil)
        chart_series_set_categories(series, sheetName, first, 0, last, 0)
        chart_series_set_values(series, sheetName, first, 1, last, 1)
        chart_series_set_labels(series)
        chart_title_set_name(chart, TallyWords.funnelChartTitle.text(lang))
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        chart_axis_set_reverse(chart.pointee.x_axis)   // a bar chart's categories run down: registered first
        _ = worksheet_insert_chart(summary, dataRow, 3, chart)
    }

    /// One breakdown's sheet: a row per township (village, group…), 合计, the 人数 row where rows share
    /// people, and with an earlier period its count of the headline measure and the change.
    static func writeBreakdown(_ breakdown: TallyBreakdown, of report: TallyReport, lang: Language,
                               into worksheet: UnsafeMutablePointer<lxw_worksheet>, styles: WorkbookStyles) {
        let sheet = WorksheetCells(worksheet, styles: styles)
        let table = TallyTextReport.breakdownTable(breakdown, lang: lang, comparison: report.comparison)
        sheet.headers(row: 0, table.headers)
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
            sheet.text(row: 1 + i, col: 0, TallyText.rowLabel(row, dimension: breakdown.dimension, lang: lang), style: styles.cell)
            counts(row: 1 + i, key: row.key, row.counts)
        }
        // 合计, then how it counts where rows share people.
        let totalRow = 1 + breakdown.rows.count
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
        worksheet_freeze_panes(worksheet, 1, 1)
        WorkbookFile.pageSetup(worksheet, landscape: true, headerRow: 0)
        sheet.widths(table)
    }
}
