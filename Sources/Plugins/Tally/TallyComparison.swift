import Foundation
import GRDB
import PluginKit
import Workflow

/// An earlier period beside a tally — last year's fairs beside this year's — with its figures and
/// the change, count and per cent. A period in which no campaign was held compares as zeros.
public struct TallyComparison: Sendable {
    public var from: String?
    public var to: String?
    public var campaigns: [TallyReport.CampaignInfo]
    public var funnel: TallyCounts
    /// The earlier period's breakdowns, by dimension, each row's counts by its key (a township, a group…).
    public var rows: [TallyDimension: [String: TallyCounts]] = [:]
    public var totals: [TallyDimension: TallyCounts] = [:]

    /// What a breakdown is compared on: its headline measure (placed, for a fair), else its last people measure.
    public static func measure(of breakdown: TallyBreakdown) -> TallyMeasure? {
        let people = breakdown.measures.filter { ($0.threshold ?? 0) > 0 }
        return people.last(where: \.highlight) ?? people.last
    }

    /// The measure `breakdown` is compared on, or nil for the campaign breakdown (the earlier period's
    /// campaigns are other ones, so no row matches).
    func measure(comparing breakdown: TallyBreakdown) -> TallyMeasure? {
        breakdown.dimension == .campaign ? nil : Self.measure(of: breakdown)
    }

    /// The headers of a breakdown's two comparison columns: `对比期 成功就业`, `成功就业 增减`.
    static func breakdownHeaders(_ measure: TallyMeasure, lang: Language) -> [String] {
        let label = ["measure": measure.label(lang)]
        return [TallyWords.earlierMeasure.text(lang, label), TallyWords.measureChange.text(lang, label)]
    }

    /// A breakdown row's two comparison cells: the earlier count (0 where the row did not exist) and the change.
    func cells(_ measure: TallyMeasure, dimension: TallyDimension, key: String?, now: TallyCounts) -> [String] {
        let (earlier, change) = values(measure, dimension: dimension, key: key, now: now)
        return [String(earlier), Self.signed(change)]
    }

    /// The earlier count of a breakdown row (`key`; nil for 合计) and the change since.
    func values(_ measure: TallyMeasure, dimension: TallyDimension, key: String?, now: TallyCounts) -> (Int, Int) {
        let earlier = (key.map { rows[dimension]?[$0] } ?? totals[dimension])??[measure.key] ?? 0
        return (earlier, (now[measure.key] ?? 0) - earlier)
    }

    /// `2025-01-01 – 2025-12-31`.
    public var period: String { "\(from ?? "…") – \(to ?? "…")" }

    /// This period's count less the earlier one's (a measure the earlier period lacks counts as 0).
    public func change(_ measure: TallyMeasure, now: TallyCounts) -> Int {
        (now[measure.key] ?? 0) - (funnel[measure.key] ?? 0)
    }

    /// The comparison paired with the measure `breakdown` is compared on, when there is one.
    static func pairing(_ comparison: TallyComparison?, _ breakdown: TallyBreakdown) -> (TallyComparison, TallyMeasure)? {
        comparison.flatMap { earlier in earlier.measure(comparing: breakdown).map { (earlier, $0) } }
    }

    /// The change over the earlier count; nil when there was nothing to compare with.
    public func changeRate(_ measure: TallyMeasure, now: TallyCounts) -> Double? {
        guard let before = funnel[measure.key], before > 0 else { return nil }
        return Double(change(measure, now: now)) / Double(before)
    }

    /// `+12`, `-3`, `0`.
    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : String(value) }

    /// `+25.0%`, or a dash when the earlier period had none.
    static func signedPercent(_ value: Double?) -> String {
        guard let value else { return "—" }
        return (value > 0 ? "+" : "") + String(format: "%.1f%%", value * 100)
    }

    /// The headers of its three columns: the earlier figure, the change, the change in per cent.
    static func headers(_ lang: Language) -> [String] {
        TallyWords.comparisonColumns.columns(lang)
    }

    /// What the comparison columns are, for a note under the funnel.
    func note(_ lang: Language) -> String {
        let held = campaigns.isEmpty
            ? TallyWords.nothingHeldThen.text(lang)
            : campaigns.map { $0.title.isEmpty ? $0.name : $0.title }.joined(separator: Punctuation.listComma.text(lang))
        return TallyWords.comparisonNote.text(lang, ["period": period, "held": held])
    }
}

extension TallyQuery {
    /// The report with an earlier period beside it: every campaign of the workspace held between
    /// `from` and `to`, counted the same way.
    public static func compare(_ db: Database, _ report: TallyReport, from: String?, to: String?,
                               sections: [any TallySection], now: Date) throws -> TallyReport {
        // The same breakdowns, but never by campaign: the earlier period's campaigns are other ones.
        let dimensions = report.breakdowns.map(\.dimension).filter { $0 != .campaign }
        let earlier = try run(db, TallyRequest(all: true, from: from, to: to, breakdowns: dimensions), sections: sections,
                              now: now)
        var comparison = TallyComparison(from: from, to: to, campaigns: earlier.campaigns, funnel: earlier.funnel)
        for breakdown in earlier.breakdowns {
            comparison.rows[breakdown.dimension] = Dictionary(breakdown.rows.map { ($0.key, $0.counts) },
                                                              uniquingKeysWith: { first, _ in first })
            comparison.totals[breakdown.dimension] = breakdown.total
        }
        var compared = report
        compared.comparison = comparison
        return compared
    }
}
