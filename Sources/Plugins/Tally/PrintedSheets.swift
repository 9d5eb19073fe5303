import CXlsxWriter
import Foundation
import PluginKit
import Workflow

/// The county form on each sheet of the tally's workbook: three rows over every table (the report's
/// title with the sheet's own subject, the campaigns and period, the form's line — 表号, 制表机关,
/// 填报单位, 计量单位), and on every printed page the title at the top and the signature lines and
/// "第 N 页，共 M 页" at the foot, A4 fitted to one page wide, the header row repeated.
struct PrintedSheets {
    let report: TallyReport
    let lang: Language
    let title: String

    init(_ report: TallyReport, lang: Language) {
        self.report = report
        self.lang = lang
        title = TallyWords.reportTitle.text(lang, ["heading": report.heading(lang)])
    }

    /// The three rows over a table; `subtitle` names the sheet's subject (按乡镇) after the title.
    func titleRows(_ sheet: WorksheetCells, subtitle: String?) {
        sheet.title(row: 0, subtitle.map { "\(title) — \($0)" } ?? title)
        sheet.text(row: 1, col: 0, report.campaignsLine(lang) + Punctuation.semicolon.text(lang)
                   + TallyWords.period.text(lang, ["period": report.period]) + Punctuation.semicolon.text(lang)
                   + TallyWords.asOf.text(lang, ["time": TimeFormats.display(report.generatedAt, timeZone: report.timeZone)]))
        let form = report.form
        sheet.text(row: 2, col: 0, ReportForm.line(form.identity(lang) + form.heading(lang, period: "",
                                                   measuredIn: TallyTextReport.measuredIn(report, lang)), lang))
    }

    /// Printed as the county prints it.
    func setUp(_ worksheet: UnsafeMutablePointer<lxw_worksheet>?, sheet: String?, landscape: Bool, headerRow: UInt32) {
        guard let worksheet else { return }
        WorkbookFile.pageSetup(worksheet, landscape: landscape, headerRow: headerRow)
        WorkbookFile.formHeaderFooter(worksheet, title: sheet.map { "\(title) — \($0)" } ?? title,
                                      signature: report.form.signature(lang, madeOn: TallyTextReport.madeOn(report)), lang: lang)
    }
}
