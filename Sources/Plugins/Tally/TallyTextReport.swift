import Foundation
import Ledger
import PluginKit
import Workflow

/// The tally as terminal tables and as CSV.
public enum TallyTextReport {
    /// Aligned tables: the funnel with "of which" per target group, then each breakdown.
    /// The report as terminal text; tables wider than `width` columns are cut into parts that fit.
    public static func table(_ report: TallyReport, lang: Language, width: Int? = nil) -> String {
        var out: [String] = []
        let zone = report.timeZone
        out.append(TallyWords.tableTitle.text(lang, ["heading": report.heading(lang)]))
        out.append(Terminal.wrap(report.campaignsLine(lang) + "  " + TallyWords.periodColumn.text(lang, ["period": report.period])
                        + "  " + TallyWords.asOf.text(lang, ["time": TimeFormats.display(report.generatedAt, timeZone: zone)]), width))
        out.append("")
        out.append(funnelTable(report, lang: lang).render(maxWidth: width))
        if let note = countingNote(report, lang: lang) { out.append(Terminal.wrap(note, width)) }
        if let note = report.comparison?.note(lang) { out.append(Terminal.wrap(note, width)) }
        if let note = shredNote(report, lang: lang) { out.append(Terminal.wrap(note, width)) }
        for breakdown in report.breakdowns {
            out.append("")
            out.append(breakdown.dimension.title(lang))
            out.append(breakdownTable(breakdown, lang: lang, comparison: report.comparison).render(maxWidth: width))
            if let note = totalNote(breakdown, lang: lang) { out.append(Terminal.wrap(note, width)) }
        }
        for (list, rows) in report.askedLists {
            out.append("")
            out.append(list.title(lang))
            out.append(personTable(list, rows: rows, lang: lang).render(maxWidth: width))
        }
        out.append("")
        let form = report.form
        out.append(Terminal.wrap(ReportForm.line(form.identity(lang) + form.heading(lang, period: "", measuredIn: measuredIn(report, lang))
                                        + form.signature(lang, madeOn: madeOn(report)), lang), width))
        return out.joined(separator: "\n") + "\n"
    }

    /// 计量单位: people, and visits too where several campaigns add up.
    static func measuredIn(_ report: TallyReport, _ lang: Language) -> String {
        (report.distinctPeople == nil ? ReportFormWords.people : ReportFormWords.peopleAndCampaigns).text(lang)
    }

    /// The day the report was made, in its campaigns' zone: the signature's date unless one was given.
    static func madeOn(_ report: TallyReport) -> String {
        SheetDate.day(of: report.generatedAt, in: report.timeZone)
    }

