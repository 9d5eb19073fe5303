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
        var document: [String: Value] = [
            "schema": .string(schema),
            "generated_at": .string(iso(report.generatedAt, in: report.timeZone)),
            "from": text(report.from),
            "to": text(report.to),
            "campaigns": .array(report.campaigns.map { c in
                .object(["name": .string(c.name), "title": .string(c.title), "started_at": .string(iso(c.startedAt, in: c.timeZone)),
                         "held_on": .string(c.heldOn), "county": text(c.county), "venue": text(c.venue)])
            }),
            // An earlier period beside this one: its funnel and the change (null without --compare-from/--compare-to).
            "comparison": report.comparison.map { comparison($0, report: report) } ?? .null,
            // The form's title block and the lines it is signed under (null where none was given).
            "signature": .object([
                "form_number": text(report.form.formNumber), "authority": text(report.form.authority),
                "unit": text(report.form.unit), "head": text(report.form.head),
                "statistician": text(report.form.statistician),
                "preparer": text(report.form.preparer), "phone": text(report.form.phone),
                "date": .string(report.form.date ?? TallyTextReport.madeOn(report)),
            ]),
            "funnel": counts(report.funnel, measures: report.measures),
            // 人数 beside the funnel's 人次 when several campaigns are tallied; null for one.
            "distinct_people": report.distinctPeople.map { .object($0.mapValues(Value.int)) } ?? .null,
            // Campaigns whose people's personal data was shredded: the counts stand, the people are pseudonyms.
            "shredded": .array(report.shredded.map { shred in
                .object(["campaign": .string(shred.campaign), "at": .string(iso(shred.at, in: report.timeZone)),
                         "people": .int(shred.people)])
            }),
            "breakdowns": .array(report.breakdowns.map { breakdown($0, report: report) }),
        ]
        // Each plugin's list of people (placed_people) is there, null unless a manager asked; masked.
        for (list, rows) in report.personLists {
            document[list.key] = rows.map { .array($0.map { .object($0.json.mapValues(Value.string)) }) } ?? .null
        }
        // Built as values and written as JSONEncoder writes them (keys in code-point order), without
        // its containers: a tally of hundreds of rows spent a tenth of its time in them.
        return try PrettyJSONWriter.data(.object(document))
    }

    static func text(_ value: String?) -> Value { value.map(Value.string) ?? .null }

    static func iso(_ date: Date, in zone: TimeZone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        return formatter.string(from: date)
    }

    /// The earlier period: its campaigns, its funnel, and the change of each measure (and its rate).
    static func comparison(_ earlier: TallyComparison, report: TallyReport) -> Value {
        .object([
            "from": text(earlier.from), "to": text(earlier.to),
            "campaigns": .array(earlier.campaigns.map { .string($0.name) }),
            "funnel": counts(earlier.funnel, measures: report.measures),
            "change": .object(Dictionary(uniqueKeysWithValues: report.measures.map {
                ($0.key, .int(earlier.change($0, now: report.funnel)))
            })),
            "change_rate": .object(Dictionary(uniqueKeysWithValues: report.measures.map { measure in
                (measure.key, earlier.changeRate(measure, now: report.funnel).map { .double(($0 * 10_000).rounded() / 10_000) } ?? .null)
            })),
        ])
    }

    /// One breakdown: its rows by key, 合计, whether rows may share people, the earlier period's rows
    /// and 合计, and 人数 beside 人次 by campaign.
    static func breakdown(_ breakdown: TallyBreakdown, report: TallyReport) -> Value {
        .object([
            "by": .string(breakdown.dimension.rawValue),
            "rows": .array(breakdown.rows.map { row in
                .object(["key": .string(row.key), "label": .string(row.label), "counts": counts(row.counts, measures: report.measures)])
            }),
            // 合计: each person once (less than the rows' sum where rows share people: rows_may_overlap).
            "total": counts(breakdown.total, measures: report.measures),
            "rows_may_overlap": .bool(breakdown.rowsMayOverlap),
            // With an earlier period: each row's earlier counts by key, and the earlier 合计.
            "earlier": TallyComparison.pairing(report.comparison, breakdown).map { earlier, _ in
                .object([
                    "rows": .object((earlier.rows[breakdown.dimension] ?? [:]).mapValues { counts($0, measures: report.measures) }),
                    "total": earlier.totals[breakdown.dimension].map { counts($0, measures: report.measures) } ?? .null,
                ])
            } ?? .null,
            // By campaign over several campaigns: each person once (人数), beside `total` (人次).
            "distinct_total": breakdown.distinctTotal.map { counts($0, measures: report.peopleMeasures) } ?? .null,
        ])
    }

    /// Every measure of the report (null where it does not apply), its rates, and "of which" per
    /// target group wherever people are counted (null for enterprises and postings).
    static func counts(_ c: TallyCounts, measures: [TallyMeasure]) -> Value {
        var object: [String: Value] = [:]
        var rates: [String: Value] = [:]
        for measure in measures {
            object[measure.key] = c[measure.key].map(Value.int) ?? .null
            for whole in measure.ratesOf {
                rates["\(measure.key)_of_\(whole)"] = c.rate(measure, of: whole).map { .double(($0 * 10000).rounded() / 10000) }
                    ?? .null
            }
        }
        object["rates"] = .object(rates)
        guard c[LedgerMeasures.registered.key] != nil else {
            object["of_which"] = .null
            return .object(object)
        }
        var ofWhich: [String: Value] = [:]
        for group in TargetGroup.allCases {
            let people = c.ofWhich[group] ?? TallyCounts()
            var stages: [String: Value] = [:]
            for measure in measures where measure.threshold != nil { stages[measure.key] = .int(people[measure.key] ?? 0) }
            ofWhich[group.key] = .object(stages)
        }
        object["of_which"] = .object(ofWhich)
        return .object(object)
    }
}
