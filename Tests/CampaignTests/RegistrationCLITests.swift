import CampaignTesting
import Foundation
import GRDB
import Testing
import WorkflowTesting

/// Imports and walk-ins through the real binary: summaries, masking, exit codes, and a kill -9
/// in the middle of a large import.
@Suite struct RegistrationCLITests {
    func startedCampaign(_ dir: TemporaryDirectory) throws -> CLIRunner {
        let cli = CLIRunner(directory: dir)
        let path = try dir.write("fair.yaml", "name: fair\nsteps:\n  - id: gate\n    uses: core.wait\n    with: { signal: true }\n")
        #expect(try cli.run("start", path).status == 0)
        return cli
    }

    @Test func importPrintsASummaryWithMaskedDataOnly() throws {
        let dir = try TemporaryDirectory()
        let cli = try startedCampaign(dir)
        let file = try dir.write("people.csv", """
            姓名,身份证号,手机号,村
            张伟,11010519491231002X,13800138000,南关村
            王芳,110105194912310021,13800138001,南关村
            """)
        let result = try cli.run("import", "people", file, "--campaign", "fair")
        #expect(result.status == 65, "rows were rejected: \(result.stderr)")
        // In Chinese by default: the summary, the reason of each rejected row, the reject file.
        #expect(result.stderr.contains("1 行未导入；其余的行已导入"), "\(result.stderr)")
        #expect(result.stderr.contains("或加 --allow-rejects 接受这次导入（退出码 0）"))
        #expect(result.stdout.contains("2 行：新增 1，更新 0，未变 0，拒绝 1"), "\(result.stdout)")
        #expect(result.stdout.contains("新报名到 fair：1 人"))
        #expect(result.stdout.contains("第 3 行，身份证号：身份证号 110105********0021 校验位是 1，应为 X：可能有一位数字输错了"))
        let rejects = try String(contentsOf: dir.url.appendingPathComponent("people.rejects.csv"), encoding: .utf8)
        #expect(rejects.contains(",3,身份证号,身份证号 110105********0021 校验位是 1，应为 X：可能有一位数字输错了"), "\(rejects)")
        for secret in ["110105194912310021", "11010519491231002X", "13800138001"] {
            #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(secret) printed unmasked")
        }
        // In English when asked: the message, and the reject file written again.
        let strict = try cli.run("import", "people", file, "--strict", "--lang", "en")
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("people.csv: 1 of 2 rows are invalid, so nothing was imported (--strict): row 3, 身份证号: "
                                       + "the ID number 110105********0021 has the check character 1"), "\(strict.stderr)")
        let english = try String(contentsOf: dir.url.appendingPathComponent("people.rejects.csv"), encoding: .utf8)
        #expect(english.contains(",3,身份证号,the ID number 110105********0021 has the check character 1 where X is expected"))
        let counted = try cli.run("import", "people", file, "--allow-rejects", env: ["CAMPAIGN_LANG": "en"])
        #expect(counted.stdout.contains("2 rows: 0 new, 0 updated, 1 unchanged, 1 rejected"), "\(counted.stdout)")
        let missing = try cli.run("import", "people", dir.url.appendingPathComponent("nope.csv").path)
        #expect(missing.status == 69)
    }

    /// A copy of a county fixture (Tests/LedgerTests/Fixtures) in the test's folder, as `name`.
    func countyFixture(_ fixture: String, in dir: TemporaryDirectory, as name: String) throws -> URL {
        let file = dir.url.appendingPathComponent(name)
        try FileManager.default.copyItem(
            at: CLIRunner.packageRoot.appendingPathComponent("Tests/LedgerTests/Fixtures/" + fixture), to: file)
        return file
    }

    /// A county workbook (one sheet per township, titles, totals) through the real binary: the
    /// summary says what was read, per sheet, what was skipped and what was left out — masked.
    @Test func countyWorkbookSummaryNamesSheetsSkippedLinesAndSheetsLeftOut() throws {
        let dir = try TemporaryDirectory()
        let cli = try startedCampaign(dir)
        let file = try countyFixture("county-ledger.xlsx", in: dir, as: "台账.xlsx")
        let result = try cli.run("import", "people", file.path, "--campaign", "fair", "--allow-rejects")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("（XLSX, 3 sheets: 城关镇, 河西镇, 柳树乡"), "\(result.stdout)")
        #expect(result.stdout.contains("工作表 河西镇：表头在第 3 行，3 行，拒绝 1 行，跳过 3 行，乡镇取自工作表名"))
        #expect(result.stdout.contains("表头上方：XX县2026年脱贫劳动力就业台账 / 填报单位：城关镇 填报日期：2026年3月2日"))
        #expect(result.stdout.contains("8 行：新增 6，更新 0，未变 0，拒绝 2；跳过 9 行（合计、备注、空行）"))
        #expect(result.stdout.contains("– 跳过 工作表 城关镇，第 8 行：“合计”行，不是记录 — 合计 3人"))
        #expect(result.stdout.contains("! 工作表“填表说明”没有本名单所需各列的表头行；未读取"))
        #expect(result.stdout.contains("工作表 河西镇，第 5 行，身份证号：Excel 把这个身份证号存成了数字"))
        #expect(!result.stdout.contains("86123456"))
        // The same file in English.
        let english = try cli.run("import", "people", file.path, "--allow-rejects", "--lang", "en")
        #expect(english.stdout.contains("sheet 河西镇: header row 3, 3 rows, 1 rejected, 3 skipped, township from the sheet's name"),
                "\(english.stdout)")
        #expect(english.stdout.contains("8 rows: 0 new, 0 updated, 6 unchanged, 2 rejected; 9 skipped (totals, notes, empty lines)"))
        #expect(english.stdout.contains("– skipped sheet 城关镇, row 8: a 合计 row, not a record — 合计 3人"))
        #expect(english.stdout.contains("! sheet '填表说明' has no header row with the columns this list needs; not read"))
        #expect(english.stdout.contains("sheet 河西镇, row 5, 身份证号: Excel stored this ID number as a number"))
    }

    /// Without LibreOffice an old workbook is refused with what to do, and nothing is imported.
    @Test func oldWorkbookWithoutLibreOfficeSaysHowToSaveItAsXLSX() throws {
        let dir = try TemporaryDirectory()
        let cli = try startedCampaign(dir)
        let file = try countyFixture("county-ledger.xls", in: dir, as: "台账.xls")
        let result = try cli.run("import", "people", file.path, env: ["CAMPAIGN_SOFFICE": "/nonexistent/soffice"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("“台账.xls”是旧式的 .xls 工作簿，而能转换它的 LibreOffice 没有安装"), "\(result.stderr)")
        #expect(result.stderr.contains("另存为 .xlsx（文件 → 另存为 → Excel 工作簿）"))
        #expect(result.stderr.contains("apt-get install libreoffice-calc-nogui"))
        let people = try DatabaseQueue(path: cli.database).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? -1
        }
        #expect(people == 0)
    }

    /// Booth staff find a posting's code: `campaign postings` lists the campaign's own numbers.
    @Test func postingsListsTheCampaignsCodesOpeningsAndSalaries() throws {
        let dir = try TemporaryDirectory()
        let cli = try startedCampaign(dir)
        let enterprises = try dir.write("enterprises.csv", """
            企业名称,统一社会信用代码
            贵州示范电子科技有限公司,913505828PBRNYTPLA
            示范县顺达物流有限公司,913302063BFU7CH3JQ
            """)
        let postings = try dir.write("postings.csv", """
            统一社会信用代码,岗位编号,岗位名称,招聘人数,薪资
            913505828PBRNYTPLA,001,电子装配工,40,4000-6000
            913302063BFU7CH3JQ,017,分拣员,20,
            """)
        #expect(try cli.run("import", "enterprises", enterprises, "--campaign", "fair").status == 0)
        #expect(try cli.run("import", "postings", postings, "--campaign", "fair").status == 0)
        let list = try cli.run("postings", "--campaign", "fair")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("001"))
        #expect(list.stdout.contains("电子装配工"))
        #expect(list.stdout.contains("4000-6000"))
        #expect(list.stdout.contains("面议"))
        #expect(list.stdout.contains("fair 共 2 个岗位，招聘 60 人"), "\(list.stdout)")
        let found = try cli.run("postings", "--campaign", "fair", "--search", "分拣")
        #expect(found.stdout.contains("017") && !found.stdout.contains("电子装配工"))
        #expect(found.stdout.contains("fair 共 1 个岗位，招聘 20 人（含“分拣”的，共 2 个中）"), "\(found.stdout)")
        let inEnglish = try cli.run("postings", "--campaign", "fair", "--search", "分拣", "--lang", "en")
        #expect(inEnglish.stdout.contains("1 postings, 20 positions at fair matching '分拣' (of 2)"), "\(inEnglish.stdout)")
        // The desk checks a booth in: the enterprise attends (the gate can scan its credit code too).
        let booth = try cli.run("attend-enterprise", "贵州示范电子科技有限公司", "--campaign", "fair")
        #expect(booth.status == 0, "\(booth.stderr)")
        #expect(booth.stdout.contains("✓ 贵州示范电子科技有限公司 — 企业签到成功：其展位计为到场"), "\(booth.stdout)")
        #expect(try cli.run("attend-enterprise", "913505828PBRNYTPLA", "--campaign", "fair", "--lang", "en").stdout
            .contains("the enterprise already checked in at"))
        #expect(try cli.run("attend-enterprise", "不存在的公司", "--campaign", "fair").status == 1)
        // A unique part of the name is enough; a part several names share is refused with them named.
        let part = try cli.run("attend-enterprise", "顺达物流", "--campaign", "fair")
        #expect(part.status == 0, "\(part.stderr)")
        #expect(part.stdout.contains("✓ 示范县顺达物流有限公司 — 企业签到成功"), "\(part.stdout)")
        let shared = try cli.run("attend-enterprise", "有限公司", "--campaign", "fair")
        #expect(shared.status == 1)
        #expect(shared.stdout.contains("“有限公司”对应多家企业：示范县顺达物流有限公司、贵州示范电子科技有限公司"), "\(shared.stdout)")
        let missing = try cli.run("postings", "--campaign", "nope")
        #expect(missing.status == 64 || missing.status == 65)
        #expect(missing.stderr.contains("nope"))
    }

    @Test func walkInRegistrationPrintsTheBadgeCode() throws {
        let dir = try TemporaryDirectory()
        let cli = try startedCampaign(dir)
        let first = try cli.run("register", "--campaign", "fair", "--name", "赵强", "--id-number", "522426199001010033",
                                "--phone", "15800158000", "--groups", "返乡农民工")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("赵* 522426********0033 [返乡农民工] 已报名 fair"), "\(first.stdout)")
        // This fair has no check-in step: registered, and said not to count as attended.
        #expect(first.stdout.contains("只报名、未签到：fair 的gate签到还没有开放（签到步骤尚未开始）"), "\(first.stdout)")
        let codeLine = try #require(first.stdout.split(separator: "\n").first { $0.contains("参会证码：") })
        let code = try #require(codeLine.split(separator: "：").last.map(String.init))
        #expect(code.count == 8)
        let again = try cli.run("register", "--campaign", "fair", "--name", "赵强", "--id-number", "522426199001010033",
                                "--lang", "en")
        #expect(again.stdout.contains("was already registered for fair"), "\(again.stdout)")
        #expect(again.stdout.contains("badge code: \(code)"))
        #expect(again.stdout.contains(code))
        // --check-in insists: with no open gate nothing is registered.
        let insisted = try cli.run("register", "--campaign", "fair", "--name", "钱多", "--id-number", "522426199707070011",
                                   "--check-in", "--lang", "en")
        #expect(insisted.status == 65)
        #expect(insisted.stderr.contains("not checked in: check-in at gate has not been opened for fair"))
        let people = try DatabaseQueue(path: cli.database).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE id_number = '522426199707070011'") ?? -1
        }
        #expect(people == 0)
        let bad = try cli.run("register", "--campaign", "fair", "--name", "赵强", "--id-number", "522426199001010034")
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("错误：--id-number: 身份证号 522426********0034 校验位是 4，应为 3：可能有一位数字输错了"),
                "\(bad.stderr)")
        #expect(bad.stderr.contains("提示：请对照身份证核对"))
        let badInEnglish = try cli.run("register", "--campaign", "fair", "--name", "赵强", "--id-number", "522426199001010034",
                                       "--lang", "en")
        #expect(badInEnglish.stderr.contains("error: --id-number: the ID number 522426********0034 has the check character 4 "
                                             + "where 3 is expected"), "\(badInEnglish.stderr)")
        #expect(badInEnglish.stderr.contains("help: check it against the ID card"))
    }

    /// Polls how many bytes the process has read (Linux's /proc/PID/io `rchar`) until it reaches
    /// `bytes`, or the process ends.
    static func waitUntil(_ process: Process, hasRead bytes: Int) {
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline {
            let io = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/io", encoding: .utf8)) ?? ""
            let read = io.split(separator: "\n").first { $0.hasPrefix("rchar:") }
                .flatMap { Int($0.dropFirst("rchar:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            if read >= bytes { return }
            Thread.sleep(forTimeInterval: 0.001)
        }
    }

    @Test(.timeLimit(.minutes(3))) func killedImportLeavesTheLedgerAsItWas() throws {
        let dir = try TemporaryDirectory()
        let cli = try startedCampaign(dir)
        var generator = LedgerGenerator(seed: 11)
        let file = dir.url.appendingPathComponent("big.csv")
        try generator.writePeopleCSV(to: file, count: 150_000)
        let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
        var interrupted = 0
        // Killed when it has read a fifth, half, four fifths of the file — whatever the machine's speed.
        for fraction in [0.2, 0.5, 0.8] {
            let process = cli.process(["import", "people", file.path, "--campaign", "fair"])
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Self.waitUntil(process, hasRead: Int(Double(size) * fraction))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let people = try DatabaseQueue(path: cli.database).read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0
            }
            // All or nothing: never part of the file.
            #expect(people == 0 || people == 150_000, "after a kill at \(fraction) of the file the ledger holds \(people)")
            if people == 0 { interrupted += 1 } else { break }
        }
        #expect(interrupted > 0, "no kill landed during the import")
        let finished = try cli.run("import", "people", file.path, "--campaign", "fair")
        #expect(finished.status == 0)
        let counts = try DatabaseQueue(path: cli.database).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM registration") ?? 0)
        }
        #expect(counts == (150_000, 150_000))
        // The first load went through a rollback journal (nobody else had the workspace open);
        // killed or finished, the workspace is back in WAL mode with no journal left behind.
        #expect(try DatabaseQueue(path: cli.database).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(!FileManager.default.fileExists(atPath: cli.database + "-journal"))
    }
}

