import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Ledger
import Livestream
import Workflow
import WorkflowTesting

/// `campaign-bench leads [--people N] [--leads N] [--staff N]`: livestream sign-ups from three platforms
/// (抖音 half, 快手 and 视频号 the rest; a tenth of 快手's and 视频号's rows are viewers who signed up on 抖音
/// too; three in five are people of the ledger) imported against a generated ledger of 1,000,000
/// people — matched by phone, merged, registered — and fanned out as call-back tasks to 40 staff,
/// timed end to end beside its floor: looking each sign-up's phone up in the ledger, which any
/// matching must do. Exits 70 when a lead is lost or counted twice, or staff are more than one task apart.
enum LeadsBenchmark {
    static func run(people: Int, leads: Int, staff: Int) async throws {
        let dir = try TemporaryDirectory()
        print("leads benchmark — \(leads.formatted()) sign-ups from 3 platforms against a ledger of \(people.formatted()) people, "
              + "\(staff) staff")
        var generator = LedgerGenerator(seed: 11)
        let ledger = dir.url.appendingPathComponent("people.csv")
        try generator.writePeopleCSV(to: ledger, count: people)
        let workspace = try Workspace(path: dir.databasePath, registry: BenchSupport.registry)
        try await BenchSupport.startCampaign("stream", in: workspace)
        _ = try await ImportKind.people.importFile(ledger, options: ImportOptions(source: "people.csv", now: Date()),
                                                   pool: workspace.pool)
        // Phones of the ledger, for the sign-ups who are known.
        let known = try await workspace.pool.read { db in
            try String.fetchAll(db, sql: "SELECT phone FROM person WHERE phone IS NOT NULL ORDER BY id LIMIT ?",
                                arguments: [leads])
        }
        var random = SplitMix64(seed: 3)
        var douyin: [String] = [], others: [[String]] = [[], []]
        var phones = Set<String>()
        for i in 0..<leads {
            let phone = i % 5 < 3 && i < known.count ? known[i] : generator.phone()
            phones.insert(phone)
            let row = "\(generator.name()),\(phone),普工,2026-03-15 20:\(String(format: "%02d", i % 60))"
            if i % 2 == 0 { douyin.append(row) } else { others[i % 4 == 1 ? 0 : 1].append(row) }
        }
        // A tenth of the others' rows are 抖音 viewers again (merged, not counted twice).
        for k in 0..<2 {
            for j in stride(from: 0, to: others[k].count, by: 10) where !douyin.isEmpty {
                others[k][j] = douyin[Int(random.next() % UInt64(douyin.count))]
            }
        }
        phones = Set((douyin + others[0] + others[1]).map { String($0.split(separator: ",")[1]) })
        let files = [("抖音-报名线索.csv", "用户昵称,手机号,意向岗位,提交时间", douyin),
                     ("快手-报名线索.csv", "姓名,联系电话,岗位名称,报名时间", others[0]),
                     ("视频号-报名线索.csv", "姓名,手机号码,咨询岗位,留资时间", others[1])]
        for (name, header, rows) in files {
            try Data(([header] + rows).joined(separator: "\r\n").utf8).write(to: dir.url.appendingPathComponent(name))
        }
        let lookups = Array(phones)

        // The floor, the median of three runs: one alone swung between 0.10 and 0.20 s from run to run.
        var floors: [Double] = []
        var matched = 0
        for _ in 0..<3 {
            let started = Date()
            matched = try await workspace.pool.read { db -> Int in
                let statement = try db.makeStatement(sql: "SELECT id FROM person WHERE phone = ?")
                var found = 0
                for phone in lookups where try Int64.fetchOne(statement, arguments: [phone]) != nil { found += 1 }
                return found
            }
            floors.append(Date().timeIntervalSince(started))
        }
        let floor = floors.sorted()[1]

        var start = Date()

        start = Date()
        var imported = 0
        for (name, _, _) in files {
            let summary = try await ImportKind.leads.importFile(dir.url.appendingPathComponent(name),
                                                                options: ImportOptions(campaign: "stream", source: name, now: Date()),
                                                                pool: workspace.pool)
            imported += summary.inserted
        }
        let importSeconds = Date().timeIntervalSince(start)
        let names = (1...staff).map { "员工\($0)" }
        let desk = CallDesk(campaign: "stream", assigner: CallAssigner(staff: names, quota: leads), attempts: 3,
                            retryAfter: 86_400, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        let standing = try await workspace.pool.write { db in try desk.dispatch(db, now: Date()).standing }
        let seconds = Date().timeIntervalSince(start)
        let loads = try await workspace.pool.read { db in
            try Int.fetchAll(db, sql: "SELECT count(*) FROM livestream_call WHERE campaign = 'stream' GROUP BY staff")
        }
        guard imported == phones.count, standing.leads == phones.count, loads.count == staff,
              (loads.max() ?? 0) - (loads.min() ?? 0) <= 1 else {
            throw WorkflowError.internal("leads \(imported)/\(standing.leads) of \(phones.count); loads \(loads.min() ?? 0)–\(loads.max() ?? 0)")
        }
        print(String(format: "imported, matched and fanned out in %.2f s (import %.2f s); the floor (each phone looked up) "
                     + "%.2f s: %.1f× the floor", seconds, importSeconds, floor, seconds / max(floor, 1e-9)))
        BenchFigures.record("leads", seconds / max(floor, 1e-9), .lower, target: 5,
                            meaning: "livestream sign-ups imported, matched and fanned out ÷ looking each phone up")
        print("\(phones.count.formatted()) leads (\(((douyin.count + others[0].count + others[1].count) - phones.count).formatted()) "
              + "rows merged), \(matched.formatted()) in the ledger; \(staff) staff with \(loads.min() ?? 0)–\(loads.max() ?? 0) "
              + "calls each")
    }
}
