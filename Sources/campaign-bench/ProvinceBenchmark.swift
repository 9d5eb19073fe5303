import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Province
import Tally
import Workflow
import WorkflowTesting

/// `campaign-bench province [--counties N] [--people N] [--county-people N] [--repetitions N]`: the
/// province view at a province's size (#37), on a PostgreSQL server of its own (`scripts/postgres`).
/// 1. A county's publish: a workspace of 1,000,000 registered people over 20 fairs (the tally
///    benchmark's), its first publish (counting every campaign with the tally's code and delivering
///    the facts), then a steady republish after 1% of the people changed (checked in) — beside a plain
///    `COPY` of the same people as rows (psql), what shipping each person would cost at the least.
/// 2. The province's tally: 100 counties sharing 1,000,000 people's facts, published the real way;
///    the funnel with breakdowns by county, township and group — beside one plain scan of every
///    fact (`SELECT sum(value)`) in the same server.
/// Checks that the province's funnel equals the sum of what was published (exit 70 otherwise).
enum ProvinceBenchmark {
    static let peopleMeasures = ["registered", "attended", "interviewed", "intents", "placed"]

    /// `keep`: leave the server running afterwards (its address is printed) to look into it with psql.
    static func run(counties: Int, people: Int, countyPeople: Int, repetitions: Int, keep: Bool = false) async throws {
        let server = try PostgresTestServer.start()
        defer { if keep { print("kept: \(server.address)") } else { server.remove() } }
        print("province benchmark — a county of \(countyPeople.formatted()) people publishing; \(counties) counties sharing "
              + "\(people.formatted()) people's facts; PostgreSQL of its own in \(server.folder)")
        try await countyPublish(server, people: countyPeople)
        try await provinceTally(server, counties: counties, people: people, repetitions: repetitions)
    }

    // MARK: A county's publish

    static func countyPublish(_ server: PostgresTestServer, people: Int) async throws {
        let folder = URL(fileURLWithPath: server.folder).deletingLastPathComponent().appendingPathComponent("county")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let workspace = try await TallyBenchmark.workspace(in: folder, registered: people)
        let publisher = Publisher(pool: workspace.pool, sections: BuiltinPlugins.all.tallySections)
        let address = try ProvinceAddress(server.address)
        let store = try await ProvinceStore.open(address)
        let clock = ContinuousClock()
        var start = clock.now
        let first = try await publisher.publish(to: store, code: "522633", name: "从江县", campaign: nil, now: Date())
        let firstTime = (clock.now - start).seconds
        // 1% of the people change: checked in at last.
        let changed = people / 100
        try await workspace.pool.write { db in
            try db.execute(sql: """
                INSERT INTO scan (nonce, campaign, checkpoint, person_id, method, input, gate, staff, device, received_at, result, reason)
                SELECT 'late' || person_id, campaign, 'gate', person_id, 'code', '', 'north', 'Li', 'bench', '2026-03-01 11:00:00.000',
                       'accepted', 'checked in'
                FROM registration r WHERE NOT EXISTS (SELECT 1 FROM scan s WHERE s.campaign = r.campaign AND s.checkpoint = 'gate'
                                                         AND s.person_id = r.person_id AND s.result = 'accepted')
                LIMIT \(changed)
                """)
        }
        start = clock.now
        let again = try await publisher.publish(to: store, code: "522633", name: "从江县", campaign: nil, now: Date())
        let republish = (clock.now - start).seconds
        await store.close()
        // The same county with the province's key: every person's pseudonym and reach go too, into a database of its own.
        _ = try TallyBenchmark.run("/usr/bin/psql", ["-X", "-q", server.address, "-c", "CREATE DATABASE pseudonyms"])
        let keyed = try ProvinceAddress(server.address.replacingOccurrences(of: "/postgres?", with: "/pseudonyms?"))
        let withKey = Publisher(pool: workspace.pool, sections: BuiltinPlugins.all.tallySections,
                                personKey: Data("a province key of 32 bytes, test".utf8))
        start = clock.now
        _ = try await ProvinceStore.using(keyed) { try await withKey.publish(to: $0, code: "522633", name: "从江县", campaign: nil, now: Date()) }
        let pseudonymous = (clock.now - start).seconds
        let copy = try copyFloor(server, workspace: workspace, folder: folder)
        let cells = first.delivered.reduce(0) { $0 + $1.cells }
        print(String(format: "first publish: %d campaigns, %d people cells in %.2f s; COPY of the %d people as rows %.2f s → %.2f× COPY",
                     first.delivered.count, cells, firstTime, people, copy, firstTime / max(copy, 1e-9)))
        BenchFigures.record("province.publish", firstTime / max(copy, 1e-9), .lower, meaning: "a county's first publish ÷ COPY of its people as rows")
        print(String(format: "first publish with pseudonyms (the province's key): %d people in %.2f s → %.2f× COPY",
                     people, pseudonymous, pseudonymous / max(copy, 1e-9)))
        print(String(format: "republish after %d people (1%%) changed: %d campaigns delivered, %d unchanged in %.2f s → %.2f× COPY",
                     changed, again.delivered.count, again.unchanged, republish, republish / max(copy, 1e-9)))
    }

