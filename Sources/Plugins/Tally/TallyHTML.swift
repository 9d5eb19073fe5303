import Foundation
import Ledger
import PluginKit
import Workflow

/// The tally as one self-contained HTML file: an SVG funnel, a bar chart and a table per
/// breakdown, no scripts and nothing fetched, so it can be mailed, opened offline and printed.
/// The page is `Templates/tally.html.mustache` (its tables `table.html.mustache`); this type
/// gives it the words and the charts' geometry, already worded in the report's language.
public enum TallyHTML {
    static let template = PageTemplate("tally", PackageResources.tally_html_mustache,
                                       partials: ["table": PackageResources.table_html_mustache])

    public static func render(_ report: TallyReport, lang: Language) -> String {
        template.render(TallyPage(report, lang: lang))
    }
}

/// What the tally's template reads.
struct TallyPage {
    struct Tile { let value: String, label: String }
    struct Note { let text: String, shredded: Bool }
    struct Breakdown {
        let key: String, title: String
        let empty: String?
        let chart: BarChart?
        let table: HTMLTableView
        let note: String?
        /// The signature lines, in the last section only: they print on the page of the last table.
        var closing: String?
    }
    struct List {
        let title: String, table: HTMLTableView
        var closing: String?
    }

    let htmlLang: String, title: String, meta: String, funnelHeading: String
    /// The county form around the report: its page rules, title block and signature lines.
    let pageRules: String, formStyles = PrintedForm.styles, formHead: String
    let summaryClosing: String?
    let tiles: [Tile]
    let funnel: FunnelChart
    let funnelTable: HTMLTableView
    let notes: [Note]
    let breakdowns: [Breakdown]
    let lists: [List]

    init(_ report: TallyReport, lang: Language) {
        htmlLang = lang == .zh ? "zh-CN" : "en"
        title = TallyWords.reportTitle.text(lang, ["heading": report.heading(lang)])
        var meta = [report.campaignsLine(lang)]
        if !report.period.isEmpty { meta.append(TallyWords.periodDetail.text(lang, ["period": report.period])) }
        meta.append(TallyWords.asOf.text(lang, ["time": TimeFormats.display(report.generatedAt, timeZone: report.timeZone)]))
        self.meta = meta.joined(separator: " · ")
        let form = PrintedForm(title: title, form: report.form, lang: lang)
        pageRules = form.pageRules
        formHead = form.head(period: report.period, measuredIn: TallyTextReport.measuredIn(report, lang))
        funnelHeading = TallyWords.funnelHeading.text(lang)
        // The headline figures: the measures their plugins mark as such.
        tiles = report.measures.filter(\.highlight).map { Tile(value: TallyText.number(report.funnel[$0.key]), label: $0.label(lang)) }
        funnel = FunnelChart(report, lang: lang)
        funnelTable = HTMLTableView(TallyTextReport.funnelTable(report, lang: lang))
        notes = [TallyTextReport.countingNote(report, lang: lang).map { Note(text: $0, shredded: false) },
                 (report.comparison?.note(lang)).map { Note(text: $0, shredded: false) },
                 TallyTextReport.shredNote(report, lang: lang).map { Note(text: $0, shredded: true) }].compactMap { $0 }
        var breakdowns = report.breakdowns.map { breakdown in
            let chart = BarChart(breakdown, lang: lang)
            return Breakdown(key: breakdown.dimension.rawValue, title: breakdown.dimension.title(lang),
                             empty: breakdown.rows.isEmpty ? TallyWords.nothingYet.text(lang) : nil,
                             chart: chart,
                             table: HTMLTableView(TallyTextReport.breakdownTable(breakdown, lang: lang, comparison: report.comparison),
                                                  lastRowIsTotal: breakdown.distinctTotal == nil),
                             note: TallyTextReport.totalNote(breakdown, lang: lang), closing: nil)
        }
        var lists = report.askedLists.map {
            List(title: $0.0.title(lang), table: HTMLTableView(TallyTextReport.personTable($0.0, rows: $0.1, lang: lang)), closing: nil)
        }
        // The lines the report is signed under (blank ones left to fill in by hand), after the last table.
        let closing = form.foot(madeOn: TallyTextReport.madeOn(report))
        if !lists.isEmpty { lists[lists.count - 1].closing = closing }
        else if !breakdowns.isEmpty { breakdowns[breakdowns.count - 1].closing = closing }
        summaryClosing = lists.isEmpty && breakdowns.isEmpty ? closing : nil
        self.breakdowns = breakdowns
        self.lists = lists
    }
}
