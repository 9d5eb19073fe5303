import Foundation
import Ledger
import PluginKit
import Workflow

/// The tally as JSON. The keys are an interface (other systems import these files), so they are
/// English, snake_case, always present (null where a measure does not apply) and versioned by
/// `schema`; docs/reference.md documents them. A new key may be added; none is renamed or removed
/// without a new schema version.
public enum TallyJSON {
    public static let schema = "campaign.tally/1"

    public static func encode(_ report: TallyReport) throws -> Data {
        var document: [String: Any] = [
            "schema": schema,
            "generated_at": iso(report.generatedAt, in: report.timeZone),
            "from": report.from ?? NSNull(),
            "to": report.to ?? NSNull(),
            "campaigns": report.campaigns.map { c -> [String: Any] in
                ["name": c.name, "title": c.title, "started_at": iso(c.startedAt, in: c.timeZone), "held_on": c.heldOn,
                 "county": c.county ?? NSNull(), "venue": c.venue ?? NSNull()]
            },
            // An earlier period beside this one: its funnel and the change (null without --compare-from/--compare-to).
            "comparison": report.comparison.map { comparison($0, report: report) } ?? NSNull(),
            // The form's title block and the lines it is signed under (null where none was given).
            "signature": [
                "form_number": report.form.formNumber ?? NSNull(), "authority": report.form.authority ?? NSNull(),
                "unit": report.form.unit ?? NSNull(), "head": report.form.head ?? NSNull(),
                "statistician": report.form.statistician ?? NSNull(),
                "preparer": report.form.preparer ?? NSNull(), "phone": report.form.phone ?? NSNull(),
                "date": report.form.date ?? TallyTextReport.madeOn(report),
            ] as [String: Any],
            "funnel": counts(report.funnel, measures: report.measures),
            // 人数 beside the funnel's 人次 when several campaigns are tallied; null for one.
            "distinct_people": report.distinctPeople.map { $0 as Any } ?? NSNull(),
            // Campaigns whose people's personal data was shredded: the counts stand, the people are pseudonyms.
            "shredded": report.shredded.map { shred -> [String: Any] in
                ["campaign": shred.campaign, "at": iso(shred.at, in: report.timeZone), "people": shred.people]
            },
            "breakdowns": report.breakdowns.map { breakdown($0, report: report) },
        ]
        // Each plugin's list of people (placed_people) is there, null unless a manager asked; masked.
        for (list, rows) in report.personLists {
            document[list.key] = rows.map { $0.map(\.json) } ?? NSNull()
        }
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys,
                                                                               .withoutEscapingSlashes])
    }

    static func iso(_ date: Date, in zone: TimeZone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        return formatter.string(from: date)
    }

    /// The earlier period: its campaigns, its funnel, and the change of each measure (and its rate).
    static func comparison(_ earlier: TallyComparison, report: TallyReport) -> Any {
        [
            "from": earlier.from ?? NSNull(), "to": earlier.to ?? NSNull(),
            "campaigns": earlier.campaigns.map(\.name),
            "funnel": counts(earlier.funnel, measures: report.measures),
            "change": Dictionary(uniqueKeysWithValues: report.measures.map {
                ($0.key, earlier.change($0, now: report.funnel))
            }),
            "change_rate": Dictionary(uniqueKeysWithValues: report.measures.map { measure -> (String, Any) in
                (measure.key, earlier.changeRate(measure, now: report.funnel).map { ($0 * 10_000).rounded() / 10_000 } as Any? ?? NSNull())
            }),
        ] as [String: Any]
    }

    /// One breakdown: its rows by key, 合计, whether rows may share people, the earlier period's rows
    /// and 合计, and 人数 beside 人次 by campaign.
    static func breakdown(_ breakdown: TallyBreakdown, report: TallyReport) -> [String: Any] {
        [
            "by": breakdown.dimension.rawValue,
            "rows": breakdown.rows.map { row -> [String: Any] in
                ["key": row.key, "label": row.label, "counts": counts(row.counts, measures: report.measures)]
            },
            // 合计: each person once (less than the rows' sum where rows share people: rows_may_overlap).
            "total": counts(breakdown.total, measures: report.measures),
            "rows_may_overlap": breakdown.rowsMayOverlap,
            // With an earlier period: each row's earlier counts by key, and the earlier 合计.
            "earlier": TallyComparison.pairing(report.comparison, breakdown).map { earlier, _ -> Any in
                [
                    "rows": (earlier.rows[breakdown.dimension] ?? [:]).mapValues { counts($0, measures: report.measures) },
                    "total": earlier.totals[breakdown.dimension].map { counts($0, measures: report.measures) as Any }
                        ?? NSNull(),
                ] as [String: Any]
            } ?? NSNull(),
            // By campaign over several campaigns: each person once (人数), beside `total` (人次).
            "distinct_total": breakdown.distinctTotal.map { counts($0, measures: report.peopleMeasures) as Any } ?? NSNull(),
        ]
    }

    /// Every measure of the report (null where it does not apply), its rates, and "of which" per
    /// target group wherever people are counted (null for enterprises and postings).
    static func counts(_ c: TallyCounts, measures: [TallyMeasure]) -> [String: Any] {
        var object: [String: Any] = [:]
        var rates: [String: Any] = [:]
        for measure in measures {
            object[measure.key] = c[measure.key] ?? NSNull()
            for whole in measure.ratesOf {
                rates["\(measure.key)_of_\(whole)"] = c.rate(measure, of: whole).map { ($0 * 10000).rounded() / 10000 }
                    ?? NSNull()
            }
        }
        object["rates"] = rates
        guard c[LedgerMeasures.registered.key] != nil else {
            object["of_which"] = NSNull()
            return object
        }
        var ofWhich: [String: Any] = [:]
        for group in TargetGroup.allCases {
            let people = c.ofWhich[group] ?? TallyCounts()
            var stages: [String: Any] = [:]
            for measure in measures where measure.threshold != nil { stages[measure.key] = people[measure.key] ?? 0 }
            ofWhich[group.key] = stages
        }
        object["of_which"] = ofWhich
        return object
    }
}
