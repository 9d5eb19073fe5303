import Foundation
import Ledger
import PostgresNIO
import Workflow

/// What the province's tally reads: the campaigns held in a period, and its people cells and
/// campaign values added up by PostgreSQL per breakdown row — the province adds, it never recounts.
extension ProvinceStore {
    /// One campaign as its county last published it.
    public struct PublishedCampaign: Sendable {
        public var county: String
        public var countyName: String
        public var campaign: String
        public var version: Int64
        public var title: String
        public var kind: String
        public var heldOn: String
        public var startedAt: Date
        public var timeZone: String
        public var venue: String?
        public var shredded: Bool
        public var peopleMeasures: [String]
        public var asOf: Date
        /// Whether its people's pseudonyms were published (`--person-key`).
        public var peoplePublished: Bool
    }

    /// A county that has published, and when it last did.
    public struct PublishedCounty: Sendable {
        public var code: String
        public var name: String
        public var lastPublishedAt: Date
        public var publishes: Int64
    }

    /// A sum of people cells: the row's key, the target group (for "of which"; nil for all), the measure.
    public struct PeopleSum: Sendable {
        public var key: String
        public var group: String?
        public var measure: String
        public var value: Int
    }

    public func counties() async throws -> [PublishedCounty] {
        try await guarded {
            var counties: [PublishedCounty] = []
            let rows = try await connection.query(
                "SELECT code, name, last_published_at, publishes FROM county ORDER BY code", logger: logger)
            for try await (code, name, at, publishes) in rows.decode((String, String, Date, Int64).self) {
                counties.append(PublishedCounty(code: code, name: name, lastPublishedAt: at, publishes: publishes))
            }
            return counties
        }
    }

    public func campaigns(from: String?, to: String?) async throws -> [PublishedCampaign] {
        try await guarded {
            var campaigns: [PublishedCampaign] = []
            let rows = try await connection.query("""
                SELECT cc.county, c.name, cc.campaign, cc.version, cc.title, cc.kind, cc.held_on, cc.started_at, cc.time_zone,
                       cc.venue, cc.shredded, cc.people_measures, cc.as_of, cc.people_published
                FROM county_campaign cc JOIN county c ON c.code = cc.county
                WHERE (\(from)::text IS NULL OR cc.held_on >= \(from)) AND (\(to)::text IS NULL OR cc.held_on <= \(to))
                ORDER BY cc.county, cc.held_on, cc.campaign
                """, logger: logger)
            for try await row in rows.decode((String, String, String, Int64, String, String, String, Date, String, String?, Bool,
                                                [String], Date, Bool).self) {
                campaigns.append(PublishedCampaign(county: row.0, countyName: row.1, campaign: row.2, version: row.3, title: row.4,
                                                   kind: row.5, heldOn: row.6, startedAt: row.7, timeZone: row.8, venue: row.9,
                                                   shredded: row.10, peopleMeasures: row.11, asOf: row.12, peoplePublished: row.13))
            }
            return campaigns
        }
    }

    /// The people cells of the period summed per row (`key` a SQL expression over the cell `c` and its
    /// campaign `cc`), with each target group's part beside the whole ("of which") — one pass: a filtered
    /// sum per group, not a row per group and cell.
    func peopleSums(key: String, from: String?, to: String?) async throws -> [PeopleSum] {
        try await guarded {
            let groups = TargetGroup.allCases.map(\.key)
            let parts = groups.map { "SUM(c.value) FILTER (WHERE '\($0)' = ANY(c.groups))::int8" }.joined(separator: ", ")
            let query: PostgresQuery = """
                SELECT \(unescaped: key) AS k, c.measure, SUM(c.value)::int8, \(unescaped: parts)
                FROM people_cell c JOIN county_campaign cc ON cc.county = c.county AND cc.campaign = c.campaign
                WHERE (\(from)::text IS NULL OR cc.held_on >= \(from)) AND (\(to)::text IS NULL OR cc.held_on <= \(to))
                GROUP BY 1, 2
                """
            var sums: [PeopleSum] = []
            let rows = try await connection.query(query, logger: logger)
            for try await row in rows {
                let cells = row.makeRandomAccess()
                let key = try cells[0].decode(String.self), measure = try cells[1].decode(String.self)
                sums.append(PeopleSum(key: key, group: nil, measure: measure, value: Int(try cells[2].decode(Int64.self))))
                for (index, group) in groups.enumerated() {
                    if let value = try cells[3 + index].decode(Int64?.self), value != 0 {
                        sums.append(PeopleSum(key: key, group: group, measure: measure, value: Int(value)))
                    }
                }
            }
            return sums
        }
    }

    /// 人数: each people measure counting a person once across every county and campaign of the period,
    /// by pseudonym — asked only when every campaign's pseudonyms were published.
    func distinctPeople(from: String?, to: String?) async throws -> [String: Int] {
        try await guarded {
            var counts: [String: Int] = [:]
            let rows = try await connection.query("""
                SELECT u.m, count(DISTINCT p.pseudonym)::int8
                FROM person_reach p JOIN county_campaign cc ON cc.county = p.county AND cc.campaign = p.campaign
                CROSS JOIN LATERAL unnest(cc.people_measures) WITH ORDINALITY AS u(m, i)
                WHERE p.reached & (1 << (u.i::int - 1)) <> 0
                  AND (\(from)::text IS NULL OR cc.held_on >= \(from)) AND (\(to)::text IS NULL OR cc.held_on <= \(to))
                GROUP BY u.m
                """, logger: logger)
            for try await (measure, count) in rows.decode((String, Int64).self) { counts[measure] = Int(count) }
            return counts
        }
    }

    /// Every campaign measure of the period, by county and campaign.
    func campaignValues(from: String?, to: String?) async throws -> [(county: String, campaign: String, measure: String, value: Int)] {
        try await guarded {
            var values: [(county: String, campaign: String, measure: String, value: Int)] = []
            let rows = try await connection.query("""
                SELECT v.county, v.campaign, v.measure, v.value FROM campaign_value v
                JOIN county_campaign cc ON cc.county = v.county AND cc.campaign = v.campaign
                WHERE (\(from)::text IS NULL OR cc.held_on >= \(from)) AND (\(to)::text IS NULL OR cc.held_on <= \(to))
                """, logger: logger)
            for try await (county, campaign, measure, value) in rows.decode((String, String, String, Int64).self) {
                values.append((county, campaign, measure, Int(value)))
            }
            return values
        }
    }
}
