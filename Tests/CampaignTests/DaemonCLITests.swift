import Foundation
import GRDB
import Testing
import WorkflowTesting

/// `campaign start` on a scheduled definition schedules it; `campaign run-daemon` starts its run
/// when the time comes and stops cleanly on SIGTERM.
@Suite struct DaemonCLITests {
    @Test(.timeLimit(.minutes(3))) func theDaemonStartsAScheduledCampaignOnTime() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        // Two seconds before nine: the daily 09:00 schedule comes round while the test watches.
        cli.environment["CAMPAIGN_NOW"] = "2026-03-02T08:59:58+08:00"
        let path = try dir.write("reminders.yaml", """
            name: reminders
            title: 每日回访提醒
            on:
              schedule:
                - cron: "0 9 * * *"
            steps:
              - id: remind
                uses: core.log
                with: { message: "call back the leads not reached" }
            """)
        let start = try cli.run("start", path)
        #expect(start.status == 0, "\(start.stderr)")
        #expect(start.stdout.contains("已定时 reminders — 每日回访提醒：在 '0 9 * * *'（Asia/Shanghai）启动一次运行。"), "\(start.stdout)")
        #expect(start.stdout.contains("下次：2026-03-02 09:00，活动名 reminders-20260302-0900。"))
        let listed = try cli.run("status")
        #expect(listed.stdout.contains("reminders  下次 2026-03-02 09:00 Asia/Shanghai"), "\(listed.stdout)")

        let daemon = cli.process(["run-daemon", "--poll", "0.05"])
        let out = Pipe()
        daemon.standardOutput = out
        daemon.standardError = out
        try daemon.run()
        let deadline = Date().addingTimeInterval(90)
        var status = try cli.run("status", "reminders-20260302-0900")
        while !status.stdout.contains("[已完成]"), Date() < deadline {   // started, then driven to its end
            Thread.sleep(forTimeInterval: 0.1)
            status = try cli.run("status", "reminders-20260302-0900")
        }
        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(status.stdout.contains("[已完成]"), "\(status.stdout) \(printed)")
        #expect(daemon.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("已开始定时活动 reminders-20260302-0900——已完成"), "\(printed)")
        #expect(printed.contains("守护进程已停止"), "\(printed)")
        let after = try cli.run("status", env: ["CAMPAIGN_LANG": "en"])
        #expect(after.stdout.contains("next 2026-03-03 09:00 Asia/Shanghai; last started reminders-20260302-0900"),
                "\(after.stdout)")

        let removed = try cli.run("unschedule", "reminder")
        #expect(removed.status == 64)
        #expect(removed.stderr.contains("您是不是要找“reminders”？"), "\(removed.stderr)")
        #expect(try cli.run("unschedule", "reminders").status == 0)
    }

    /// The lease ends with its daemon (#33): a daemon stopped by SIGTERM or SIGINT gives it up, and one
    /// killed with -9 holds nothing (its process is gone) — `restore` goes ahead at once either way; a live
    /// one is named. The lease is judged by the wall clock, so a campaign clock set in the past
    /// (`CAMPAIGN_NOW`) neither hides a live daemon nor keeps a dead one's lease for good.
    @Test(.timeLimit(.minutes(3))) func aStoppedOrKilledDaemonLeavesNoLease() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        cli.environment["CAMPAIGN_NOW"] = "2026-03-01T09:00:00+08:00"   // long before the wall clock
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports").status == 0)
        let folder = dir.url.appendingPathComponent("backups").path
        #expect(try cli.run("backup", "--to", folder).status == 0)
        let backup = "\(folder)/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first))
        for stop in [SIGTERM, SIGINT, SIGKILL] {
            let daemon = cli.process(["run-daemon", "--poll", "0.05"])
            let out = Pipe()
            daemon.standardOutput = out
            daemon.standardError = out
            try daemon.run()
            var held = false
            for _ in 0..<600 where !held {   // until it holds the lease
                held = (try? DatabaseQueue(path: cli.database).read { db in
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM workflow_daemon") ?? 0 > 0 }) ?? false
                if !held { Thread.sleep(forTimeInterval: 0.05) }
            }
            #expect(held)
            let refused = try cli.run("restore", backup)
            #expect(refused.status == 69, "a live daemon: \(refused.stdout)")
            #expect(refused.stderr.contains("进程 \(daemon.processIdentifier)"), "\(refused.stderr)")
            kill(daemon.processIdentifier, stop)
            daemon.waitUntilExit()
            let restored = try cli.run("restore", backup)
            #expect(restored.status == 0, "after signal \(stop): \(restored.stderr)")
        }
    }
}
