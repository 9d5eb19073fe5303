import Foundation
import GRDB
import Testing
import WorkflowTesting

/// `workflows/training.yaml` and `workflows/monitoring.yaml` from the command line, as the README
/// runs them: every step to the end (monitoring: to its help period), the plugin's own command, and
/// the tally by trade, base, township and group in every format.
@Suite struct TrainingJourneyTests {
    func sample() throws -> (CLIRunner, URL) {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let target = dir.url.appendingPathComponent("workflows")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("workflows"), to: target)
        try? FileManager.default.removeItem(at: target.appendingPathComponent("reports"))
        return (cli, target)
    }

    @Test func theTrainingSampleRunsFromEnrolmentToTally() throws {
        let (cli, target) = try sample()
        let start = try cli.run("start", target.appendingPathComponent("training.yaml").path,
                                env: ["CAMPAIGN_NOW": "2026-04-20T10:00:00+08:00"])
        #expect(start.status == 0, "\(start.stderr)")
        #expect(start.stdout.contains("enrolled=40 from_groups=30 waiting=6"), "\(start.stdout)")
        #expect(start.stdout.contains("inserted=358"), "\(start.stdout)")
        #expect(start.stdout.contains("amount=38400"), "\(start.stdout)")
        #expect(start.stdout.contains("入班 40 人（候补 6），补贴 32 人 38400 元"), "\(start.stdout)")
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("reports/training-2026-zl01-subsidy.xlsx").path))
        let classes = try cli.run("training", "--campaign", "training-2026-zl01")
        #expect(classes.stdout.contains("入班 40/40 人（候补 6），到课 39，结业 36，取证 34，补贴 32，培训后就业 28"), "\(classes.stdout)")

        let table = try cli.run("tally", "training-2026-zl01", "--by", "trade,base,township,group")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("按培训工种"))
        #expect(table.stdout.contains("足部修护师"))
        #expect(table.stdout.contains("县职业技能培训中心"))
        let json = try cli.run("tally", "training-2026-zl01", "--by", "trade,group", "--format", "json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let text = json.stdout
        #expect(text.contains("\"certified\""), "\(text.prefix(400))")
        #expect(report["schema"] as? String == "campaign.tally/1" || text.contains("campaign.tally/1"))
        let csv = try cli.run("tally", "training-2026-zl01", "--by", "township", "--format", "csv")
        #expect(csv.status == 0)
        #expect(csv.stdout.contains("结业"), "\(csv.stdout.prefix(300))")
        for format in ["xlsx", "html"] {
            let out = target.appendingPathComponent("reports/by-trade.\(format)").path
            let written = try cli.run("tally", "training-2026-zl01", "--by", "trade,group", "--format", format, "--out", out)
            #expect(written.status == 0, "\(written.stderr)")
            // The headline in the reader's words, not the JSON keys (#38).
            #expect(written.stdout.contains("入班学员 40，") && !written.stdout.contains("trainees"), "\(written.stdout)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
            if format == "xlsx" { #expect(bytes.prefix(2) == Data("PK".utf8)) }
            else { #expect(String(decoding: bytes, as: UTF8.self).contains("培训工种")) }
        }
    }

    /// `--format pdf` (#38): the HTML report printed at A4 by Chromium, read back by pdftotext.
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs Debian's chromium (scripts/test installs it)"), .timeLimit(.minutes(5)))
    func theTallyPrintsAsAPDF() throws {
        let (cli, target) = try sample()
        #expect(try cli.run("start", target.appendingPathComponent("training.yaml").path,
                            env: ["CAMPAIGN_NOW": "2026-04-20T10:00:00+08:00"]).status == 0)
        let out = target.appendingPathComponent("reports/training.pdf").path
        let written = try cli.run("tally", "training-2026-zl01", "--by", "trade,group", "--format", "pdf", "--out", out)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("已写出 \(out)：入班学员 40"), "\(written.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)).starts(with: Data("%PDF".utf8)))
        let text = try TLSServeTests.run("/usr/bin/pdftotext", "-layout", out, "-")
        #expect(text.output.contains("培训工种") && text.output.contains("足部修护师"), "\(text.output.prefix(400))")
        let bad = try cli.run("tally", "training-2026-zl01", "--format", "docx")
        #expect(bad.status == 64)
    }

    @Test func theMonitoringSampleRunsThisMonthAtOnce() throws {
        let (cli, target) = try sample()
        let april = ["CAMPAIGN_NOW": "2026-04-06T10:00:00+08:00"]
        let start = try cli.run("start", target.appendingPathComponent("monitoring.yaml").path, env: april)
        #expect(start.status == 0, "\(start.stderr)")
        let campaign = "monitoring-20260401-0800"
        #expect(start.stdout.contains("month=2026-04 previous=2026-03"), "\(start.stdout)")
        #expect(start.stdout.contains("monitored=122"), "\(start.stdout)")
        #expect(start.stdout.contains("newly_unemployed=3"), "\(start.stdout)")
        #expect(start.stdout.contains("下次：2026-05-01 08:00，活动名 monitoring-20260501-0800"), "\(start.stdout)")
        let month = try cli.run("monitoring", "--campaign", campaign, "--changes")
        #expect(month.stdout.contains("2026-04 监测 122 人：务工 91"), "\(month.stdout)")
        #expect(month.stdout.contains("新增未就业") && month.stdout.contains("********"), "\(month.stdout)")
        // Record one result for a person on the help list, then end the help period.
        let db = try DatabaseQueue(path: cli.database)
        let person = try db.read { db in
            try String.fetchOne(db, sql: """
                SELECT p.id_number FROM monitoring_help h JOIN person p ON p.id = h.person_id WHERE h.campaign = ? LIMIT 1
                """, arguments: [campaign])!
        }
        let recorded = try cli.run("monitoring", "--campaign", campaign, "--record", person, "--result", "placed", env: april)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains("已登记") && recorded.stdout.contains("已就业"), "\(recorded.stdout)")
        let bad = try cli.run("monitoring", "--campaign", campaign, "--record", person, "--result", "maybe")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("“maybe”不是帮扶结果"), "\(bad.stderr)")
        #expect(try cli.run("signal", campaign, "help", env: april).status == 0)
        let json = try cli.run("tally", campaign, "--by", "township,group", "--format", "json")
        #expect(json.stdout.contains("\"helped_into_work\" : 1") || json.stdout.contains("\"helped_into_work\":1"),
                "\(json.stdout.prefix(600))")
        let table = try cli.run("tally", campaign, "--by", "township,group")
        #expect(table.stdout.contains("务工规模"), "\(table.stdout)")
        #expect(table.stdout.contains("上年同期务工规模"), "\(table.stdout)")
    }
}
