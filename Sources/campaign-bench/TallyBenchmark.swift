import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import PluginKit
import Tally
import Workflow
import WorkflowTesting

/// `campaign-bench tally`: the full funnel with three breakdowns (township, group, enterprise)
/// over 20 campaigns — 1,000,000 registered, 600,000 attended, 100,000 outcomes — timed three
/// ways: in-process, as the `campaign tally` command (a fresh process, as a manager runs it),
/// and as the same counts written by hand in SQL and run by the sqlite3 shell.
/// Needs the release `campaign` binary beside this one: `swift build -c release` first.
enum TallyBenchmark {
    static let campaigns = 20

    /// `folder` holds the workspace, kept after the run so the numbers can be checked by hand afterwards.
    static func run(registered: Int, repetitions: Int, folder: URL) async throws {
        let campaignBinary = try BenchCommand.campaignBinary(alsoNeeding: "/usr/bin/sqlite3", from: "sqlite3")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("campaign.sqlite").path
        let workspace = try await workspace(in: folder, registered: registered)

        let request = TallyRequest(all: true, breakdowns: [.township, .group, .enterprise])
        var inProcess: [Double] = []
        var report: TallyReport?
        for _ in 0..<repetitions {
            let started = Date()
            let pool = workspace.pool
            report = try await pool.read { db in
                try TallyQuery.run(db, request, sections: BuiltinPlugins.all.tallySections, now: Date(), parallel: pool)
            }
            inProcess.append(Date().timeIntervalSince(started))
        }
        guard let report else { return }
        let funnelKeys = ["registered", "attended", "interviewed", "intents", "placed", "retained"]
        let funnel = funnelKeys.map { report.funnel[$0] ?? 0 }
        print("funnel: " + zip(funnelKeys, funnel).map { "\($0) \($1)" }.joined(separator: ", ") + "; "
              + report.breakdowns.map { "\($0.rows.count) \($0.dimension.rawValue) rows" }.joined(separator: ", "))

        var command: [Double] = []
        for _ in 0..<repetitions {
            command.append(try timed(campaignBinary.path, ["tally", "--all", "--by", "township,group,enterprise",
                                                           "--format", "json", "--db", db]))
        }
        let script = handWrittenSQL
        var shell: [Double] = []
        for _ in 0..<repetitions {
            shell.append(try timed("/usr/bin/sqlite3", [db, ".read \(script.path)"]))
        }
        let handCounts = try run("/usr/bin/sqlite3", [db, ".read \(script.path)"]).split(separator: "\n").first ?? ""
        print("hand-written SQL's funnel line (registered|attended|interviewed|intents|placed|retained): \(handCounts)")
        let ours = funnel.map(String.init).joined(separator: "|")
        guard handCounts == ours else {
            throw WorkflowError.internal("the tally's funnel \(ours) differs from the hand-written SQL's \(handCounts)")
        }
        print(String(format: "tally in-process:            median %.3f s (best %.3f s) over %d runs",
                     median(inProcess), inProcess.min() ?? 0, repetitions))
        print(String(format: "campaign tally (new process): median %.3f s (best %.3f s)", median(command), command.min() ?? 0))
        print(String(format: "sqlite3 shell, SQL by hand:   median %.3f s (best %.3f s)", median(shell), shell.min() ?? 0))
        print(String(format: "campaign tally / sqlite3 by hand: %.2f× (target: 0.1×)",
                     median(command) / median(shell)))
        BenchFigures.record("tally", median(command) / median(shell), .lower, target: 0.1,
                            meaning: "`campaign tally` (a new process) ÷ the same counts in SQL by hand (sqlite3)")
        print("the hand-written SQL: \(script.path); the workspace, kept: \(db)")
    }

    static func name(_ c: Int) -> String { String(format: "fair-%02d", c) }

    struct Sizes {
        var registered = 0, attended = 0, outcomes = 0, postings = 0
    }

    /// A workspace in `folder` with the benchmark's 20 fairs started and `registered` people generated into them.
    static func workspace(in folder: URL, registered: Int) async throws -> Workspace {
        let db = folder.appendingPathComponent("campaign.sqlite").path
        let registry = PluginRegistry(BuiltinPlugins.engines)
        let workspace = try Workspace(path: db, registry: registry)
        let engine = Engine(registry: registry, workspace: workspace, clock: SystemClock(),
                            options: EngineOptions(waitHorizon: .zero))
        let generated = Date()
        for c in 1...campaigns {
            let definition = folder.appendingPathComponent("\(name(c)).yaml")
            try """
                name: \(name(c))
                title: 春风行动第\(c)场
                steps:
                  - id: follow-up
                    uses: outcomes.collect
                """.write(to: definition, atomically: true, encoding: .utf8)
            _ = try await engine.start(try Validator(registry: registry).validate(path: definition.path))
        }
        let sizes = try await workspace.pool.write { db in try generate(db, registered: registered) }
        print(String(format: "generated %d campaigns: %d registered, %d attended (accepted check-ins), %d outcomes, "
                     + "%d postings in %.1f s", campaigns, sizes.registered, sizes.attended, sizes.outcomes, sizes.postings,
                     Date().timeIntervalSince(generated)))
        return workspace
    }

