import Foundation
import Ledger
import PluginKit
import Workflow

/// The tally as one self-contained HTML file: an SVG funnel, a bar chart and a table per
/// breakdown, no scripts and nothing fetched, so it can be mailed, opened offline and printed.
public enum TallyHTML {
    public static func render(_ report: TallyReport, lang: TallyLanguage) -> String {
        let zone = report.timeZone
        let title = report.heading(lang) + (lang == .zh ? " 招聘成效汇总" : " — outcomes tally")
        var body = "<header><h1>\(HTMLText.escape(title))</h1><p class=\"meta\">"
        body += HTMLText.escape(report.campaignsLine(lang))
        if !report.period.isEmpty {
            body += " · " + HTMLText.escape((lang == .zh ? "时间：" : "Period: ") + report.period)
        }
        body += " · " + HTMLText.escape((lang == .zh ? "生成于 " : "as of ") + TimeFormats.display(report.generatedAt, timeZone: zone))
        body += "</p></header>\n"
        body += "<section class=\"summary\"><h2>\(lang == .zh ? "总体" : "Funnel")</h2>"
        body += tiles(report, lang: lang)
        body += "<div class=\"chart\">" + funnelChart(report, lang: lang) + "</div>"
        body += htmlTable(TallyTextReport.funnelTable(report, lang: lang))
        if let note = TallyTextReport.countingNote(report, lang: lang) { body += "<p class=\"note\">\(HTMLText.escape(note))</p>" }
        if let note = report.comparison?.note(lang) { body += "<p class=\"note\">\(HTMLText.escape(note))</p>" }
        if let note = TallyTextReport.shredNote(report, lang: lang) { body += "<p class=\"note shredded\">\(HTMLText.escape(note))</p>" }
        body += "</section>\n"
        for breakdown in report.breakdowns {
            body += "<section class=\"breakdown\" id=\"by-\(breakdown.dimension.rawValue)\">"
            body += "<h2>\(HTMLText.escape(breakdown.dimension.title(lang)))</h2>"
            body += "<div class=\"chart\">" + barChart(breakdown, lang: lang) + "</div>"
            body += htmlTable(TallyTextReport.breakdownTable(breakdown, lang: lang, comparison: report.comparison),
                              lastRowIsTotal: breakdown.distinctTotal == nil)
            if let note = TallyTextReport.totalNote(breakdown, lang: lang) {
                body += "<p class=\"note\">\(HTMLText.escape(note))</p>"
            }
            body += "</section>\n"
        }
        for (list, rows) in report.askedLists {
            body += "<section class=\"placed\"><h2>\(HTMLText.escape(list.title(lang)))</h2>"
            body += htmlTable(TallyTextReport.personTable(list, rows: rows, lang: lang)) + "</section>\n"
        }
        // The lines the report is signed under, blank ones left to fill in by hand.
        body += "<footer class=\"signature\">" + report.signature.lines(lang, madeOn: TallyTextReport.madeOn(report)).map {
            "<span><b>\(HTMLText.escape($0.label))\(lang == .zh ? "：" : ": ")</b>\(HTMLText.escape($0.value))</span>"
        }.joined() + "</footer>\n"
        return """
            <!DOCTYPE html>
            <html lang="\(lang == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title))</title>
            <style>
            body { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif; margin: 24px auto;
                   max-width: 960px; color: #1d2733; padding: 0 16px; }
            h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; border-left: 4px solid #c8102e;
                   padding-left: 8px; margin: 28px 0 12px; }
            .meta { color: #5b6776; margin: 0; font-size: 13px; }
            .tiles { display: flex; flex-wrap: wrap; gap: 10px; margin-bottom: 12px; }
            .tile { border: 1px solid #d9dee5; border-radius: 6px; padding: 8px 14px; min-width: 92px; }
            .tile b { display: block; font-size: 22px; } .tile span { font-size: 12px; color: #5b6776; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 8px; }
            th, td { border: 1px solid #d9dee5; padding: 4px 8px; } th { background: #f1f4f8; white-space: nowrap; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
            td:first-child { white-space: nowrap; } .scroll { overflow-x: auto; }
            .signature { display: flex; flex-wrap: wrap; gap: 12px 32px; margin-top: 32px; font-size: 14px; }
            .signature span { min-width: 180px; border-bottom: 1px solid #1d2733; padding-bottom: 2px; }
            tr.total td { font-weight: bold; border-top: 2px solid #1d2733; background: #f7f9fb; }
            svg text { font-family: inherit; }
            /* On a phone a chart keeps the width at which its smallest label (12 or 13 units) is at least
               12 px, and scrolls sideways, rather than shrinking its words to specks. */
            .chart { overflow-x: auto; }
            svg.funnel { min-width: 820px; } svg.bars { min-width: 820px; }
            section { page-break-inside: avoid; }
            /* Printed on A4: the summary portrait, each breakdown on landscape pages; every column on the
               page (headers wrap, nothing scrolls or is cut), the header row repeated on each page. */
            @page { size: A4 portrait; margin: 12mm; }
            @page wide { size: A4 landscape; margin: 12mm; }
            @media print {
              body { margin: 0; max-width: none; padding: 0; }
              h2 { page-break-after: avoid; }
              .scroll, .chart { overflow: visible; }
              svg.funnel, svg.bars { min-width: 0; }
              table { font-size: 9px; width: 100%; }
              th { white-space: normal; }
              th, td { padding: 2px 4px; }
              section.breakdown, section.placed { page: wide; page-break-inside: auto; }
              thead { display: table-header-group; }
              tr { page-break-inside: avoid; }
              .signature { page-break-inside: avoid; }
            }
            </style></head><body>
            \(body)</body></html>

            """
    }

