import Foundation
import GRDB
import Testing
import WorkflowTesting

/// The journeys of the README, through the real binary.
@Suite struct CLITests {
    @Test func bundledWorkflowsAreValid() throws {
        let cli = CLIRunner(directory: try TemporaryDirectory())
        let result = try cli.run("validate", "workflows/spring-fair.yaml", "workflows/bus-transport.yaml",
                                 "workflows/livestream.yaml", "workflows/training.yaml", "workflows/monitoring.yaml")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "：有效——活动").count == 6, "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    /// Definitions written before departures moved to the transport plugin and line-ups to the
    /// livestream plugin (2026-12) still validate, with a warning naming the new action.
    @Test func actionsThatMovedKeepTheirOldNamesWithAWarning() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let path = try dir.write("old.yaml", """
            name: old-names
            kind: bus-transport
            steps:
              - id: departures
                uses: schedule.departures
                with: { days: [2026-02-20, 2026-02-22] }
              - id: lineup
                uses: schedule.stream
                with: { length: 1h }
            """)
        let validate = try cli.run("validate", path)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("有效"), "\(validate.stdout)")
        #expect(validate.stderr.contains("\(path):5:11: 警告：“schedule.departures”已改名为“transport.departures”"), "\(validate.stderr)")
        #expect(validate.stderr.contains("\(path):8:11: 警告：“schedule.stream”已改名为“livestream.lineup”"))
        #expect(validate.stderr.contains("改写为 uses: livestream.lineup"))
        let unknown = try cli.run("validate", try dir.write("kind.yaml", "name: k\nkind: job-fiar\nsteps:\n  - id: a\n    uses: core.log\n    with: { message: hi }\n"))
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("kind.yaml:2:7: 错误：未知的活动类型“job-fiar”"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("job-fair"))
    }

    @Test func invalidDefinitionExits65AndWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let path = try dir.write("bad.yaml", """
            name: bad
            steps:
              - id: a
                uses: core.lgo
              - id: b
                needs: [zz]
                uses: core.log
                with: { message: hi }
            """)
        // Chinese unless --lang en (or CAMPAIGN_LANG=en), each at its line and column.
        let validate = try cli.run("validate", path)
        #expect(validate.status == 65)
        #expect(validate.stderr.contains("\(path):4:16: 错误：插件“core”没有动作“lgo”"), "\(validate.stderr)")
        #expect(validate.stderr.contains("提示：您是不是要找“core.log”？"))
        #expect(validate.stderr.contains("\(path):6:13: 错误：步骤“b”依赖“zz”，但没有步骤叫这个 id"))
        #expect(validate.stderr.contains("\(path)：2 处错误"))
        let inEnglish = try cli.run("validate", path, "--lang", "en")
        #expect(inEnglish.status == 65)
        #expect(inEnglish.stderr.contains("\(path):4:16: error: plugin 'core' has no action 'lgo'"))
        #expect(inEnglish.stderr.contains("help: did you mean 'core.log'?"))
        #expect(inEnglish.stderr.contains("\(path):6:13: error: step 'b' needs 'zz'"))
        #expect(inEnglish.stderr.contains("\(path): 2 errors"))
        let start = try cli.run("start", path)
        #expect(start.status == 65)
        #expect(start.stderr.contains("2 处错误；什么都没有运行"), "\(start.stderr)")
        #expect(try cli.run("start", path, env: ["CAMPAIGN_LANG": "en"]).stderr.contains("2 errors; nothing was run"))
        #expect(!FileManager.default.fileExists(atPath: cli.database))
        #expect(try cli.run("validate", dir.url.appendingPathComponent("missing.yaml").path).status == 69)
    }

    @Test func organizerJourneyThroughTheSpringFair() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let reports = dir.url.appendingPathComponent("reports").path
        let start = try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(reports)",
                                env: ["CAMPAIGN_NOW": "2026-02-20T09:00:00+08:00"])
        #expect(start.status == 0, "\(start.stderr)")
        #expect(start.stdout.contains("✓ announce"))
        #expect(start.stdout.contains("campaign signal spring-fair-2026 gate"))
        #expect(start.stdout.contains("活动 spring-fair-2026 正在等待（已完成 7/12 步）。"), "\(start.stdout)")
        let inEnglish = try cli.run("resume", "spring-fair-2026",
                                    env: ["CAMPAIGN_NOW": "2026-02-20T09:00:00+08:00", "CAMPAIGN_LANG": "en"])
        #expect(inEnglish.stdout.contains("Campaign spring-fair-2026 is waiting (7 of 12 steps done)."), "\(inEnglish.stdout)")
        #expect(inEnglish.stdout.contains("Continue later with: campaign resume spring-fair-2026"))
        // --lang wins over CAMPAIGN_LANG.
        let inChinese = try cli.run("resume", "spring-fair-2026", "--lang", "zh",
                                    env: ["CAMPAIGN_NOW": "2026-02-20T09:00:00+08:00", "CAMPAIGN_LANG": "en"])
        #expect(inChinese.stdout.contains("稍后继续：campaign resume spring-fair-2026"), "\(inChinese.stdout)")
        #expect(start.stdout.contains("people.csv 第 43 行，身份证号：身份证号"), "\(start.stdout)")
        #expect(start.stdout.contains("cells_refused=2 inserted=299 linked=299"))
        #expect(start.stdout.contains("people.csv 第 152 行，人员类别：人员类别 '困难户' 无法识别：此人已导入，但不带这些类别"))
        #expect(start.stdout.contains("入口 已开放签到（2026-03-01 08:30 起）；扫码：campaign checkin CODE --campaign spring-fair-2026 --gate north|south。关闭签到：campaign signal spring-fair-2026 gate"), "\(start.stdout)")
        #expect(start.stdout.contains("✓ interviews"))
        let plan = try cli.run("interviews", "--campaign", "spring-fair-2026")
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("09:00-09:15"))
        #expect(!plan.stdout.contains("10:30-10:45"))   // the break
        let unmet = try cli.run("interviews", "--campaign", "spring-fair-2026", "--unmet", "--lang", "en")
        #expect(unmet.stdout.contains("has all its 22 interview slots taken, by"), "\(unmet.stdout)")
        #expect(plan.stdout.contains("B04 贵州示范电子科技有限公司"))   // the booth number from schedule.booths
        let slips = dir.url.appendingPathComponent("slips.html").path
        let printed = try cli.run("interviews", "--campaign", "spring-fair-2026", "--slips", slips)
        #expect(printed.stdout.contains("张面试通知单到 \(slips)（姓名和身份证号已脱敏）"), "\(printed.stdout)")
        let page = try String(contentsOfFile: slips, encoding: .utf8)
        #expect(page.contains("<td>B04</td><td>贵州示范电子科技有限公司</td>"))
        #expect(page.contains("胸牌 ") && page.contains("size: A4"))
        #expect(!page.contains("522426196601010009"))   // ID numbers masked

        // SMS lines: a masked preview for anyone, real numbers only for a manager, recorded.
        let sms = dir.url.appendingPathComponent("sms.csv").path
        let preview = try cli.run("interviews", "--campaign", "spring-fair-2026", "--sms", sms, "--signature", "示范县人社局")
        #expect(preview.stdout.contains("（已脱敏：仅供预览；要发送请加 --unmasked --by 管理员）"), "\(preview.stdout)")
        let lines = try String(contentsOfFile: sms, encoding: .utf8).split(separator: "\r\n")
        #expect(lines.first == "手机号,短信内容")
        #expect(lines.dropFirst().allSatisfy { $0.contains("****") && $0.contains("【示范县人社局】") && $0.contains("凭胸牌码") })
        #expect(lines.contains { $0.contains("B04展位贵州示范电子科技有限公司") }, "\(lines.prefix(3))")
        #expect(try cli.run("staff", "add", "周科长", "--role", "manager").status == 0)
        let real = try cli.run("interviews", "--campaign", "spring-fair-2026", "--sms", sms, "--unmasked", "--by", "周科长")
        #expect(real.stdout.contains("（未脱敏，已记录）"), "\(real.stdout)")
        #expect(!(try String(contentsOfFile: sms, encoding: .utf8)).contains("****"))
        let audit = try GRDB.DatabaseQueue(path: cli.database).read { db in
            try String.fetchAll(db, sql: "SELECT actor || ' ' || action || ' ' || detail FROM audit_log")
        }
        #expect(audit == ["周科长 unmasked-export interview SMS lines with names and phones: \(sms)"])
        let workbook = dir.url.appendingPathComponent("interviews.xlsx").path
        let book = try cli.run("interviews", "--campaign", "spring-fair-2026", "--xlsx", workbook)
        #expect(book.stdout.contains("个未安排的志愿到 \(workbook)（已脱敏）"), "\(book.stdout)")
        let read = try TransportJourneyTests.openpyxl(workbook, """
            out = {"sheets": wb.sheetnames, "header": [c.value for c in wb["面试安排"][3]], "rows": wb["面试安排"].max_row}
            """)
        #expect(read["sheets"] as? [String] == ["面试安排", "未安排"])
        #expect((read["header"] as? [String])?.first == "时间")

        let again = try cli.run("start", "workflows/spring-fair.yaml")
        #expect(again.status == 64)
        #expect(again.stderr.contains("活动“spring-fair-2026”已于 2026-02-20 09:00 开始（状态：等待中）；再次开始会重复它的步骤"),
                "\(again.stderr)")
        #expect(again.stderr.contains("campaign resume spring-fair-2026"))

        let signal = try cli.run("signal", "spring-fair-2026", "gate", "--by", "Li",
                                 env: ["CAMPAIGN_NOW": "2026-03-01T17:00:00+08:00"])
        #expect(signal.status == 0, "\(signal.stderr)")
        #expect(signal.stdout.contains("✓ walk-ins"))
        #expect(signal.stdout.contains("follow-up"))
        #expect(signal.stdout.contains("campaign resume spring-fair-2026"))

        // A week later the follow-up still runs; a month later its timer has come due and fires on resume.
        let early = try cli.run("resume", "spring-fair-2026", env: ["CAMPAIGN_NOW": "2026-03-08T09:00:00+08:00"])
        #expect(early.stdout.contains("正在等待"))
        let late = try cli.run("resume", env: ["CAMPAIGN_NOW": "2026-04-02T09:00:00+08:00"])
        #expect(late.status == 0, "\(late.stderr)")
        #expect(late.stdout.contains("✓ tally"))
        #expect(late.stdout.contains("活动 spring-fair-2026 已完成"))
        // tally.report wrote the county's files.
        for ext in ["xlsx", "html"] {
            #expect(FileManager.default.fileExists(atPath: "\(reports)/spring-fair-2026.\(ext)"))
        }

        let status = try cli.run("status")
        #expect(status.stdout.contains("spring-fair-2026"))
        #expect(status.stdout.contains("活动") && status.stdout.contains("已完成"), "\(status.stdout)")
        let statusInEnglish = try cli.run("status", "--lang", "en")
        #expect(statusInEnglish.stdout.contains("CAMPAIGN") && statusInEnglish.stdout.contains("completed"), "\(statusInEnglish.stdout)")
        let history = try cli.run("history", "spring-fair-2026")
        #expect(history.stdout.contains("由 Li 发出通知"), "\(history.stdout)")
        #expect(history.stdout.contains("活动完成"), "\(history.stdout)")
        let historyInEnglish = try cli.run("history", "spring-fair-2026", "--lang", "en")
        #expect(historyInEnglish.stdout.contains("run-completed"), "\(historyInEnglish.stdout)")
        // An event's words are kept as catalogue words: caused by a command in Chinese, read in English.
        #expect(historyInEnglish.stdout.contains("signalled by Li") && !historyInEnglish.stdout.contains("由 Li 发出通知"),
                "\(historyInEnglish.stdout)")
    }

    @Test func failedStepExitsOneAndSaysHowToRetry() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let path = try dir.write("f.yaml", """
            name: flaky
            steps:
              - id: upload
                uses: core.fail
                with: { message: "the county server refused the upload", retryable: false }
            """)
        let start = try cli.run("start", path)
        #expect(start.status == 1)
        #expect(start.stdout.contains("the county server refused the upload"))
        #expect(start.stdout.contains("campaign retry flaky upload"))
        let status = try cli.run("status", "flaky")
        #expect(status.stdout.contains("✗ upload"))
        let wrongStep = try cli.run("signal", "flaky", "upload")
        #expect(wrongStep.status == 64)
        let unknown = try cli.run("status", "flakey")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("错误：这个工作区里没有名为“flakey”的活动\n  提示：您是不是要找“flaky”？"), "\(unknown.stderr)")
        let unknownInEnglish = try cli.run("status", "flakey", env: ["CAMPAIGN_LANG": "en"])
        #expect(unknownInEnglish.stderr.contains("error: no campaign named 'flakey' in this workspace\n  help: did you mean 'flaky'?"))
    }

    @Test func graphAndPluginsDescribeTheCampaign() throws {
        let cli = CLIRunner(directory: try TemporaryDirectory())
        let mermaid = try cli.run("graph", "workflows/spring-fair.yaml")
        #expect(mermaid.stdout.hasPrefix("flowchart TD"))
        #expect(mermaid.stdout.contains("s3 --> s5"))  // the postings before the wishes that name them
        let dot = try cli.run("graph", "workflows/bus-transport.yaml", "--format", "dot")
        #expect(dot.stdout.contains("\"roster\" -> \"alight\";"))
        #expect(dot.stdout.contains("\"depart\" [label=\"Each batch leaves\\ntransport.depart × each item\"];"), "\(dot.stdout)")
        let plugins = try cli.run("plugins")
        #expect(plugins.stdout.contains("core.wait（等待人工）"), "\(plugins.stdout)")
        #expect(plugins.stdout.contains("until (date-time)"))
    }
}

