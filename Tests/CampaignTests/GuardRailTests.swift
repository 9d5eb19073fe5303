import Foundation
import Testing
import WorkflowTesting

/// The command line's guard rails: a command in the wrong folder does not make a workspace, a scan
/// says which gate (in any case), and `--staff` names a real staff account — each refused with exit
/// 64 or 69 and a reason.
@Suite struct GuardRailTests {
    static let fairDay = ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]

    @Test func aCommandInAFolderWithoutAWorkspaceMakesNone() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        for arguments in [["staff", "add", "Li"], ["status"], ["tally", "--all"], ["audit"]] {
            let run = try cli.run(arguments: arguments)
            #expect(run.status == 69, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("\(cli.database) 处没有工作区（来自环境变量 $CAMPAIGN_DB）"), "\(run.stderr)")
            #expect(run.stderr.contains("只有 `campaign start` 会新建工作区") || arguments[0] != "staff", "\(run.stderr)")
        }
        let inEnglish = try cli.run("status", env: ["CAMPAIGN_LANG": "en"])
        #expect(inEnglish.stderr.contains("no workspace at '\(cli.database)' (from $CAMPAIGN_DB)"), "\(inEnglish.stderr)")
        #expect(inEnglish.stderr.contains("a new workspace is made only by `campaign start`"))
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test func aScanSaysWhichGateInAnyCase() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: Self.fairDay).status == 0)
        let id = "341222197009160001"
        let none = try cli.run("checkin", id, "--campaign", "spring-fair-2026", env: Self.fairDay)
        #expect(none.status == 64)
        #expect(none.stderr.contains("--gate：请说明您在哪个闸口；gate 有 north, south"), "\(none.stderr)")
        let wrong = try cli.run("checkin", id, "--campaign", "spring-fair-2026", "--gate", "nroth", env: Self.fairDay)
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("gate 没有闸口“nroth”；闸口：north, south"), "\(wrong.stderr)")
        #expect(wrong.stderr.contains("您是不是要找“north”？"), "\(wrong.stderr)")
        let upper = try cli.run("checkin", id, "--campaign", "spring-fair-2026", "--gate", "North", env: Self.fairDay)
        #expect(upper.status == 0, "\(upper.stderr)")
        let ledger = try cli.run("checkins", "--campaign", "spring-fair-2026")
        #expect(ledger.stdout.contains("gate 共 1 人签到（扫码 1 次）：北门 1"), "\(ledger.stdout)")   // the gate's name (#38)
    }

    @Test func staffMustBeAStaffAccount() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: Self.fairDay).status == 0)
        #expect(try cli.run("staff", "add", "李娜").status == 0)
        let scan = try cli.run("checkin", "341222197009160001", "--campaign", "spring-fair-2026", "--gate", "north",
                               "--staff", "Nobody", env: Self.fairDay)
        #expect(scan.status == 64)
        #expect(scan.stderr.contains("--staff：“Nobody”不是本工作区的工作人员"), "\(scan.stderr)")
        #expect(scan.stderr.contains("已有：'李娜'"), "\(scan.stderr)")
        let record = try cli.run("record", "interview", "--campaign", "spring-fair-2026", "--person", "341222197009160001",
                                 "--posting", "SF001", "--staff", "李 娜", env: Self.fairDay)
        #expect(record.status == 64)
        #expect(record.stderr.contains("“李 娜”不是本工作区的工作人员"), "\(record.stderr)")
        let walkIn = try cli.run("register", "--campaign", "spring-fair-2026", "--name", "赵强", "--id-number",
                                 "522426199001010033", "--gate", "north", "--staff", "Zhao", env: Self.fairDay)
        #expect(walkIn.status == 64)
        #expect(walkIn.stderr.contains("“Zhao”不是本工作区的工作人员"), "\(walkIn.stderr)")
        // Nothing was written by the refused commands; the real name works.
        let ok = try cli.run("checkin", "341222197009160001", "--campaign", "spring-fair-2026", "--gate", "north",
                             "--staff", "李娜", env: Self.fairDay)
        #expect(ok.status == 0, "\(ok.stderr)")
        let ledger = try cli.run("checkins", "--campaign", "spring-fair-2026")
        #expect(ledger.stdout.contains("（扫码 1 次）"), "\(ledger.stdout)")
    }
}
