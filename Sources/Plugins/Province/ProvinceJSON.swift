import Foundation
import PluginKit
import Tally
import Workflow

/// The province's tally as JSON: a county's `campaign.tally/1` document, with `counties` beside it —
/// each county's code, name, the time its figures were counted (`as_of`, its oldest campaign's), when
/// it last published and how far behind now that is (`lag_seconds`).
enum ProvinceJSON {
    static func encode(_ result: ProvinceTally.Result) throws -> Data {
        let tally = try TallyJSON.encode(result.report)
        guard var document = try JSONSerialization.jsonObject(with: tally) as? [String: Any] else { return tally }
        let formatter = ISO8601DateFormatter()
        document["counties"] = result.counties.map { county -> [String: Any] in
            let asOf = result.campaigns.filter { $0.county == county.code }.map(\.asOf).min()
            return ["code": county.code, "name": county.name, "last_published_at": formatter.string(from: county.lastPublishedAt),
                    "as_of": asOf.map { formatter.string(from: $0) as Any } ?? NSNull(),
                    "lag_seconds": asOf.map { Int(result.report.generatedAt.timeIntervalSince($0).rounded()) as Any } ?? NSNull(),
                    "campaigns": result.campaigns.filter { $0.county == county.code }.map(\.campaign)]
        }
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// `2 个县（市、区）：从江县 截至 03-01 10:00，榕江县 截至 …`, above the table.
    static func countiesLine(_ result: ProvinceTally.Result, lang: Language) -> String {
        let counties = result.counties.map { county -> String in
            let asOf = result.campaigns.filter { $0.county == county.code }.map(\.asOf).min() ?? county.lastPublishedAt
            return ProvinceMessages.countyAsOf(["name": county.name, "asOf": TimeFormats.display(asOf, timeZone: result.report.timeZone)]).text(lang)
        }
        return ProvinceMessages.countiesLine(["count": String(result.counties.count),
                                              "counties": counties.joined(separator: Punctuation.comma.text(lang))]).text(lang)
    }
}
