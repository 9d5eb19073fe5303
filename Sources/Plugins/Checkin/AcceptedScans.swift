import GRDB
import Workflow

/// Who was checked in, read from `scan_once` (one accepted scan per campaign, checkpoint and person)
/// a checkpoint at a time: the only index on accepted scans, since a second one keyed by person
/// cost every first scan a random page written into the log (docs/benchmarks.md). A campaign has a
/// checkpoint or a few (a fair's gate, a bus season's doors), so a question about the campaign is
/// a seek or a sorted read per checkpoint.
enum AcceptedScans {
    /// The checkpoints with accepted scans, found by seeking past each one in turn (an index skip,
    /// not a read of every scan).
    static func checkpoints(_ db: Database, campaign: String) throws -> [String] {
        let select = "SELECT checkpoint FROM scan INDEXED BY scan_once WHERE campaign = ?1 AND \(ScanAnswer.Result.isAccepted)"
        let first = try RawStatement(db, sql: select + " ORDER BY checkpoint LIMIT 1")
        let next = try RawStatement(db, sql: select + " AND checkpoint > ?2 ORDER BY checkpoint LIMIT 1")
        first.bind(1, campaign)
        next.bind(1, campaign)
        var found: [String] = []
        var statement = first
        while try statement.step(), let checkpoint = statement.text(0) {
            statement.reset()
            found.append(checkpoint)
            next.bind(2, checkpoint)
            statement = next
        }
        return found
    }

    /// Everyone with an accepted scan at any checkpoint of the campaign, by ledger number, each once.
    static func people(_ db: Database, campaign: String) throws -> [Int64] {
        let scans = try RawStatement(db, sql: """
            SELECT person_id FROM scan INDEXED BY scan_once
            WHERE campaign = ?1 AND checkpoint = ?2 AND \(ScanAnswer.Result.isAccepted) AND person_id IS NOT NULL ORDER BY person_id
            """)
        scans.bind(1, campaign)
        var merged: [Int64] = []
        for (index, checkpoint) in try checkpoints(db, campaign: campaign).enumerated() {
            scans.bind(2, checkpoint)
            var people: [Int64] = []
            while try scans.step() { people.append(scans.int(0)) }
            scans.reset()
            merged = index == 0 ? people : union(merged, people)
        }
        return merged
    }

    /// Whether the person has an accepted scan at any checkpoint of the campaign.
    static func contains(_ db: Database, _ person: Int64, campaign: String) throws -> Bool {
        let probe = try RawStatement(db, sql: """
            SELECT 1 FROM scan INDEXED BY scan_once
            WHERE campaign = ?1 AND checkpoint = ?2 AND person_id = ?3 AND \(ScanAnswer.Result.isAccepted)
            """)
        probe.bind(1, campaign)
        probe.bind(3, person)
        for checkpoint in try checkpoints(db, campaign: campaign) {
            probe.bind(2, checkpoint)
            if try probe.step() { return true }
            probe.reset()
        }
        return false
    }

    /// Two ascending lists as one, each number once.
    static func union(_ a: [Int64], _ b: [Int64]) -> [Int64] {
        var out: [Int64] = []
        out.reserveCapacity(max(a.count, b.count))
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let next = j >= b.count || (i < a.count && a[i] <= b[j]) ? a[i] : b[j]
            if i < a.count && a[i] == next { i += 1 }
            if j < b.count && b[j] == next { j += 1 }
            out.append(next)
        }
        return out
    }
}
