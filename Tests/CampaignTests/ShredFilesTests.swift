import Foundation
import GRDB
import Testing
import WorkflowTesting

/// Shredding reaches the files the workspace wrote with people in them (#33): the rows an import
/// refused (`*.rejects.csv` beside the input) and the lists exported with names, masked or not, are
/// overwritten and removed; one moved by hand is named as not reached, and the audit log says both.
@Suite struct ShredFilesTests {
    static let fairDay = ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]
    static let autumn = ["CAMPAIGN_NOW": "2026-09-01T10:00:00+08:00"]

    @Test func shreddingDestroysTheFilesItWroteAndNamesThoseItCannotReach() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let fair = try dir.write("fair.yaml", "name: fair\nsteps:\n  - id: gate\n    uses: checkin.gate\n")
        #expect(try cli.run("start", fair, env: Self.fairDay).status == 0)
        let people = try dir.write("people.csv", """
            姓名,身份证号,手机号,乡镇
            吕林建,522426196601010017,18991077985,城关镇
            万宏东,522426198001010012,13800138000,城关镇
            欧阳晓燕,52242619900101003,13912345678,城关镇
            """)
        let imported = try cli.run("import", "people", people, "--campaign", "fair", "--allow-rejects", env: Self.fairDay)
        #expect(imported.status == 0, "\(imported.stderr)")
        let rejects = dir.url.appendingPathComponent("people.rejects.csv").path
        #expect(try String(contentsOfFile: rejects, encoding: .utf8).contains("欧阳晓燕"), "the refused row, as typed")
        #expect(try cli.run("staff", "add", "周科长", "--role", "manager").status == 0)
        #expect(try cli.run("checkin", "18991077985", "--campaign", "fair", "--gate", "north", env: Self.fairDay).status == 0)
        let kept = dir.url.appendingPathComponent("checkins.csv").path
        let moved = dir.url.appendingPathComponent("checkins-for-the-bureau.csv").path
        for file in [kept, moved] {
            let export = try cli.run("checkins", "--campaign", "fair", "--csv", file, env: Self.fairDay)
            #expect(export.status == 0, "\(export.stderr)")
        }
        let usb = dir.url.appendingPathComponent("usb-stick")
        try FileManager.default.createDirectory(at: usb, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: moved, toPath: usb.appendingPathComponent("checkins.csv").path)
        #expect(try cli.run("cancel", "fair", "--by", "周科长", env: Self.autumn).status == 0)

        let dry = try cli.run("shred", "--campaign", "fair", "--dry-run", env: Self.autumn)
        #expect(dry.stdout.contains("将销毁它写出的 3 个含人员信息的文件") && dry.stdout.contains(rejects), "\(dry.stdout)")
        #expect(FileManager.default.fileExists(atPath: rejects), "a dry run changes nothing")

        let shred = try cli.run("shred", "--campaign", "fair", "--by", "周科长", env: Self.autumn)
        #expect(shred.status == 0, "\(shred.stderr)")
        #expect(shred.stdout.contains("已覆写并删除它写出的 2 个含人员信息的文件"), "\(shred.stdout)")
        #expect(shred.stdout.contains("\(moved) 已不在写出的位置（被移动或删除）：无法销毁"), "\(shred.stdout)")
        #expect(!FileManager.default.fileExists(atPath: rejects))
        #expect(!FileManager.default.fileExists(atPath: kept))
        let audit = try cli.run("audit").stdout
        #expect(audit.contains("2 files destroyed, 1 not found where written: \(moved)"), "\(audit)")

        // Dealt with, all three: none is named again.
        let pending = try DatabaseQueue(path: cli.database).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM personal_file WHERE shredded_at IS NULL")
        }
        #expect(pending == 0)
    }
}
