import CampaignTesting
import Foundation
import GRDB
import Ledger
import Testing
import Workflow
import WorkflowTesting

@Suite struct ImportTests {
    static let header = "姓名,身份证号,手机号,乡镇,村,人员类别,技能,求职意向\n"
    static let zhang = "张伟,11010519491231002X,13800138000,城关镇,南关村,脱贫人口,电焊,普工\n"
    static let li = "李娜,522426199001010017,13900139000,河西镇,柳树村,,,保洁\n"

    @Test func utf8WithBOMImportsAndRegistersWithBadgeCodes() async throws {
        let h = try await LedgerHarness()
        let url = try h.file("people.csv", bytes: (Self.header + Self.zhang + Self.li).withBOM)
        let summary = try await h.importFile(.people, url)
        #expect(summary.format == "CSV, utf-8")
        #expect((summary.rows, summary.inserted, summary.rejected, summary.linked) == (2, 2, 0, 2))
        let zhang = try await h.person("11010519491231002X")
        #expect(zhang["name"] == "张伟")
        #expect(zhang["groups"] == String(TargetGroup.povertyAlleviated.bit))
        #expect(summary.rejectFile == nil)
        #expect(try await h.count("registration") == 2)
    }

    @Test func gb18030FileIsDetected() async throws {
        let h = try await LedgerHarness()
        let bytes = try LedgerGenerator.encode(Self.header + Self.zhang + Self.li, .gb18030)
        #expect(String(data: bytes, encoding: .utf8) == nil)  // really not UTF-8
        let summary = try await h.importFile(.people, try h.file("gbk.csv", bytes: bytes))
        #expect(summary.format == "CSV, gb18030")
        #expect(summary.inserted == 2)
        #expect(try await h.person("522426199001010017")["village"] == "柳树村")
    }

