import Foundation
import Testing
import WorkflowTesting

/// A campaign keeps its own clock: one in Asia/Urumqi (UTC+6) opens its gate, answers scans, dates
/// its outcomes, prints its scan ledger and status, and is picked by `tally --from/--to` in Urumqi
/// time — two hours behind Beijing, so near midnight the two disagree even on the day.
@Suite struct CampaignTimeZoneTests {
    @Test func aCampaignInUrumqiRunsAndPrintsOnItsOwnClock() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        try dir.write("people.csv", "姓名,身份证号,手机号\n张伟,11010519491231002X,13800138000\n李娜,522426199001010017,\n")
        try dir.write("enterprises.csv", "企业名称,统一社会信用代码\n贵州示范电子科技有限公司,913505828PBRNYTPLA\n")
        try dir.write("postings.csv", "统一社会信用代码,岗位名称,招聘人数\n913505828PBRNYTPLA,电子装配工,40\n")
        let definition = try dir.write("urumqi.yaml", """
            name: urumqi-fair
            timezone: Asia/Urumqi
            steps:
              - id: people
                uses: registration.import-people
                with: { file: people.csv }
              - id: enterprises
                uses: registration.import-enterprises
                with: { file: enterprises.csv }
              - id: postings
                needs: enterprises
                uses: registration.import-postings
                with: { file: postings.csv }
              - id: gate
                needs: [people, postings]
                uses: checkin.gate
                with: { gates: [north], opens: "2026-03-01 23:40" }
            """)
        func at(_ time: String) -> [String: String] { ["CAMPAIGN_NOW": "2026-03-01T\(time):00+06:00"] }

        let start = try cli.run("start", definition, env: at("23:30"))
        #expect(start.status == 0, "\(start.stderr)")
        #expect(start.stdout.contains("入口 已开放签到（2026-03-01 23:40 起）"), "\(start.stdout)")

        let early = try cli.run("checkin", "11010519491231002X", "--campaign", "urumqi-fair", "--gate", "north",
                                env: at("23:35"))
        #expect(early.status == 1)
        #expect(early.stdout.contains("gate签到于 2026-03-01 23:40 开始"), "\(early.stdout)")
        cli.environment = at("23:45")
        #expect(try cli.run("staff", "add", "Li").status == 0)
        #expect(try cli.run("checkin", "11010519491231002X", "--campaign", "urumqi-fair", "--gate", "north",
                            "--staff", "Li").status == 0)
        let again = try cli.run("checkin", "13800138000", "--campaign", "urumqi-fair", "--gate", "north", "--lang", "en",
                                env: at("23:50"))
        #expect(again.stdout.contains("already checked in at 23:45 at the north gate by Li"), "\(again.stdout)")
        let ledger = try cli.run("checkins", "--campaign", "urumqi-fair")
        #expect(ledger.stdout.hasPrefix("2026-03-01 23:35:00"), "\(ledger.stdout)")
        #expect(ledger.stdout.contains("2026-03-01 23:45:00  ✓ north"), "\(ledger.stdout)")

        // A placement recorded without a date is dated today in Urumqi (in Beijing it is already 03-02).
        let posting = try #require(try postingCode(cli))
        let placed = try cli.run("record", "placement", "--campaign", "urumqi-fair", "--person", "11010519491231002X",
                                 "--posting", posting, env: at("23:55"))
        #expect(placed.status == 0, "\(placed.stderr)")
        let outcomes = try cli.run("outcomes", "--campaign", "urumqi-fair", "--stage", "placement")
        #expect(outcomes.stdout.contains("2026-03-01"), "\(outcomes.stdout)")
        #expect(!outcomes.stdout.contains("2026-03-02"), "\(outcomes.stdout)")

        let status = try cli.run("status", "urumqi-fair")
        #expect(status.stdout.contains("2026-03-01 23:30 Asia/Urumqi 开始"), "\(status.stdout)")

        let tally = try cli.run("tally", "--all", "--from", "2026-03-01", "--to", "2026-03-01", "--format", "json",
                                env: at("23:58"))
        #expect(tally.status == 0, "\(tally.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(tally.stdout.utf8)) as? [String: Any])
        #expect(report["generated_at"] as? String == "2026-03-01T23:58:00+06:00")
        let campaigns = try #require(report["campaigns"] as? [[String: Any]])
        #expect(campaigns.first?["started_at"] as? String == "2026-03-01T23:30:00+06:00")
        #expect((report["funnel"] as? [String: Any])?["placed"] as? Int == 1)
        let nextDay = try cli.run("tally", "--all", "--from", "2026-03-02", "--format", "json")
        #expect(nextDay.status == 0, "\(nextDay.stderr)")
        let empty = try JSONSerialization.jsonObject(with: Data(nextDay.stdout.utf8)) as? [String: Any]
        #expect((empty?["campaigns"] as? [Any])?.isEmpty == true)
        #expect((empty?["funnel"] as? [String: Any])?["placed"] as? Int == 0)
    }

    /// The posting's code, from the posting breakdown (codes are random).
    func postingCode(_ cli: CLIRunner) throws -> String? {
        let postings = try cli.run("tally", "urumqi-fair", "--by", "posting", "--format", "json")
        let report = try JSONSerialization.jsonObject(with: Data(postings.stdout.utf8)) as? [String: Any]
        let rows = (report?["breakdowns"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]]
        return rows?.first?["key"] as? String
    }
}