    /// The headline figures: the measures their plugins mark as such.
    static func tiles(_ report: TallyReport, lang: TallyLanguage) -> String {
        "<div class=\"tiles\">" + report.measures.filter(\.highlight).map { m in
            "<div class=\"tile\"><b>\(TallyText.number(report.funnel[m.key]))</b><span>\(HTMLText.escape(m.label(lang)))</span></div>"
        }.joined() + "</div>"
    }

    /// Centered bars, one per stage, each as wide as its share of the registered.
    static func funnelChart(_ report: TallyReport, lang: TallyLanguage) -> String {
        let funnel = report.funnel
        let stages = report.peopleMeasures
        let width = 640.0, barHeight = 34.0, gap = 6.0, labelWidth = 150.0
        let top = Double(max(1, stages.compactMap { funnel[$0.key] }.max() ?? 1))
        let colors = ["#1f5fa8", "#2b74c0", "#3d8fd1", "#3aa38f", "#2f9a52", "#1e7a3c"]
        var svg = "<svg class=\"funnel\" role=\"img\" aria-label=\"\(lang == .zh ? "漏斗图" : "funnel")\" "
            + "viewBox=\"0 0 \(Int(width + labelWidth + 90)) \(Int(Double(stages.count) * (barHeight + gap)))\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (i, stage) in stages.enumerated() {
            let value = Double(funnel[stage.key] ?? 0)
            let w = max(2, width * value / top)
            let x = labelWidth + (width - w) / 2, y = Double(i) * (barHeight + gap)
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + barHeight / 2 + 5)\" text-anchor=\"end\" font-size=\"14\">"
                + HTMLText.escape(stage.label(lang)) + "</text>"
            svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(w))\" height=\"\(barHeight)\" rx=\"3\" "
                + "fill=\"\(colors[i % colors.count])\"><title>\(HTMLText.escape(stage.label(lang))) \(Int(value))</title></rect>"
            // The number inside a bar wide enough to hold it, beside a narrow one.
            let inside = w >= 56
            svg += "<text x=\"\(fmt(inside ? labelWidth + width / 2 : x + w + 6))\" y=\"\(y + barHeight / 2 + 5)\" "
                + "text-anchor=\"\(inside ? "middle" : "start")\" font-size=\"14\" fill=\"\(inside ? "#fff" : "#1d2733")\">"
                + "\(Int(value))</text>"
            if let rate = funnel.rate(stage) {
                svg += "<text x=\"\(labelWidth + width + 8)\" y=\"\(y + barHeight / 2 + 5)\" font-size=\"13\" "
                    + "fill=\"#5b6776\">\(TallyText.percent(rate))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// Two bars per row — the first level people reach after registering (attended, or interviewed
    /// where attendance does not apply) and the furthest headline one (placed) — for the top 20 rows.
    static func barChart(_ breakdown: TallyBreakdown, lang: TallyLanguage) -> String {
        let rows = Array(breakdown.rows.prefix(20))
        guard !rows.isEmpty else { return "<p>\(lang == .zh ? "暂无数据" : "nothing recorded yet")</p>" }
        let people = breakdown.measures.filter { ($0.threshold ?? 0) > 0 }
        guard let first = people.first, let last = people.last(where: \.highlight) ?? people.last else { return "" }
        let series: [(TallyMeasure, String)] = [(first, "#3d8fd1"), (last, "#2f9a52")]
        let labelWidth = 190.0, width = 560.0, rowHeight = 30.0
        let top = Double(max(1, rows.map { $0.counts[first.key] ?? 0 }.max() ?? 1, rows.map { $0.counts[last.key] ?? 0 }.max() ?? 1))
        let height = Double(rows.count) * rowHeight + 28
        var svg = "<svg class=\"bars\" role=\"img\" viewBox=\"0 0 \(Int(labelWidth + width + 60)) \(Int(height))\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (i, row) in rows.enumerated() {
            let y = Double(i) * rowHeight
            let label = TallyText.rowLabel(row, dimension: breakdown.dimension, lang: lang)
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 19)\" text-anchor=\"end\" font-size=\"13\">"
                + HTMLText.escape(String(label.prefix(16))) + "</text>"
            for (j, (measure, color)) in series.enumerated() {
                let value = Double(row.counts[measure.key] ?? 0)
                let w = max(1, width * value / top)
                let barY = y + 4 + Double(j) * 11
                svg += "<rect x=\"\(labelWidth)\" y=\"\(fmt(barY))\" width=\"\(fmt(w))\" height=\"10\" fill=\"\(color)\">"
                    + "<title>\(HTMLText.escape(measure.label(lang))) \(Int(value))</title></rect>"
                svg += "<text x=\"\(fmt(labelWidth + w + 4))\" y=\"\(fmt(barY + 9))\" font-size=\"12\">\(Int(value))</text>"
            }
        }
        let legendY = Double(rows.count) * rowHeight + 14
        for (j, (measure, color)) in series.enumerated() {
            let x = labelWidth + Double(j) * 140
            svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(legendY - 9))\" width=\"12\" height=\"10\" fill=\"\(color)\"/>"
                + "<text x=\"\(fmt(x + 16))\" y=\"\(fmt(legendY))\" font-size=\"12\">\(HTMLText.escape(measure.label(lang)))</text>"
        }
        return svg + "</svg>"
    }

    static func htmlTable(_ table: TextTable, lastRowIsTotal: Bool = false) -> String {
        var html = "<div class=\"scroll\"><table><thead><tr>"
        for (i, header) in table.headers.enumerated() {
            html += "<th\(table.numeric[i] ? " class=\"n\"" : "")>\(HTMLText.escape(header))</th>"
        }
        html += "</tr></thead><tbody>"
        for (number, row) in table.rows.enumerated() {
            let total = lastRowIsTotal && number == table.rows.count - 1
            html += (total ? "<tr class=\"total\">" : "<tr>") + row.enumerated().map { i, cell in
                "<td\(table.numeric[i] ? " class=\"n\"" : "")>\(HTMLText.escape(cell))</td>"
            }.joined() + "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}