    /// Synthetic data written straight in SQL (the import path has its own benchmark): people spread
    /// over 12 townships of 10 villages with realistic target-group shares, one registration each,
    /// 60 % checked in (2 % of them walk-ins), 10,000 postings' worth of outcomes.
    static func generate(_ db: Database, registered: Int) throws -> Sizes {
        let now = "2026-03-01 09:00:00.000"
        try db.execute(sql: """
            INSERT INTO ledger_source (id, name) VALUES (1, 'bench');
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(registered))
            INSERT INTO person (id, id_number, name, phone, township, village, groups, source_id, created_at, updated_at)
            SELECT i, printf('B%017d', i), '测试', printf('139%08d', i),
                   printf('第%02d镇', i * 7919 % 12), printf('第%02d村', i * 104729 % 10),
                   (i * 31 % 100 < 30) | ((i * 37 % 100 < 8) << 1) | ((i * 41 % 100 < 3) << 2) | ((i * 43 % 100 < 5) << 3)
                   | ((i * 47 % 100 < 6) << 4) | ((i * 53 % 100 < 2) << 5) | ((i * 59 % 100 < 1) << 6)
                   | ((i * 61 % 100 < 10) << 7),
                   1, 1772355600, 1772355600
            FROM n;
            INSERT INTO registration (campaign, person_id, channel, registered_at)
            SELECT printf('fair-%02d', id % \(campaigns) + 1), id, CASE WHEN id % 50 = 0 THEN 'walk-in' ELSE 'import' END,
                   1772355600
            FROM person ORDER BY id % \(campaigns), id;
            INSERT INTO scan (nonce, campaign, checkpoint, person_id, method, input, gate, staff, device, received_at,
                              result, reason)
            SELECT 'n' || person_id, campaign, 'gate', person_id, 'code', '', CASE person_id % 2 WHEN 0 THEN 'north' ELSE 'south' END,
                   'Li', CASE channel WHEN 'walk-in' THEN 'desk' ELSE 'bench' END, '\(now)', 'accepted', 'checked in'
            FROM registration WHERE channel = 'walk-in' OR person_id * 2654435761 % 1000 < 612;
            INSERT INTO scan (nonce, campaign, checkpoint, person_id, method, input, gate, staff, device, received_at,
                              result, reason)
            SELECT 'r' || person_id, campaign, 'gate', person_id, 'code', '', 'north', 'Li', 'bench', '\(now)', 'repeat',
                   'already checked in'
            FROM scan WHERE result = 'accepted' AND person_id % 20 = 0;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
            INSERT INTO enterprise (credit_code, name, source, created_at, updated_at)
            SELECT printf('91BENCH%011d', i), printf('示范企业%03d有限公司', i), 'bench', '\(now)', '\(now)' FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
            INSERT INTO posting (id, code, credit_code, title, openings, source, created_at, updated_at)
            SELECT i, printf('P%06d', i), printf('91BENCH%011d', (i - 1) / 5 + 1), printf('岗位%d', i % 37), 5 + i * 13 % 46,
                   'bench', '\(now)', '\(now)' FROM n;
            INSERT INTO campaign_posting (campaign, posting_id, openings)
            SELECT printf('fair-%02d', (id - 1) % \(campaigns) + 1), id, openings FROM posting;
            INSERT INTO campaign_enterprise (campaign, credit_code)
            SELECT DISTINCT c.campaign, p.credit_code FROM campaign_posting c JOIN posting p ON p.id = c.posting_id;
            INSERT INTO outcome (campaign, person_id, posting_id, stage, stage_date, note, recorded_by, updated_at)
            SELECT campaign, person_id, CAST(substr(campaign, 6) AS INTEGER) + \(campaigns) * (person_id * 7 % 50),
                   CASE WHEN person_id * 11 % 100 < 50 THEN 1 WHEN person_id * 11 % 100 < 75 THEN 2
                        WHEN person_id * 11 % 100 < 95 THEN 3 ELSE 4 END,
                   '2026-03-05', '', 'bench', '\(now)'
            FROM (SELECT campaign, person_id FROM scan WHERE result = 'accepted' AND person_id % 6 = 0 LIMIT 90000);
            INSERT INTO outcome (campaign, person_id, posting_id, stage, stage_date, note, recorded_by, updated_at)
            SELECT campaign, person_id, CAST(substr(campaign, 6) AS INTEGER) + \(campaigns) * ((person_id * 7 + 1) % 50),
                   1, '2026-03-05', '', 'bench', '\(now)'
            FROM (SELECT campaign, person_id FROM outcome LIMIT 10000);
            """)
        var sizes = Sizes()
        sizes.registered = try Int.fetchOne(db, sql: "SELECT count(*) FROM registration") ?? 0
        sizes.attended = try Int.fetchOne(db, sql: "SELECT count(*) FROM scan WHERE result = 'accepted'") ?? 0
        sizes.outcomes = try Int.fetchOne(db, sql: "SELECT count(*) FROM outcome") ?? 0
        sizes.postings = try Int.fetchOne(db, sql: "SELECT count(*) FROM posting") ?? 0
        return sizes
    }

    /// What an analyst would write in the sqlite3 shell for the same numbers (benchmarks/tally-by-hand.sql).
    static let handWrittenSQL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("benchmarks/tally-by-hand.sql")

    static func timed(_ executable: String, _ arguments: [String]) throws -> Double {
        let started = Date()
        _ = try run(executable, arguments)
        return Date().timeIntervalSince(started)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw WorkflowError.internal("\(executable) \(arguments.first ?? "") exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