    @Test func xlsxWrittenByLibreOfficeImports() async throws {
        let h = try await LedgerHarness()
        let fixture = try #require(Bundle.module.url(forResource: "ledger-libreoffice", withExtension: "xlsx",
                                                     subdirectory: "Fixtures"))
        let url = h.directory.url.appendingPathComponent("ledger.xlsx")
        try FileManager.default.copyItem(at: fixture, to: url)
        let summary = try await h.importFile(.people, url)
        #expect(summary.format == "XLSX, sheet '台账'")
        // Row 5's phone is a digit short: that person is imported without it.
        #expect((summary.rows, summary.inserted, summary.rejected, summary.cellsRefused) == (4, 4, 0, 1))
        #expect(summary.cellProblems.first?.row == 5)
        #expect(summary.cellProblems.first?.column == "联系电话")
        let zhang = try await h.person("11010519491231002X")
        #expect(zhang["phone"] == "13800138000")
        #expect(zhang["township"] == "城关镇")
        #expect(zhang["village"] == "南关村")
        #expect(zhang["groups"] == String(TargetGroup.povertyAlleviated.bit | TargetGroup.monitored.bit))
        let noSheet = await #expect(throws: WorkflowError.self) { try await h.importFile(.people, url, sheet: "Sheet9") }
        #expect(noSheet?.code == .usage)
        #expect(noSheet?.message == "the workbook has no sheet named 'Sheet9'")
        #expect(noSheet?.hint == "its sheets: '台账'")
        #expect(try await h.importFile(.people, url, sheet: "台账").unchanged == 4)
    }

    @Test func englishHeadersAndColumnMappingAreRecognized() async throws {
        let h = try await LedgerHarness()
        let english = try h.file("en.csv", "Name,ID Number,Mobile,Town,Village\nZhang Wei,11010519491231002X,13800138000,Chengguan,Nanguan\n")
        #expect(try await h.importFile(.people, english).inserted == 1)

        let odd = try h.file("odd.csv", "名字,证件,电话\n李娜,522426199001010017,13900139000\n")
        do {
            _ = try await h.importFile(.people, odd)
            Issue.record("a file without an ID column must be refused")
        } catch let error as WorkflowError {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("身份证号 (id_number)"))
            #expect(error.hint?.contains("columns:") == true)
        }
        #expect(try await h.importFile(.people, odd, columns: ["id_number": "证件"]).inserted == 1)
    }

    /// Cells padded with spaces, tabs, ideographic (U+3000) or no-break (U+00A0) spaces are
    /// stored trimmed; characters inside a cell stay.
    @Test func paddedCellsAreTrimmed() async throws {
        let h = try await LedgerHarness()
        let url = try h.file("padded.csv", Self.header
            + " 张伟 ,\t11010519491231002X, 13800138000,城关镇\u{A0},\u{3000}南关村\u{3000},脱贫人口,电 焊,\u{3000}\n")
        #expect(try await h.importFile(.people, url).inserted == 1)
        let zhang = try await h.person("11010519491231002X")
        #expect([zhang["name"], zhang["township"], zhang["village"], zhang["skills"], zhang["desired_job"]]
                == ["张伟", "城关镇", "南关村", "电 焊", ""])
    }

    @Test func badRowsAreRejectedWithRowColumnAndReasonAndTheRestImported() async throws {
        let h = try await LedgerHarness()
        let text = Self.header + Self.zhang
            + "王芳,110105194912310021,13800138001,城关镇,南关村,,,\n"      // row 3: wrong check character
            + "赵强,522426199001010025,1380013800,白沙镇,渡口村,,,\n"       // row 4: phone a digit short (only the phone is refused)
            + "孙丽,522426199001010033,,青山乡,石门村,脱贫人口、其他类别,,\n" // row 5: one unknown group
            + "张伟,11010519491231002x,,城关镇,南关村,,,\n"               // row 6: same person as row 2
            + "周杰,1.10105194912310E+17,,城关镇,南关村,,,\n"             // row 7: Excel turned it into a number
            + Self.li                                                  // row 8: fine
        let url = try h.file("ledger.csv", text)
        let summary = try await h.importFile(.people, url)
        #expect((summary.rows, summary.inserted, summary.rejected, summary.cellsRefused) == (7, 4, 3, 2))
        #expect(summary.problems.map(\.row) == [3, 6, 7])
        #expect(summary.problems.map(\.column) == ["身份证号", "身份证号", "身份证号"])
        // A phone a digit short costs only the phone: 赵强 is registered without one, and the row is
        // in the reject file to fix the number.
        let phone = try #require(summary.cellProblems.first)
        #expect((phone.row, phone.column) == (4, "手机号"))
        #expect(phone.reason.text(.en).hasPrefix("the phone number 138****800 must be an 11-digit mobile number"))
        #expect(phone.reason.text(.en).hasSuffix("the person was imported without it; correct the number and import this row again"))
        let zhao = try await h.person("522426199001010025")
        #expect(zhao["township"] == "白沙镇")
        #expect((zhao["phone"] ?? "").isEmpty)
        // An unknown target group costs only that label: 孙丽 is registered, as 脱贫人口.
        let group = try #require(summary.cellProblems.last)
        #expect((group.row, group.column) == (5, "人员类别"))
        #expect(group.reason.text(.en).hasPrefix("unknown target group '其他类别': the person was imported without it; use 脱贫人口, 监测对象, "))
        #expect(try await h.person("522426199001010033")["groups"] == String(TargetGroup.povertyAlleviated.bit))
        #expect(summary.problems[0].reason.text(.en).contains("check character"))
        #expect(summary.problems[0].reason.text(.en).contains("110105********0021"))  // masked in messages
        #expect(summary.problems[1].reason.text(.en).contains("row 2"))
        #expect(summary.problems[2].reason.text(.en).contains("Excel stored this ID number as a number and dropped its last digits"))
        let rejectFile = try #require(summary.rejectFile)
        #expect(rejectFile.hasSuffix("ledger.rejects.csv"))
        let rejects = try String(contentsOfFile: rejectFile, encoding: .utf8)
        let lines = rejects.split(separator: "\r\n")
        #expect(lines.count == 6)
        #expect(lines[0].hasSuffix("行号 row,列 column,原因 reason"))
        #expect(lines[1].hasPrefix("王芳,110105194912310021,13800138001,城关镇,南关村,,,,3,身份证号,"))

        // The clerk fixes the rejects file and imports it: the fixed rows come in, nothing twice.
        let fixed = rejects.replacingOccurrences(of: "110105194912310021", with: "110105194912310038")
        try fixed.write(toFile: rejectFile, atomically: true, encoding: .utf8)
        let again = try await h.importFile(.people, URL(fileURLWithPath: rejectFile))
        #expect(again.inserted == 1)
        #expect(again.unchanged == 3)
        #expect(try await h.count("person") == 5)
    }

    @Test func strictImportsNothingWhenARowIsBad() async throws {
        let h = try await LedgerHarness()
        let url = try h.file("strict.csv", Self.header + Self.zhang + "王芳,110105194912310021,,,,,,\n" + Self.li)
        do {
            _ = try await h.importFile(.people, url, strict: true)
            Issue.record("strict import of a bad file must fail")
        } catch let error as WorkflowError {
            #expect(error.code == .invalidInput)
            // In Chinese unless the import is asked for English.
            #expect(error.message(in: .zh).contains("3 行中有 1 行有误，因此什么都没有导入（--strict）：第 3 行，身份证号：身份证号 110105********0021 校验位是 1"))
            #expect(error.message.contains("1 of 3 rows are invalid, so nothing was imported (--strict): row 3, 身份证号: the ID number"))
        }
        #expect(try await h.count("person") == 0)
        #expect(try await h.count("registration") == 0)
    }

    @Test func reimportChangesNothingAndChangedRowsUpdateWithHistory() async throws {
        let h = try await LedgerHarness()
        let url = try h.file("people.csv", Self.header + Self.zhang + Self.li)
        _ = try await h.importFile(.people, url)
        let code = try await h.pool.read { db in try Int64.fetchAll(db, sql: "SELECT registered_at FROM registration") }

        let again = try await h.importFile(.people, url, now: Date().addingTimeInterval(3600))
        #expect((again.inserted, again.updated, again.unchanged, again.linked) == (0, 0, 2, 0))
        #expect(try await h.count("person_change") == 0)
        #expect(try await h.pool.read { db in try Int64.fetchAll(db, sql: "SELECT registered_at FROM registration") } == code)

        let changed = Self.zhang.replacingOccurrences(of: "13800138000", with: "13700137000")
            .replacingOccurrences(of: "南关村", with: "北关村").replacingOccurrences(of: "脱贫人口", with: "脱贫人口、残疾人")
        let updated = try await h.importFile(.people, try h.file("people-v2.csv", Self.header + changed + Self.li))
        #expect((updated.updated, updated.unchanged) == (1, 1))
        let changes = try await h.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT field, old_value, new_value, source FROM person_change ORDER BY field")
                .map { "\($0["field"] as String): \($0["old_value"] as String? ?? "") → \($0["new_value"] as String? ?? "")" }
        }
        #expect(changes == ["groups: 脱贫人口 → 脱贫人口、残疾人", "phone: 13800138000 → 13700137000", "village: 南关村 → 北关村"])
        #expect(try await h.person("11010519491231002X")["phone"] == "13700137000")
        let sources = try await h.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT s.name FROM person p JOIN ledger_source s ON s.id = p.source_id ORDER BY p.id_number
                """)
        }
        #expect(sources == ["people-v2.csv", "people.csv"])  // the changed row names the file that changed it
    }

    @Test func enterprisesAndPostingsImportAndLinkToTheCampaign() async throws {
        let h = try await LedgerHarness()
        let enterprises = try h.file("e.csv", """
            企业名称,统一社会信用代码,行业
            示范电子,91350100M000100Y43,电子
            坏代码公司,91350100M000100Y44,建筑
            """)
        let e = try await h.importFile(.enterprises, enterprises)
        #expect((e.inserted, e.rejected, e.linked) == (1, 1, 1))
        #expect(e.problems.first?.reason.text(.en).contains("check character") == true)
        let postings = try h.file("p.csv", """
            统一社会信用代码,企业名称,岗位名称,招聘人数,薪资
            91350100M000100Y43,示范电子,装配工,40,4000-6000元/月
            ,示范电子,质检员,5人,5k以上
            ,不存在的公司,司机,2,面议
            91350100M000100Y43,,仓管,零,4000
            """)
        let p = try await h.importFile(.postings, postings)
        #expect((p.inserted, p.rejected, p.linked) == (2, 2, 2))
        #expect(p.problems.map(\.row) == [4, 5])
        #expect(p.problems[0].reason.text(.en).contains("import the enterprises first"))
        let salaries = try await h.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT title, openings, salary_min, salary_max FROM posting ORDER BY id")
                .map { "\($0["title"] as String) \($0["openings"] as Int) \($0["salary_min"] as Int? ?? 0)-\($0["salary_max"] as Int? ?? 0)" }
        }
        #expect(salaries == ["装配工 40 4000-6000", "质检员 5 5000-0"])
        #expect(try await h.importFile(.postings, postings).unchanged == 2)
    }

    @Test func importingForAnUnknownCampaignIsRefused() async throws {
        let h = try await LedgerHarness()
        let url = try h.file("people.csv", Self.header + Self.zhang)
        let unknown = await #expect(throws: WorkflowError.self) { try await h.importFile(.people, url, campaign: "fiar") }
        #expect(unknown?.code == .usage)
        #expect(unknown?.message == "no campaign named 'fiar' in this workspace")
        #expect(unknown?.hint == "did you mean 'fair'?")
        #expect(try await h.count("person") == 0)
    }

    /// A later list that lacks columns or leaves cells empty says nothing about them: the stored
    /// values stay. A cell that gives what the ledger lacked (李娜 had no skills) fills it in.
    @Test func emptyCellsKeepWhatTheLedgerKnowsAndNewCellsFillIt() async throws {
        let h = try await LedgerHarness()
        _ = try await h.importFile(.people, try h.file("people.csv", Self.header + Self.zhang + Self.li))
        let fewer = try h.file("names-only.csv", "姓名,身份证号,人员类别,技能\n张伟,11010519491231002X,,\n李娜,522426199001010017,,电工\n")
        let summary = try await h.importFile(.people, fewer, now: Date().addingTimeInterval(60))
        #expect((summary.unchanged, summary.updated) == (1, 1))
        let zhang = try await h.person("11010519491231002X")
        #expect([zhang["phone"], zhang["village"], zhang["skills"]] == ["13800138000", "南关村", "电焊"])
        #expect(zhang["groups"] == String(TargetGroup.povertyAlleviated.bit))
        #expect(try await h.person("522426199001010017")["skills"] == "电工")
        #expect(try await h.count("person_change") == 1)
    }

    @Test func walkInsGetABadgeCodeOnceAndKeepTheirLedgerDetails() async throws {
        let h = try await LedgerHarness()
        _ = try await h.importFile(.people, try h.file("people.csv", Self.header + Self.zhang))
        let first = try await h.pool.write { db in
            try Registrations.registerWalkIn(db, WalkIn(campaign: "fair", name: "赵强", idNumber: "522426199001010033",
                                                         phone: "158 0015 8000", village: "渡口村", groups: "返乡农民工"),
                                                  now: Date())
        }
        #expect(first.newlyRegistered)
        #expect(first.code.count == 8)
        #expect(first.maskedID == "522426********0033")
        #expect(first.groups == ["返乡农民工"])
        let again = try await h.pool.write { db in
            try Registrations.registerWalkIn(db, WalkIn(campaign: "fair", name: "赵强", idNumber: "522426199001010033"),
                                                  now: Date())
        }
        #expect(!again.newlyRegistered)
        #expect(again.code == first.code)
        #expect(try await h.person("522426199001010033")["village"] == "渡口村")  // kept, not wiped
        // The refusal names the field, not a command-line option: each front end words it its own way.
        let refusal = await #expect(throws: InputRefusal.self) {
            try await h.pool.write { db in
                try Registrations.registerWalkIn(db, WalkIn(campaign: "fair", name: "X", idNumber: "522426199001010034"),
                                                      now: Date())
            }
        }
        #expect(refusal?.field == "id_number")
        #expect(refusal?.reason.text(.en) == "the ID number 522426********0034 has the check character 4 where 3 is expected: "
                + "a digit was probably mistyped")
        #expect(refusal?.hint?.text(.en) == "check it against the ID card")
    }
}
