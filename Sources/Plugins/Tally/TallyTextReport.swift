import Foundation
import Ledger
import Outcomes
import PluginKit
import Workflow

/// The tally as terminal tables and as CSV.
public enum TallyTextReport {
    /// Aligned tables: the funnel with "of which" per target group, then each breakdown.
    public static func table(_ report: TallyReport, lang: TallyLanguage) -> String {
        var out: [String] = []
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let names = report.campaigns.map(\.name).joined(separator: ", ")
        out.append(report.heading(lang) + (lang == .zh ? " — 汇总" : " — tally"))
        out.append((lang == .zh ? "活动: " : "campaigns: ") + names + (lang == .zh ? "  生成于 " : "  as of ")
                   + TimeFormats.display(report.generatedAt, timeZone: zone))
        out.append("")
        out.append(funnelTable(report.funnel, lang: lang).render())
        for breakdown in report.breakdowns {
            out.append("")
            out.append(breakdown.dimension.title(lang))
            out.append(breakdownTable(breakdown, lang: lang).render())
        }
        if let placed = report.placed {
            out.append("")
            out.append(placedTitle(lang))
            out.append(placedTable(placed, lang: lang).render())
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func funnelTable(_ funnel: TallyCounts, lang: TallyLanguage) -> TextTable {
        let groups = TallyText.groupsPresent(funnel)
        let ofWhich = lang == .zh ? "其中" : "of which"
        var table = TextTable(
            headers: [lang == .zh ? "指标" : "measure", lang == .zh ? "合计" : "total", lang == .zh ? "转化率" : "rate"]
                + groups.map { "\(ofWhich) \($0.label(lang))" },
            numeric: [false, true, true] + groups.map { _ in true })
        for measure in TallyMeasure.allCases {
            table.rows.append([measure.label(lang), TallyText.number(measure.value(in: funnel)),
                               TallyText.percent(measure.rate(in: funnel))]
                + groups.map { TallyText.number(funnel.ofWhich[$0].flatMap(measure.value(in:))) })
        }
        return table
    }

    static func breakdownTable(_ breakdown: TallyBreakdown, lang: TallyLanguage) -> TextTable {
        let measures = breakdown.dimension.measures
        let placedRate = lang == .zh ? "就业率" : "placed/attended"
        let showsRate = measures.contains(.attended)
        var table = TextTable(headers: [breakdown.dimension.label(lang)] + measures.map { $0.label(lang) }
                                + (showsRate ? [placedRate] : []),
                              numeric: [false] + measures.map { _ in true } + (showsRate ? [true] : []))
        for row in breakdown.rows {
            var cells = [TallyText.rowLabel(row, dimension: breakdown.dimension, lang: lang)]
            cells += measures.map { TallyText.number($0.value(in: row.counts)) }
            if showsRate { cells.append(TallyText.percent(placedOfAttended(row.counts))) }
            table.rows.append(cells)
        }
        return table
    }

    static func placedTitle(_ lang: TallyLanguage) -> String {
        lang == .zh ? "成功就业人员名单（已脱敏）" : "Placed job seekers (masked)"
    }

    /// The placed people, masked, one line each with where they were placed.
    static func placedTable(_ people: [OutcomePerson], lang: TallyLanguage) -> TextTable {
        let headers = lang == .zh ? ["活动", "姓名", "身份证号", "手机号", "乡镇", "村", "阶段", "日期", "岗位", "企业"]
            : ["campaign", "name", "ID number", "phone", "township", "village", "stage", "date", "posting", "enterprise"]
        var table = TextTable(headers: headers, numeric: headers.map { _ in false })
        for p in people {
            table.rows.append([p.campaign, p.maskedName, p.maskedID, p.maskedPhone, p.township, p.village,
                               lang == .zh ? p.stage.label : p.stage.english, p.date, "\(p.postingCode) \(p.postingTitle)",
                               p.enterprise])
        }
        return table
    }

    static func placedOfAttended(_ counts: TallyCounts) -> Double? {
        guard let attended = counts.attended, attended > 0 else { return nil }
        return Double(counts.placed) / Double(attended)
    }

    /// One CSV table: the total first, then every breakdown's rows, all measures as columns (blank
    /// where a measure does not apply). Chinese headers carry a BOM so Excel reads them as UTF-8.
    public static func csv(_ report: TallyReport, lang: TallyLanguage) -> String {
        let header = lang == .zh ? ["维度", "编码", "名称"] : ["dimension", "key", "label"]
        let measureHeaders = TallyMeasure.allCases.map { lang == .zh ? $0.label(.zh) : $0.rawValue }
        var lines = [(header + measureHeaders).map(CSVText.quote).joined(separator: ",")]
        func line(_ dimension: String, _ key: String, _ label: String, _ counts: TallyCounts) -> String {
            ([dimension, key, label] + TallyMeasure.allCases.map { TallyText.number($0.value(in: counts)) })
                .map(CSVText.quote).joined(separator: ",")
        }
        lines.append(line(lang == .zh ? "合计" : "total", "", report.heading(lang), report.funnel))
        for breakdown in report.breakdowns {
            for row in breakdown.rows {
                lines.append(line(lang == .zh ? breakdown.dimension.label(.zh) : breakdown.dimension.rawValue, row.key,
                                  TallyText.rowLabel(row, dimension: breakdown.dimension, lang: lang), row.counts))
            }
        }
        return (lang == .zh ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n"
    }
}
