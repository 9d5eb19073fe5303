import GRDB
import Ledger
import PluginKit

/// The enterprise and posting breakdowns: what each offered (postings, positions — once per campaign
/// offering it) and, from the sections whose people measures are tied to postings, the distinct
/// people who reached each level with its postings.
enum PostingBreakdown {
    /// A section's people measures and its levels per posting, by campaign.
    struct Section {
        var measures: [TallyMeasure]
        var levels: [String: [PostingLevel]]
    }

    /// The rows of `campaigns`; what was offered is read from the `offering` ones (the kinds that offer postings).
    static func rows(_ db: Database, _ dimension: TallyDimension, campaigns: [String], offering: [String], sections: [Section],
                     measures: [TallyMeasure]) throws -> [TallyRow] {
        let offered = try Postings.offered(db, at: offering)
        let postingByID = Dictionary(uniqueKeysWithValues: offered.map { ($0.posting.id, $0.posting) })
        var rows: [String: TallyRow] = [:]
        for (posting, offeredAt, positions) in offered {
            let key = dimension == .enterprise ? posting.creditCode : posting.code
            var row = rows[key] ?? TallyRow(key: key, label: dimension == .enterprise ? posting.enterprise
                                                : "\(posting.title)（\(posting.enterprise)）",
                                            counts: TallyCounts())
            if dimension == .enterprise { row.counts[LedgerMeasures.postings.key] = (row.counts.postings ?? 0) + offeredAt }
            row.counts[LedgerMeasures.positions.key] = (row.counts.positions ?? 0) + positions
            for measure in measures { row.counts[measure.key] = 0 }
            rows[key] = row
        }
        for section in sections {
            for campaign in campaigns {
                let levels = section.levels[campaign] ?? []
                if dimension == .posting {
                    for entry in levels {
                        guard let posting = postingByID[entry.posting] else { continue }
                        count(entry.level, in: &rows[posting.code], measures: section.measures)
                    }
                    continue
                }
                // Distinct people per enterprise: each person's levels arrive together (sorted by
                // person), so their furthest level with each enterprise is known when the next starts.
                var person: Int64 = -1
                var furthest: [String: Int] = [:]
                func flush() {
                    for (enterprise, level) in furthest { count(level, in: &rows[enterprise], measures: section.measures) }
                    furthest.removeAll(keepingCapacity: true)
                }
                for entry in levels {
                    if entry.person != person {
                        flush()
                        person = entry.person
                    }
                    guard let enterprise = postingByID[entry.posting]?.creditCode else { continue }
                    furthest[enterprise] = max(furthest[enterprise] ?? 0, entry.level)
                }
                flush()
            }
        }
        return Array(rows.values)
    }

    /// One person at `level` counts once in every measure the level reaches.
    static func count(_ level: Int, in row: inout TallyRow?, measures: [TallyMeasure]) {
        guard row != nil else { return }
        for measure in measures where level >= measure.threshold ?? 0 {
            row!.counts[measure.key] = (row!.counts[measure.key] ?? 0) + 1
        }
    }
}