/// The staff journey at the gate, through the real binary.
@Suite struct CheckinCLITests {
    @Test func staffCheckInAtTheGatesAndExportTheLedger() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let env = ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]
        #expect(try cli.run("start", "workflows/spring-fair.yaml", env: env).status == 0)
        #expect(try cli.run("staff", "add", "Li").status == 0)
        let id = "341222197009160001"  // row 3 of workflows/data/people.csv
        let first = try cli.run("checkin", id, "--campaign", "spring-fair-2026", "--gate", "north", "--staff", "Li", env: env)
        #expect(first.status == 0, "\(first.stderr)")
        // Chinese by default; English with --lang en or CAMPAIGN_LANG=en.
        #expect(first.stdout.contains("✓ 万** 341222********0001 [高校毕业生] — 签到成功"), "\(first.stdout)")
        let repeatScan = try cli.run("checkin", id, "--campaign", "spring-fair-2026", "--gate", "south", env: env)
        #expect(repeatScan.status == 0)
        #expect(repeatScan.stdout.contains("已于 09:00 在北门由Li签到过"), "\(repeatScan.stdout)")
        // The gate by the name people read for it (gate_names: in the definition).
        let repeatInEnglish = try cli.run("checkin", id, "--campaign", "spring-fair-2026", "--gate", "南门",
                                          "--lang", "en", env: env)
        #expect(repeatInEnglish.status == 0, "\(repeatInEnglish.stderr)")
        #expect(repeatInEnglish.stdout.contains("already checked in at 09:00 at the 北门 gate by Li"))
        // An enterprise's booth checked in twice: the gate by its name too, never its id.
        #expect(try cli.run("attend-enterprise", "贵州示范电子", "--campaign", "spring-fair-2026", "--gate", "north",
                            env: env).status == 0)
        let booth = try cli.run("attend-enterprise", "913505828PBRNYTPLA", "--campaign", "spring-fair-2026", env: env)
        #expect(booth.stdout.contains("该企业已于 09:00 在北门签到过"), "\(booth.stdout)")
        let unknown = try cli.run("checkin", "11010519491231002X", "--campaign", "spring-fair-2026", "--gate", "North",
                                  env: env.merging(["CAMPAIGN_LANG": "en"]) { _, new in new })
        #expect(unknown.status == 1)
        #expect(unknown.stdout.contains("no one with ID number 110105********002X"))
        let unknownInChinese = try cli.run("checkin", "11010519491231002X", "--campaign", "spring-fair-2026",
                                           "--gate", "North", env: env)
        #expect(unknownInChinese.stdout.contains("台账中没有身份证号为 110105********002X 的人员"))
        let wrongLanguage = try cli.run("checkin", id, "--campaign", "spring-fair-2026", "--lang", "fr", env: env)
        #expect(wrongLanguage.status == 64)
        #expect(wrongLanguage.stderr.contains("--lang：“fr”不是支持的语言；请用 zh 或 en"), "\(wrongLanguage.stderr)")
        let early = try cli.run("checkin", id, "--campaign", "spring-fair-2026", "--gate", "north",
                                env: ["CAMPAIGN_NOW": "2026-03-01T08:00:00+08:00"])
        #expect(early.stdout.contains("gate签到于 2026-03-01 08:30 开始"), "\(early.stdout)")

        let csv = dir.url.appendingPathComponent("scans.csv").path
        let export = try cli.run("checkins", "--campaign", "spring-fair-2026", "--csv", csv)
        #expect(export.stdout.contains("gate 共 1 人签到（扫码 6 次）：北门 1"), "\(export.stdout)")
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.split(separator: "\r\n").count == 7)
        // The reasons, stored as catalogue keys, read in the chosen language in the export too.
        #expect(text.contains("已于 09:00 在北门由Li签到过") && text.contains("台账中没有身份证号为"), "\(text)")
        #expect(!text.contains(id))  // masked in exports
        #expect(text.contains("341222********0001"))
        let audit = try cli.run("audit").stdout
        #expect(audit.split(separator: "\n").contains { $0.contains("导出") && $0.contains("扫码记录（已脱敏）：6 行，写入 \(csv)") },
                "\(audit)")

        let closed = try cli.run("signal", "spring-fair-2026", "gate", env: env)
        #expect(closed.stdout.contains("attended=1"))
        // Five minutes after the close (a scan is judged at the moment it happened: one made before the
        // close still counts, however late it arrives).
        let after = try cli.run("checkin", id, "--campaign", "spring-fair-2026", "--gate", "north",
                                env: ["CAMPAIGN_NOW": "2026-03-01T09:05:00+08:00"])
        #expect(after.stdout.contains("gate签到已结束"), "\(after.stdout)")
    }
}
