import Foundation
import Ledger
import PluginKit
import Workflow

/// The tally as terminal tables and as CSV.
public enum TallyTextReport {
    /// Aligned tables: the funnel with "of which" per target group, then each breakdown.
    /// The report as terminal text; tables wider than `width` columns are cut into parts that fit.
    public static func table(_ report: TallyReport, lang: TallyLanguage, width: Int? = nil) -> String {
        var out: [String] = []
        let zone = report.timeZone
        out.append(report.heading(lang) + (lang == .zh ? " — 汇总" : " — tally"))
        out.append(wrap(report.campaignsLine(lang) + (lang == .zh ? "  时间: " : "  period: ") + report.period
                        + (lang == .zh ? "  生成于 " : "  as of ") + TimeFormats.display(report.generatedAt, timeZone: zone), width))
        out.append("")
        out.append(funnelTable(report, lang: lang).render(maxWidth: width))
        if let note = countingNote(report, lang: lang) { out.append(wrap(note, width)) }
        if let note = report.comparison?.note(lang) { out.append(wrap(note, width)) }
        if let note = shredNote(report, lang: lang) { out.append(wrap(note, width)) }
        for breakdown in report.breakdowns {
            out.append("")
            out.append(breakdown.dimension.title(lang))
            out.append(breakdownTable(breakdown, lang: lang, comparison: report.comparison).render(maxWidth: width))
            if let note = totalNote(breakdown, lang: lang) { out.append(wrap(note, width)) }
        }
        for (list, rows) in report.askedLists {
            out.append("")
            out.append(list.title(lang))
            out.append(personTable(list, rows: rows, lang: lang).render(maxWidth: width))
        }
        out.append("")
        out.append(wrap(report.signature.text(lang, madeOn: madeOn(report)), width))
        return out.joined(separator: "\n") + "\n"
    }

    /// The day the report was made, in its campaigns' zone: the signature's date unless one was given.
    static func madeOn(_ report: TallyReport) -> String {
        String(TimeFormats.display(report.generatedAt, timeZone: report.timeZone).prefix(10))
    }

    static func funnelTable(_ report: TallyReport, lang: TallyLanguage) -> TextTable {
        let funnel = report.funnel
        let groups = TallyText.groupsPresent(funnel)
        let ofWhich = lang == .zh ? "其中" : "of which"
        // Several campaigns: the totals are visits (人次, a person at two fairs counts at each), and
        // a column beside them counts each person once (人数).
        let distinct = report.distinctPeople
        let total = distinct == nil ? (lang == .zh ? "合计" : "total") : (lang == .zh ? "合计（人次）" : "total (visits)")
        // An earlier period's figure and the change come last, so the columns before keep their places.
        let compared = report.comparison
        let comparisonHeaders = compared == nil ? [] : TallyComparison.headers(lang)
        var table = TextTable(
            headers: [lang == .zh ? "指标" : "measure", total] + (distinct == nil ? [] : [lang == .zh ? "人数" : "people"])
                + [lang == .zh ? "转化率" : "rate"] + groups.map { "\(ofWhich) \($0.label(lang))" } + comparisonHeaders,
            numeric: [false, true] + (distinct == nil ? [] : [true]) + [true] + groups.map { _ in true }
                + comparisonHeaders.map { _ in true })
        for measure in report.measures {
            table.rows.append([measure.label(lang), TallyText.number(funnel[measure.key])]
                + (distinct.map { [TallyText.number($0[measure.key])] } ?? [])
                + [TallyText.percent(funnel.rate(measure))]
                + groups.map { TallyText.number(funnel.ofWhich[$0]?[measure.key]) }
                + (compared.map { earlier in
                    [String(earlier.funnel[measure.key] ?? 0), TallyComparison.signed(earlier.change(measure, now: funnel)),
                     TallyComparison.signedPercent(earlier.changeRate(measure, now: funnel))]
                } ?? []))
        }
        return table
    }

    /// How several campaigns are counted, for a footnote under the funnel; nil for one campaign.
    static func countingNote(_ report: TallyReport, lang: TallyLanguage) -> String? {
        guard report.distinctPeople != nil else { return nil }
        return (lang == .zh
            ? "人次：一人参加多场活动，每场各计一次（各场相加）；人数：每人只计一次。转化率与“其中”按人次计算。"
            : "Visits: a person at several campaigns counts at each (the campaigns add up); people: each person once. "
                + "Rates and \"of which\" are over visits.") + (peakNote(report.measures, lang: lang).map { " " + $0 } ?? "")
    }

