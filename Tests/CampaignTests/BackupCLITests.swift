import Foundation
import GRDB
import Testing
import WorkflowTesting

/// Backups from the command line: dated, verified, rotated, restored with the current workspace kept
/// aside, a damaged file refused, and each act in the audit log.
@Suite struct BackupCLITests {
    @Test func backupRotateRestoreAndTheAuditLog() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]).status == 0)
        let folder = dir.url.appendingPathComponent("backups").path
        for _ in 0..<3 {
            let made = try cli.run("backup", "--to", folder, "--keep", "2", "--by", "周科长")
            #expect(made.status == 0, "\(made.stderr)")
            #expect(made.stdout.contains("已校验（完整性正常）"), "\(made.stdout)")
            #expect(made.stdout.contains("person 299, registration 299"), "\(made.stdout)")
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(kept.count == 2, "\(kept)")
        #expect(kept.allSatisfy { $0.hasPrefix("campaign-backup-") })

        // A registration after the backup, then the backup restored: the registration is gone, kept aside.
        #expect(try cli.run("register", "--campaign", "spring-fair-2026", "--name", "赵强", "--id-number", "522426199001010033",
                            "--no-check-in", env: ["CAMPAIGN_NOW": "2026-03-01T10:00:00+08:00"]).status == 0)
        let damaged = dir.url.appendingPathComponent("damaged.sqlite").path
        try Data(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(kept[1])")).prefix(8192)).write(to: URL(fileURLWithPath: damaged))
        let refused = try cli.run("restore", damaged)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("damaged.sqlite 已损坏"), "\(refused.stderr)")
        let restored = try cli.run("restore", "\(folder)/\(kept[1])", "--by", "周科长")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("被替换的：workflow_run 1, person 300, registration 300"), "\(restored.stdout)")
        #expect(restored.stdout.contains("现在：workflow_run 1, person 299, registration 299"))
        #expect(restored.stdout.contains("已另存为"))
        let audit = try cli.run("audit")
        #expect(audit.stdout.contains("周科长"), "\(audit.stdout)")
        #expect(audit.stdout.contains("恢复"))
        #expect(audit.stdout.contains("备份"))   // the backups made before this one, kept in it
    }

    /// A backup whose guard was lowered (#33) — the audit log's append-only triggers dropped, a trigger
    /// that empties it added — is restored with its schema put back as the migrations make it: the
    /// restore's own entry stays, and the log is append-only again. One with a table no migration makes
    /// is refused, and the workspace is left as it was.
    @Test func aHostileBackupCannotLowerTheGuard() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]).status == 0)
        let folder = dir.url.appendingPathComponent("backups").path
        #expect(try cli.run("backup", "--to", folder).status == 0)
        let backup = "\(folder)/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first))
        try DatabaseQueue(path: backup).write { db in
            try db.execute(sql: """
                DROP TRIGGER audit_log_append_only_update;
                DROP TRIGGER audit_log_append_only_delete;
                CREATE TRIGGER wipe_audit AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; END;
                DROP INDEX scan_once;
                """)
        }
        let restored = try cli.run("restore", backup, "--by", "周科长")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("备份中的触发器或索引与迁移定义不同，已按迁移重建"), "\(restored.stdout)")
        #expect(restored.stdout.contains("dropped trigger wipe_audit"), "\(restored.stdout)")
        #expect(restored.stdout.contains("re-created trigger audit_log_append_only_delete"), "\(restored.stdout)")
        #expect(restored.stdout.contains("re-created index scan_once"), "\(restored.stdout)")
        let audit = try cli.run("audit")
        #expect(audit.stdout.contains("恢复") && audit.stdout.contains("schema rebuilt"), "\(audit.stdout)")
        let queue = try DatabaseQueue(path: cli.database)
        #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "DELETE FROM audit_log") } }

        // A table no migration makes: not this program's workspace; nothing changes.
        try DatabaseQueue(path: backup).write { db in try db.execute(sql: "CREATE TABLE stolen (secret TEXT)") }
        let foreign = try cli.run("restore", backup)
        #expect(foreign.status == 65, "\(foreign.stdout)\(foreign.stderr)")
        #expect(foreign.stderr.contains("备份的结构与本程序的工作区不同（多出的表：stolen"), "\(foreign.stderr)")
        #expect(try cli.run("audit").stdout.contains("schema rebuilt"))   // the workspace restored before is still there
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent(".campaign.sqlite.restoring").path))
    }

    @Test(.timeLimit(.minutes(3))) func theDaemonBacksUpOnScheduleAndRotates() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: ["CAMPAIGN_NOW": "2026-03-01T07:00:00+08:00"]).status == 0)
        let folder = dir.url.appendingPathComponent("nightly").path
        for time in ["07:00", "07:30"] {
            #expect(try cli.run("backup", "--to", folder, env: ["CAMPAIGN_NOW": "2026-03-01T\(time):00+08:00"]).status == 0)
        }
        let refused = try cli.run("run-daemon", "--backup-every", "10s")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("太频繁了；最多每分钟一次"), "\(refused.stderr)")

        // An hour and a half after the newest: one backup at once, the oldest rotated out, then none until the hour is up.
        cli.environment["CAMPAIGN_NOW"] = "2026-03-01T09:00:00+08:00"
        let daemon = cli.process(["run-daemon", "--poll", "0.05", "--backup-every", "1h", "--backup-keep", "2",
                                  "--backup-to", folder])
        let out = Pipe()
        daemon.standardOutput = out
        daemon.standardError = out
        try daemon.run()
        let deadline = Date().addingTimeInterval(90)
        func backups() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".sqlite") }.sorted()
        }
        while !backups().contains(where: { $0.hasPrefix("campaign-backup-2026-03-01T0100") }), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        Thread.sleep(forTimeInterval: 1)   // some twenty rounds more: no second backup
        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let kept = backups()
        #expect(kept.count == 2, "\(kept) \(printed)")
        #expect(kept.first?.hasPrefix("campaign-backup-2026-02-28T233000Z") == true, "\(kept)")
        #expect(kept.last?.hasPrefix("campaign-backup-2026-03-01T0100") == true, "\(kept)")
        #expect(printed.contains("已备份到 \(folder)/campaign-backup-2026-03-01T0100"), "\(printed)")
        #expect(printed.contains("删除了 1 个较早的备份（保留 2 个）"), "\(printed)")
        let audit = try cli.run("audit").stdout
        #expect(audit.split(separator: "\n").contains { $0.contains("守护进程") && $0.contains("备份") }, "\(audit)")
    }
}