    static func funnelTable(_ report: TallyReport, lang: Language) -> TextTable {
        let funnel = report.funnel
        let groups = TallyText.groupsPresent(funnel)
        // Several campaigns: the totals are visits (人次, a person at two fairs counts at each), and
        // a column beside them counts each person once (人数).
        let distinct = report.distinctPeople
        let total = (distinct == nil ? TallyWords.total : TallyWords.totalVisits).text(lang)
        // An earlier period's figure and the change come last, so the columns before keep their places.
        let compared = report.comparison
        let comparisonHeaders = compared == nil ? [] : TallyComparison.headers(lang)
        var table = TextTable(
            headers: [TallyWords.measureHeader.text(lang), total] + (distinct == nil ? [] : [TallyWords.people.text(lang)])
                + [TallyWords.rate.text(lang)] + groups.map { TallyWords.ofWhich.text(lang, ["group": $0.label(lang)]) }
                + comparisonHeaders,
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
    static func countingNote(_ report: TallyReport, lang: Language) -> String? {
        guard report.distinctPeople != nil else { return nil }
        return TallyWords.countingNote.text(lang) + (peakNote(report.measures, lang: lang).map { " " + $0 } ?? "")
    }

    /// What the measures that are not added up across campaigns show instead (a peak: the largest).
    static func peakNote(_ measures: [TallyMeasure], lang: Language) -> String? {
        let peaks = measures.filter { $0.combination == .maximum }.map { $0.label(lang) }
        let singles = measures.filter { $0.combination == .single }.map { $0.label(lang) }
        var parts: [String] = []
        if !peaks.isEmpty {
            parts.append(TallyWords.peakNote.text(lang, ["measures": peaks.joined(separator: Punctuation.listComma.text(lang))]))
        }
        if !singles.isEmpty {
            parts.append(TallyWords.singleNote.text(lang, ["measures": singles.joined(separator: Punctuation.listComma.text(lang))]))
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// That the people behind the figures were shredded (and when), for a footnote; nil when none was.
    static func shredNote(_ report: TallyReport, lang: Language) -> String? {
        guard !report.shredded.isEmpty else { return nil }
        let people = report.shredded.reduce(0) { $0 + $1.people }
        let zone = report.timeZone
        let which = report.shredded.map { "\($0.campaign) \(TimeFormats.display($0.at, timeZone: zone).prefix(10))" }
            .joined(separator: Punctuation.listComma.text(lang))
        return TallyWords.shredNote.text(lang, ["people": String(people), "which": which])
    }

    /// A breakdown's table; with an earlier period, two last columns compare its headline measure
    /// (the earlier count and the change) row by row and in 合计. The campaign breakdown is not compared.
    static func breakdownTable(_ breakdown: TallyBreakdown, lang: Language, comparison: TallyComparison? = nil) -> TextTable {
        let measures = breakdown.measures
        let rates = TallyText.breakdownRates(breakdown)
        let compared = TallyComparison.pairing(comparison, breakdown)
        let extra = compared.map { TallyComparison.breakdownHeaders($0.1, lang: lang) } ?? []
        var table = TextTable(headers: [breakdown.dimension.label(lang)] + measures.map { $0.label(lang) }
                                + rates.map { $0.rate.label(lang) } + extra,
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
    static func totalNote(_ breakdown: TallyBreakdown, lang: Language) -> String? {
        if breakdown.distinctTotal != nil {
            return TallyWords.visitsTotalNote.text(lang)
                + (peakNote(breakdown.measures, lang: lang).map { " " + $0 } ?? "")
        }
        guard breakdown.rowsMayOverlap else { return nil }
        let rows = breakdown.dimension.label(lang)
        return TallyWords.overlapTotalNote.text(lang, ["rows": rows])
    }

    /// A list of people (the placed, masked), one line each.
    static func personTable(_ list: TallyPersonList, rows: [TallyPersonList.Row], lang: Language) -> TextTable {
        let headers = list.columns.map { lang == .zh ? $0.zh : $0.en }
        var table = TextTable(headers: headers, numeric: headers.map { _ in false })
        table.rows = rows.map { lang == .zh ? $0.cells.zh : $0.cells.en }
        return table
    }

    /// One CSV table: the total first, then every breakdown's rows, all measures as columns (blank
    /// where a measure does not apply). Chinese headers carry a BOM so Excel reads them as UTF-8.
    public static func csv(_ report: TallyReport, lang: Language) -> String {
        let header = TallyWords.csvColumns.columns(lang)
        let measureHeaders = report.measures.map { lang == .zh ? $0.zh : $0.key }
        var lines = [header + measureHeaders]
        func line(_ dimension: String, _ key: String, _ label: String, _ counts: TallyCounts) -> [String] {
            [dimension, key, label] + report.measures.map { TallyText.number(counts[$0.key]) }
        }
        lines.append(line(TallyWords.total.text(lang), "", report.heading(lang), report.funnel))
        if let earlier = report.comparison {
            lines.append(line(TallyWords.earlier.text(lang), earlier.period, earlier.note(lang), earlier.funnel))
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
                let label = TallyWords.earlierRows.text(lang, ["dimension": dimension])
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
