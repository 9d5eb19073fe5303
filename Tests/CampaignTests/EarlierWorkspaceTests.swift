import Foundation
import GRDB
import Testing
import WorkflowTesting

/// A workspace made by the version before the plugins became targets of their own
/// (`Fixtures/workspace-before-plugin-targets.sqlite`, made by that version's binary; see
/// `Fixtures/README.md`) opens with today's code: every row is still there, the migrations that
/// moved indexes to their owners ran once, and the tally says exactly what it said then.
@Suite struct EarlierWorkspaceTests {
    static let fixtures = CLIRunner.packageRoot.appendingPathComponent("Tests/CampaignTests/Fixtures")

    /// Row counts the earlier version's workspace held, read with sqlite3 when it was made.
    static let counts: [String: Int] = [
        "workflow_run": 1, "workflow_step": 9, "workflow_event": 18, "core_log": 2, "person": 298, "person_change": 0,
        "registration": 298, "ledger_source": 2, "campaign_badge_key": 1, "enterprise": 10, "posting": 21,
        "campaign_enterprise": 10, "campaign_posting": 21, "staff": 2, "checkin_window": 1, "scan": 6, "outcome": 3,
        "outcome_change": 4,
    ]

    /// `value` with only the keys `reference` has, at every depth: what an earlier version wrote,
    /// read from what this one writes.
    static func projected(_ value: Any, onto reference: Any) -> Any {
        if let object = value as? [String: Any], let earlier = reference as? [String: Any] {
            return Dictionary(uniqueKeysWithValues: earlier.keys.compactMap { key in
                object[key].map { (key, projected($0, onto: earlier[key]!)) }
            })
        }
        if let array = value as? [Any], let earlier = reference as? [Any], array.count == earlier.count {
            return zip(array, earlier).map { projected($0, onto: $1) }
        }
        return value
    }

    @Test func everyRowAndTheTallySurviveTheNewLayout() throws {
        let cli = CLIRunner(directory: try TemporaryDirectory())
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("workspace-before-plugin-targets.sqlite"),
                                         to: URL(fileURLWithPath: cli.database))
        let tally = try cli.run("tally", "spring-fair-2026", "--by", "township,group,enterprise", "--format", "json")
        #expect(tally.status == 0, "\(tally.stderr)")
        var now = try JSONSerialization.jsonObject(with: Data(tally.stdout.utf8)) as? [String: Any] ?? [:]
        var then = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.fixtures.appendingPathComponent("workspace-before-plugin-targets.tally.json")))
            as? [String: Any] ?? [:]
        now["generated_at"] = nil
        then["generated_at"] = nil
        // What was added since (the low_income group under every "of_which", each campaign's held_on)
        // is new; everything the earlier tally said must be said the same.
        let funnel = now["funnel"] as? [String: Any]
        let lowIncome = (funnel?["of_which"] as? [String: Any])?["low_income"] as? [String: Int]
        #expect(lowIncome?["registered"] == 0)
        #expect(((now["campaigns"] as? [[String: Any]])?.first?["held_on"] as? String)?.count == 10)
        // Townships now come in the county's order (first appearance in the ledger), not by their
        // numbers: the same rows, compared whatever their order.
        func byKey(_ report: [String: Any]) -> [String: Any] {
            var report = report
            report["breakdowns"] = (report["breakdowns"] as? [[String: Any]])?.map { breakdown -> [String: Any] in
                var breakdown = breakdown
                breakdown["rows"] = (breakdown["rows"] as? [[String: Any]])?.sorted {
                    ($0["key"] as? String ?? "") < ($1["key"] as? String ?? "")
                }
                return breakdown
            }
            return report
        }
        now = byKey(now)
        then = byKey(then)
        now = Self.projected(now, onto: then) as? [String: Any] ?? [:]
        #expect(NSDictionary(dictionary: now).isEqual(to: then), "the tally changed:\n\(tally.stdout)")

        let queue = try DatabaseQueue(path: cli.database)
        try queue.read { db in
            for (table, count) in Self.counts {
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") == count, "\(table)")
            }
            let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
            #expect(applied.isSuperset(of: ["ledger-v1", "checkin-v1", "outcomes-v1", "staff-v1", "engine-v2-run-time-zone",
                                            "ledger-v4-person-phone-index", "ledger-v5-walk-in-index",
                                            "checkin-v3-attended-index"]))
            let indexes = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                """).map { ($0["name"] as String, $0["sql"] as String) })
            #expect(indexes["person_phone"] == "CREATE INDEX person_phone ON person(phone) WHERE phone IS NOT NULL")
            // Made by checkin-v3, dropped by checkin-v11: attendance is read from scan_once.
            #expect(applied.contains("checkin-v11-attended-from-once") && indexes["scan_attended"] == nil)
            #expect(indexes["scan_once"]
                    == "CREATE UNIQUE INDEX scan_once ON scan(campaign, checkpoint, person_id) WHERE result = 'accepted'")
            // The run took its time zone from the definition it was started with.
            #expect(try String.fetchOne(db, sql: "SELECT time_zone_identifier FROM workflow_run") == "Asia/Shanghai")
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }

        // The scan ledger reads as it did: who came, at which gate, by whom.
        let scans = try cli.run("checkins", "--campaign", "spring-fair-2026")
        #expect(scans.status == 0, "\(scans.stderr)")
        // The walk-in registered at the desk counted as attended in the tally but not at the gate (two
        // figures for one fair); checkin-v4 gave it the scan it stood for, so both now say 3.
        #expect(scans.stdout.contains("registered at the desk before registration and check-in were separate acts"))
        #expect(scans.stdout.contains("gate 共 3 人签到（扫码 6 次）：（无闸口） 1, north 1, south 1"), "\(scans.stdout)")
    }
}
