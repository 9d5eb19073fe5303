import Foundation
import Ledger
import Outcomes
import Workflow

/// The tally as JSON. The keys are an interface (other systems import these files), so they are
/// English, snake_case, always present (null where a measure does not apply) and versioned by
/// `schema`; the README documents them. A new key may be added; none is renamed or removed
/// without a new schema version.
public enum TallyJSON {
    public static let schema = "campaign.tally/1"

    public static func encode(_ report: TallyReport) throws -> Data {
        let iso = ISO8601DateFormatter()
        iso.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let document: [String: Any] = [
            "schema": schema,
            "generated_at": iso.string(from: report.generatedAt),
            "from": report.from ?? NSNull(),
            "to": report.to ?? NSNull(),
            "campaigns": report.campaigns.map { c -> [String: Any] in
                ["name": c.name, "title": c.title, "started_at": iso.string(from: c.startedAt)]
            },
            "funnel": counts(report.funnel),
            // Only when a manager asks (--list-placed); masked like every export.
            "placed_people": report.placed.map { people in
                people.map { p -> [String: Any] in
                    ["campaign": p.campaign, "name": p.maskedName, "id_number": p.maskedID, "phone": p.maskedPhone,
                     "township": p.township, "village": p.village, "stage": p.stage.verb, "date": p.date,
                     "posting": p.postingCode, "posting_title": p.postingTitle, "enterprise": p.enterprise]
                }
            } ?? NSNull(),
            "breakdowns": report.breakdowns.map { breakdown -> [String: Any] in
                [
                    "by": breakdown.dimension.rawValue,
                    "rows": breakdown.rows.map { row -> [String: Any] in
                        ["key": row.key, "label": row.label, "counts": counts(row.counts)]
                    },
                ]
            },
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys,
                                                                               .withoutEscapingSlashes])
    }

    static func counts(_ c: TallyCounts) -> [String: Any] {
        var object: [String: Any] = [:]
        for measure in TallyMeasure.allCases {
            object[measure.rawValue] = measure.value(in: c) ?? NSNull()
        }
        var rates: [String: Any] = [:]
        for (key, value) in c.rates { rates[key] = value.map { ($0 * 10000).rounded() / 10000 } ?? NSNull() }
        object["rates"] = rates
        // Every target group, zeros included, wherever people are counted; null for enterprises and postings.
        guard c.registered != nil else {
            object["of_which"] = NSNull()
            return object
        }
        var ofWhich: [String: Any] = [:]
        for group in TargetGroup.allCases {
            let people = c.ofWhich[group] ?? PeopleCounts()
            var stages: [String: Any] = [:]
            for measure in TallyMeasure.people { stages[measure.rawValue] = measure.value(in: people) ?? 0 }
            ofWhich[group.key] = stages
        }
        object["of_which"] = ofWhich
        return object
    }
}