    /// The floor: the same people as rows (id, township, village, groups, campaign, checked in) copied
    /// into a table by psql's COPY, as a county shipping every person would at the least.
    static func copyFloor(_ server: PostgresTestServer, workspace: Workspace, folder: URL) throws -> Double {
        let file = folder.appendingPathComponent("people.tsv")
        let rows = try workspace.pool.read { db in
            try String.fetchAll(db, sql: """
                WITH came AS (SELECT DISTINCT campaign, person_id FROM scan WHERE result = 'accepted')
                SELECT p.id || char(9) || p.township || char(9) || p.village || char(9) || p.groups || char(9) || r.campaign
                       || char(9) || (c.person_id IS NOT NULL)
                FROM registration r JOIN person p ON p.id = r.person_id
                LEFT JOIN came c ON c.campaign = r.campaign AND c.person_id = r.person_id
                """)
        }
        try (rows.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let psql = ["/usr/bin/psql", "-X", "-q", server.address]
        _ = try TallyBenchmark.run(psql[0], Array(psql.dropFirst()) + ["-c", """
            CREATE TABLE bench_people (person bigint, township text, village text, groups int, campaign text, attended int)
            """])
        let seconds = try TallyBenchmark.timed(psql[0], Array(psql.dropFirst()) + ["-c", "\\copy bench_people FROM '\(file.path)'"])
        let count = try TallyBenchmark.run(psql[0], Array(psql.dropFirst()) + ["-tA", "-c", "SELECT count(*) FROM bench_people"])
        guard Int(count.trimmingCharacters(in: .whitespacesAndNewlines)) == rows.count else {
            throw WorkflowError.internal("COPY loaded \(count) rows of \(rows.count)")
        }
        return seconds
    }

    // MARK: The province's tally

    static func provinceTally(_ server: PostgresTestServer, counties: Int, people: Int, repetitions: Int) async throws {
        // A database of its own on the same server: the county above published to the first one.
        _ = try TallyBenchmark.run("/usr/bin/psql", ["-X", "-q", server.address, "-c", "CREATE DATABASE province"])
        let address = server.address.replacingOccurrences(of: "/postgres?", with: "/province?")
        let store = try await ProvinceStore.open(try ProvinceAddress(address))
        let clock = ContinuousClock()
        var start = clock.now
        var published: [String: Int] = [:]
        for county in 0..<counties {
            let facts = synthesize(county: county, people: people / counties)
            for (key, value) in facts.cells.flatMap(\.counts) { published[key, default: 0] += value }
            _ = try await store.publish(county: String(format: "52%04d", county + 1), name: "县\(county + 1)",
                                        [.init(version: 1, asOf: Date(), facts: facts)])
        }
        let loading = (clock.now - start).seconds
        var tallies: [Double] = [], scans: [Double] = []
        var result: ProvinceTally.Result?
        for _ in 0..<repetitions {
            start = clock.now
            result = try await ProvinceTally.run(store, from: nil, to: nil, breakdowns: [ProvinceTally.county, .township, .group],
                                                 sections: BuiltinPlugins.all.tallySections, now: Date())
            tallies.append((clock.now - start).seconds)
            start = clock.now
            _ = try TallyBenchmark.run("/usr/bin/psql", ["-X", "-q", "-tA", address, "-c", "SELECT sum(value) FROM people_cell"])
            scans.append((clock.now - start).seconds)
        }
        await store.close()
        guard let result else { return }
        for key in peopleMeasures where result.report.funnel[key] != published[key] {
            throw WorkflowError.internal("the province's \(key) \(result.report.funnel[key] ?? -1) is not the \(published[key] ?? 0) published")
        }
        let tally = TallyBenchmark.median(tallies), scan = TallyBenchmark.median(scans)
        print(String(format: "published %d counties in %.1f s; funnel: %@; %@",
                     counties, loading, peopleMeasures.map { "\($0) \(result.report.funnel[$0] ?? 0)" }.joined(separator: ", "),
                     result.report.breakdowns.map { "\($0.rows.count) \($0.dimension.rawValue) rows" }.joined(separator: ", ")))
        print(String(format: "province tally: median %.3f s over %d runs; one scan of every fact (psql) %.3f s → %.1f× the scan",
                     tally, repetitions, scan, tally / max(scan, 1e-9)))
        BenchFigures.record("province.tally", tally / max(scan, 1e-9), .lower, meaning: "the province tally ÷ one scan of every fact (psql)")
    }

    /// One county's facts as its workspace would count them: people spread over 12 townships of 10
    /// villages, in target groups at the ledger generator's rates, each reaching a level of the funnel.
    static func synthesize(county: Int, people: Int) -> TallyFacts {
        var random = SplitMix64(seed: UInt64(county + 37))
        var cells: [String: TallyFacts.Cell] = [:]
        let groups = ["poverty_alleviated", "monitored", "zero_employment_family", "hardship", "graduate", "veteran"]
        let shares = [30, 8, 3, 5, 6, 2]
        for _ in 0..<people {
            let township = "第\(random.next() % 12)镇", village = "第\(random.next() % 10)村"
            let mine = zip(groups, shares).filter { _, share in Int(random.next() % 100) < share }.map(\.0)
            let roll = Int(random.next() % 100)
            let level = roll < 40 ? 0 : roll < 70 ? 1 : roll < 85 ? 2 : roll < 93 ? 3 : 4
            let key = township + village + mine.joined(separator: ",")
            var cell = cells[key] ?? .init(township: township, village: village, groups: mine,
                                           counts: Dictionary(uniqueKeysWithValues: peopleMeasures.map { ($0, 0) }))
            for (index, measure) in peopleMeasures.enumerated() where level >= index { cell.counts[measure]! += 1 }
            cells[key] = cell
        }
        return TallyFacts(campaign: "spring-fair-2026", title: "春风行动", kind: "job-fair", heldOn: "2026-03-01",
                          startedAt: Date(), timeZone: "Asia/Shanghai", venue: nil, values: ["positions": 1_000, "enterprises": 40],
                          peopleMeasures: peopleMeasures, cells: Array(cells.values), shredded: false)
    }
}