    /// What the measures that are not added up across campaigns show instead (a peak: the largest).
    static func peakNote(_ measures: [TallyMeasure], lang: TallyLanguage) -> String? {
        let peaks = measures.filter { $0.combination == .maximum }.map { $0.label(lang) }
        let singles = measures.filter { $0.combination == .single }.map { $0.label(lang) }
        var parts: [String] = []
        if !peaks.isEmpty {
            parts.append(lang == .zh ? "\(peaks.joined(separator: "、"))取各场中的最大值，不相加。"
                         : "\(peaks.joined(separator: ", ")): the largest of the campaigns, not their sum.")
        }
        if !singles.isEmpty {
            parts.append(lang == .zh ? "\(singles.joined(separator: "、"))只对单场活动有意义，多场汇总时留空。"
                         : "\(singles.joined(separator: ", ")): for one campaign only, blank for several.")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// Prose cut into lines of at most `width` display columns (Chinese characters count two), at a
    /// space where there is one; unchanged without a width.
    static func wrap(_ text: String, _ width: Int?) -> String {
        guard let width, text.terminalWidth > width else { return text }
        var lines: [String] = []
        var line = ""
        for character in text {
            if (line + String(character)).terminalWidth > width {
                if let space = line.lastIndex(of: " "), line.distance(from: line.startIndex, to: space) > 0 {
                    lines.append(String(line[..<space]))
                    line = String(line[line.index(after: space)...])
                } else {
                    lines.append(line)
                    line = ""
                }
            }
            line.append(character)
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// That the people behind the figures were shredded (and when), for a footnote; nil when none was.
    static func shredNote(_ report: TallyReport, lang: TallyLanguage) -> String? {
        guard !report.shredded.isEmpty else { return nil }
        let people = report.shredded.reduce(0) { $0 + $1.people }
        let zone = report.timeZone
        let which = report.shredded.map { "\($0.campaign) \(TimeFormats.display($0.at, timeZone: zone).prefix(10))" }
            .joined(separator: lang == .zh ? "、" : ", ")
        return lang == .zh
            ? "个人信息已销毁：本报告所涉 \(people) 人的姓名、身份证号和电话已按保留期限销毁（\(which)）；各项数字不变。"
            : "Personal data shredded: the names, ID numbers and phones of \(people) people behind these figures were "
                + "shredded (\(which)); the figures are unchanged."
    }

    /// A breakdown's table; with an earlier period, two last columns compare its headline measure
    /// (the earlier count and the change) row by row and in 合计. The campaign breakdown is not compared.
    static func breakdownTable(_ breakdown: TallyBreakdown, lang: TallyLanguage, comparison: TallyComparison? = nil) -> TextTable {
        let measures = breakdown.measures
        let rates = TallyText.breakdownRates(breakdown)
        let compared = TallyComparison.pairing(comparison, breakdown)
        let extra = compared.map { TallyComparison.breakdownHeaders($0.1, lang: lang) } ?? []
        var table = TextTable(headers: [breakdown.dimension.label(lang)] + measures.map { $0.label(lang) }
                                + rates.map { lang == .zh ? $0.rate.zh : $0.rate.en } + extra,
                              numeric: [false] + measures.map { _ in true } + rates.map { _ in true } + extra.map { _ in true })
        func comparing(_ key: String?, _ counts: TallyCounts) -> [String] {
            compared.map { earlier, measure in earlier.cells(measure, dimension: breakdown.dimension, key: key, now: counts) } ?? []
        }
        for row in breakdown.rows {
            var cells = [TallyText.rowLabel(row, dimension: breakdown.dimension, lang: lang)]
            cells += measures.map { TallyText.number(row.counts[$0.key]) }
            cells += rates.map { TallyText.percent(row.counts.rate($0.measure, of: $0.rate.of)) }
            table.rows.append(cells + comparing(row.key, row.counts))
        }
        var total = [breakdown.distinctTotal == nil ? TallyText.totalLabel(lang) : TallyText.visitsTotalLabel(lang)]
        total += measures.map { TallyText.number(breakdown.total[$0.key]) }
        total += rates.map { TallyText.percent(breakdown.total.rate($0.measure, of: $0.rate.of)) }
        table.rows.append(total + comparing(nil, breakdown.total))
        if let distinct = breakdown.distinctTotal {
            // Only the people measures have a distinct figure; what campaigns offered stays blank.
            table.rows.append([TallyText.peopleTotalLabel(lang)] + measures.map { TallyText.number(distinct[$0.key]) }
                              + rates.map { _ in "" } + extra.map { _ in "" })
        }
        return table
    }

    /// Under a breakdown whose rows may share people: how 合计 counts them.
    static func totalNote(_ breakdown: TallyBreakdown, lang: TallyLanguage) -> String? {
        if breakdown.distinctTotal != nil {
            return (lang == .zh
                ? "合计（人次）是各场之和：一人参加两场，在两场的行中各计一次、在人次中计两次；合计（人数）每人只计一次。"
                : "The total (visits) is the campaigns' sum: a person at two campaigns counts in both rows and twice "
                    + "in it; the total (people) counts each person once.")
                + (peakNote(breakdown.measures, lang: lang).map { " " + $0 } ?? "")
        }
        guard breakdown.rowsMayOverlap else { return nil }
        let rows = breakdown.dimension.label(lang)
        return lang == .zh
            ? "合计按人数计：一人可出现在多个\(rows)行中，在合计中只计一次，所以合计可能小于各行之和。"
            : "The total counts people: someone may appear in several \(rows) rows but counts once in it, so it may be "
                + "less than the rows' sum."
    }

    /// A list of people (the placed, masked), one line each.
    static func personTable(_ list: TallyPersonList, rows: [TallyPersonList.Row], lang: TallyLanguage) -> TextTable {
        let headers = list.columns.map { lang == .zh ? $0.zh : $0.en }
        var table = TextTable(headers: headers, numeric: headers.map { _ in false })
        table.rows = rows.map { lang == .zh ? $0.cells.zh : $0.cells.en }
        return table
    }

    /// One CSV table: the total first, then every breakdown's rows, all measures as columns (blank
    /// where a measure does not apply). Chinese headers carry a BOM so Excel reads them as UTF-8.
    public static func csv(_ report: TallyReport, lang: TallyLanguage) -> String {
        let header = lang == .zh ? ["维度", "编码", "名称"] : ["dimension", "key", "label"]
        let measureHeaders = report.measures.map { lang == .zh ? $0.zh : $0.key }
        var lines = [header + measureHeaders]
        func line(_ dimension: String, _ key: String, _ label: String, _ counts: TallyCounts) -> [String] {
            [dimension, key, label] + report.measures.map { TallyText.number(counts[$0.key]) }
        }
        lines.append(line(lang == .zh ? "合计" : "total", "", report.heading(lang), report.funnel))
        if let earlier = report.comparison {
            lines.append(line(lang == .zh ? "对比期" : "earlier", earlier.period, earlier.note(lang), earlier.funnel))
        }
        for breakdown in report.breakdowns {
            let dimension = lang == .zh ? breakdown.dimension.label(.zh) : breakdown.dimension.rawValue
            for row in breakdown.rows {
                lines.append(line(dimension, row.key, TallyText.rowLabel(row, dimension: breakdown.dimension, lang: lang),
                                  row.counts))
            }
            lines.append(line(dimension, "total", breakdown.distinctTotal == nil ? TallyText.totalLabel(lang)
                                : TallyText.visitsTotalLabel(lang), breakdown.total))
            if let distinct = breakdown.distinctTotal {
                lines.append(line(dimension, "distinct", TallyText.peopleTotalLabel(lang), distinct))
            }
            // The earlier period's rows of this breakdown, by the same keys, then its 合计.
            if let (earlier, _) = TallyComparison.pairing(report.comparison, breakdown) {
                let label = dimension + (lang == .zh ? "（对比期）" : " (earlier)")
                for (key, counts) in (earlier.rows[breakdown.dimension] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    lines.append(line(label, key, key, counts))
                }
                if let total = earlier.totals[breakdown.dimension] {
                    lines.append(line(label, "total", TallyText.totalLabel(lang), total))
                }
            }
        }
        return CSVExport.text(lines, byteOrderMark: lang == .zh)
    }
}