/// One campaign that cannot go on must not hold up the others: `resume` reports it and resumes the rest.
@Suite struct ResumeIsolationTests {
    @Test func resumeGoesOnWithTheOtherCampaignsWhenOneCannotProceed() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        for name in ["fair-a", "fair-b"] {
            let path = try dir.write("\(name).yaml", """
                name: \(name)
                steps:
                  - id: wait
                    uses: core.wait
                    with: { until: "2026-03-02 08:00" }
                  - id: done
                    needs: wait
                    uses: core.log
                    with: { message: "\(name) went on" }
                """)
            #expect(try cli.run("start", path, env: ["CAMPAIGN_NOW": "2026-03-01T08:00:00+08:00"]).status == 0)
        }
        // fair-a's stored definition no longer validates (as if written for another version).
        try DatabaseQueue(path: cli.database).write { db in
            try db.execute(sql: "UPDATE workflow_run SET definition_text = replace(definition_text, 'core.log', 'core.lgo') "
                           + "WHERE campaign = 'fair-a'")
        }
        let resumed = try cli.run("resume", env: ["CAMPAIGN_NOW": "2026-03-02T09:00:00+08:00"])
        #expect(resumed.status == 65)
        #expect(resumed.stderr.contains("活动“fair-a”开始时所用的定义在这个版本的 campaign 中已不再有效"), "\(resumed.stderr)")
        #expect(resumed.stderr.contains("（活动 fair-a 保持原样；其他活动继续）"), "\(resumed.stderr)")
        #expect(resumed.stdout.contains("活动 fair-b 已完成"), "\(resumed.stdout)")
    }
}
