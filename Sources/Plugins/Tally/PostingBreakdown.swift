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
    /// People are counted by row number into one array, not by key into each row's dictionary:
    /// a hundred thousand outcomes hashed a key per count (a third of the tally's single-threaded part).
    static func rows(_ db: Database, _ dimension: TallyDimension, campaigns: [String], offering: [String], sections: [Section],
                     measures: [TallyMeasure]) throws -> [TallyRow] {
        var rows: [TallyRow] = []
        var rowOfKey: [String: Int] = [:]
        var rowOfPosting: [Int64: Int] = [:]
        for (posting, offeredAt, positions) in try Postings.offered(db, at: offering) {
            let key = dimension == .enterprise ? posting.creditCode : posting.code
            let row = rowOfKey[key] ?? rows.count
            if row == rows.count {
                rowOfKey[key] = row
                rows.append(TallyRow(key: key, label: dimension == .enterprise ? posting.enterprise
                                        : "\(posting.title)（\(posting.enterprise)）", counts: TallyCounts()))
            }
            if dimension == .enterprise { rows[row].counts[LedgerMeasures.postings.key] = (rows[row].counts.postings ?? 0) + offeredAt }
            rows[row].counts[LedgerMeasures.positions.key] = (rows[row].counts.positions ?? 0) + positions
            for measure in measures { rows[row].counts[measure.key] = 0 }
            rowOfPosting[posting.id] = row
        }
        for section in sections {
            let thresholds = section.measures.map { $0.threshold ?? 0 }
            var people = [Int](repeating: 0, count: rows.count * thresholds.count)
            func count(_ level: Int, row: Int) {
                for (m, threshold) in thresholds.enumerated() where level >= threshold { people[row * thresholds.count + m] += 1 }
            }
            for campaign in campaigns {
                let levels = section.levels[campaign] ?? []
                if dimension == .posting {
                    for entry in levels { if let row = rowOfPosting[entry.posting] { count(entry.level, row: row) } }
                    continue
                }
                // Distinct people per enterprise: each person's levels arrive together (sorted by
                // person), so their furthest level with each enterprise is known when the next starts.
                var person: Int64 = -1
                var furthest: [(row: Int, level: Int)] = []
                for entry in levels {
                    if entry.person != person {
                        for (row, level) in furthest { count(level, row: row) }
                        furthest.removeAll(keepingCapacity: true)
                        person = entry.person
                    }
                    guard let row = rowOfPosting[entry.posting] else { continue }
                    if let known = furthest.firstIndex(where: { $0.row == row }) {
                        furthest[known].level = max(furthest[known].level, entry.level)
                    } else {
                        furthest.append((row, entry.level))
                    }
                }
                for (row, level) in furthest { count(level, row: row) }
            }
            for row in rows.indices {
                for (m, measure) in section.measures.enumerated() where people[row * thresholds.count + m] > 0 {
                    rows[row].counts[measure.key] = (rows[row].counts[measure.key] ?? 0) + people[row * thresholds.count + m]
                }
            }
        }
        return rows
    }
}
