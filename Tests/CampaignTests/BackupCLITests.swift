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
            #expect(made.stdout.contains("verified (integrity ok)"))
            #expect(made.stdout.contains("person 298, registration 298"), "\(made.stdout)")
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
        #expect(refused.stderr.contains("damaged.sqlite is damaged"), "\(refused.stderr)")
        let restored = try cli.run("restore", "\(folder)/\(kept[1])", "--by", "周科长")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("replaced: workflow_run 1, person 299, registration 299"), "\(restored.stdout)")
        #expect(restored.stdout.contains("now: workflow_run 1, person 298, registration 298"))
        #expect(restored.stdout.contains("kept aside as"))
        let audit = try cli.run("audit")
        #expect(audit.stdout.contains("周科长"), "\(audit.stdout)")
        #expect(audit.stdout.contains("restore"))
        #expect(audit.stdout.contains("backup"))   // the backups made before this one, kept in it
    }
}
