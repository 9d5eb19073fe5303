import CampaignTesting
import Foundation
import GRDB
import Ledger
import Testing
import Workflow
import WorkflowTesting

/// Files as broken exports and careless edits leave them: nothing is lost or garbled silently. A
/// quote inside a cell is a character; a quote that never closes costs its own row, never the rest
/// of the file; text the file's encoding cannot read is refused with the hint that reads it — the
/// ledger never holds a U+FFFD.
@Suite struct UnreadableTextTests {
    static let people = """
        身份证号,姓名,技能
        522426196601010009,张三,21"显示器维修
        341222197009160001,李四,电工
        511923197506040007,王五,瓦工

        """

    func garbledNames(_ h: LedgerHarness) async throws -> Int {
        try await h.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE instr(name, char(65533)) > 0") ?? -1
        }
    }

    @Test func aQuoteInsideACellIsACharacter() async throws {
        let h = try await LedgerHarness()
        let summary = try await h.importFile(.people, try h.file("r.csv", Self.people), strict: true)
        #expect(summary.inserted == 3)
        #expect(summary.rejected == 0)
        #expect(try await h.person("522426196601010009")["skills"] == "21\"显示器维修")
        #expect(try await h.person("511923197506040007")["name"] == "王五")
    }

    @Test func aQuoteThatNeverClosesCostsOnlyItsRow() async throws {
        let h = try await LedgerHarness()
        let text = Self.people.replacingOccurrences(of: "21\"显示器维修", with: "\"21显示器维修")
        let url = try h.file("u.csv", text)
        let strict = await #expect(throws: WorkflowError.self) { try await h.importFile(.people, url, strict: true) }
        #expect(strict?.code == .invalidInput)
        #expect(strict?.message(in: .zh).hasPrefix("u.csv：3 行中有 1 行有误，因此什么都没有导入（--strict）：第 2 行，技能：这个单元格开了一个引号")
                == true)
        #expect(try await h.count("person") == 0)

        let summary = try await h.importFile(.people, url)
        #expect(summary.inserted == 2)
        #expect(summary.problems.map(\.row) == [2])
        #expect(summary.problems.first?.column == "技能")
        #expect(summary.problems.first?.reason.text(.en).hasPrefix("this cell opens a quote (\") that never closes") == true)
        #expect(try await h.person("341222197009160001")["name"] == "李四")
        #expect(try await h.person("511923197506040007")["name"] == "王五")
        // The reject file holds the row as written, quote and all, to be fixed and imported again.
        let rejects = try String(contentsOfFile: try #require(summary.rejectFile), encoding: .utf8)
        #expect(rejects.contains("522426196601010009,张三,\"\"\"21显示器维修\",2,技能,"))
    }

    @Test func gbkTextAfterAFirstMebibyteOfASCIIIsReadAsGBK() async throws {
        let h = try await LedgerHarness()
        var generator = LedgerGenerator(seed: 5)
        var ascii = "id_number,name,skills\n"
        while ascii.utf8.count <= 1 << 20 { ascii += "\(generator.idNumber()),zhang,x\n" }
        let chinese = (0..<500).map { "\(generator.idNumber()),张\(["伟", "芳", "娜"][$0 % 3])\($0),电工\n" }.joined()
        let url = try h.file("late.csv", bytes: Data(ascii.utf8) + (try LedgerGenerator.encode(chinese, .gb18030)))
        let summary = try await h.importFile(.people, url)
        #expect(summary.format == "CSV, gb18030")
        #expect(summary.rejected == 0)
        #expect(try await garbledNames(h) == 0)
        let names = try await h.pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM person WHERE name LIKE '张%'") }
        #expect(names.count == 500)
        #expect(names.contains("张芳1"))
    }

    @Test func rowsSavedInAnotherEncodingAreRefusedWithTheHintThatReadsThem() async throws {
        let h = try await LedgerHarness()
        var generator = LedgerGenerator(seed: 6)
        var bytes = Data("身份证号,姓名,技能\n".utf8)
        for k in 0..<100 {
            let row = "\(generator.idNumber()),李\(k),瓦工\n"
            bytes += k % 10 == 3 ? try LedgerGenerator.encode(row, .gb18030) : Data(row.utf8)
        }
        let summary = try await h.importFile(.people, try h.file("mixed.csv", bytes: bytes))
        #expect(summary.format == "CSV, utf-8")
        #expect(summary.inserted == 90)
        #expect(summary.rejected == 10)
        #expect(summary.problems.first?.row == 5)
        #expect(summary.problems.first?.column == "姓名")
        #expect(summary.problems.first?.reason.text(.en).contains("import it with --encoding gb18030") == true)
        #expect(try await garbledNames(h) == 0)
        // The reject file shows those rows read as GB18030: fixed, they import as they are.
        let rejects = try String(contentsOfFile: try #require(summary.rejectFile), encoding: .utf8)
        #expect(rejects.contains(",李3,瓦工,5,姓名,"))
        #expect(!rejects.contains("\u{FFFD}"))
        let again = try await h.importFile(.people, URL(fileURLWithPath: try #require(summary.rejectFile)))
        #expect(again.inserted == 10)
        #expect(try await garbledNames(h) == 0)
    }

    @Test func bytesAGB18030FileCannotHoldRefuseTheirRow() async throws {
        let h = try await LedgerHarness()
        var generator = LedgerGenerator(seed: 7)
        let good = try LedgerGenerator.encode("身份证号,姓名\n\(generator.idNumber()),王芳\n", .gb18030)
        // 0x81 0x20 starts a two-byte character whose second byte is not allowed: not GB18030.
        let bad = Data("\(generator.idNumber()),".utf8) + Data([0xC0, 0xB3, 0x81, 0x20]) + Data("\n".utf8)
        let summary = try await h.importFile(.people, try h.file("gbk.csv", bytes: good + bad),
                                             encoding: .gb18030)
        #expect(summary.inserted == 1)
        #expect(summary.problems.map(\.row) == [3])
        #expect(summary.problems.first?.reason.text(.en).contains("not gb18030 text") == true)
        #expect(try await garbledNames(h) == 0)
    }
}

/// Personal data in messages and files stays masked, exports cannot carry formulas, and control
/// characters never reach the ledger.
@Suite struct LedgerHygieneTests {
    @Test func aPhoneADigitShortIsQuotedMasked() async throws {
        let h = try await LedgerHarness()
        let summary = try await h.importFile(.people, try h.file("p.csv", "姓名,身份证号,手机号\n张伟,11010519491231002X,1380013800\n"))
        #expect(summary.cellProblems.first?.reason.text(.en).hasPrefix("the phone number 138****800 must be an 11-digit mobile number") == true)
        let walkIn = await #expect(throws: InputRefusal.self) {
            try await h.pool.write { db in
                try Registrations.registerWalkIn(db, WalkIn(campaign: "fair", name: "赵强", idNumber: "522426199001010033",
                                                        phone: "1580015800"), now: Date())
            }
        }
        #expect(walkIn?.field == "phone")
        #expect(walkIn?.reason.text(.en).hasPrefix("the phone number 158****800 ") == true)
    }

    @Test func controlCharactersRefuseTheirRowAndTheirWalkIn() async throws {
        let h = try await LedgerHarness()
        let summary = try await h.importFile(.people, try h.file("nul.csv", "姓名,身份证号\n张\u{0}伟,11010519491231002X\n"
                                                                 + "李娜,522426199001010017\n"))
        #expect(summary.inserted == 1)
        #expect(summary.problems.first?.column == "姓名")
        #expect(summary.problems.first?.reason.text(.en).hasPrefix("this cell holds control characters (such as NUL)") == true)
        let walkIn = await #expect(throws: InputRefusal.self) {
            try await h.pool.write { db in
                try Registrations.registerWalkIn(db, WalkIn(campaign: "fair", name: "赵\u{1B}强", idNumber: "522426199001010033"),
                                                 now: Date())
            }
        }
        #expect(walkIn?.field == "name")
        #expect(walkIn?.reason.text(.en) == "the name holds control characters (such as NUL) that no text has")
    }

    @Test func formulasInARejectFileAreNeutralizedAndItStillImports() async throws {
        let h = try await LedgerHarness()
        // A bad ID number, a phone starting with +: the reject file writes '+86…, and importing it (fixed) reads +86….
        let url = try h.file("r.csv", "姓名,身份证号,手机号\n张伟,11010519491231002Y,+86 138 0013 8000\n")
        let summary = try await h.importFile(.people, url)
        let rejectPath = try #require(summary.rejectFile)
        let rejects = try String(contentsOfFile: rejectPath, encoding: .utf8)
        #expect(rejects.contains(",'+86 138 0013 8000,"))
        try rejects.replacingOccurrences(of: "002Y", with: "002X").write(toFile: rejectPath, atomically: true, encoding: .utf8)
        #expect(try await h.importFile(.people, URL(fileURLWithPath: rejectPath)).inserted == 1)
        #expect(try await h.person("11010519491231002X")["phone"] == "13800138000")
    }

    // Found by the fuzz targets (Tests/FuzzTests): a quote that closes rows later made a name of
    // two lines, and a replacement character typed or left in a workbook reached the ledger.
    @Test func aNameOrPlaceSpanningLinesRefusesItsRow() async throws {
        let h = try await LedgerHarness()
        let text = "身份证号,姓名,技能\n522426196601010009,\"张三,电焊\n341222197009160001,李四\",电工\n"
            + "511923197506040007,王五,瓦工\n"
        let summary = try await h.importFile(.people, try h.file("multi.csv", text))
        #expect((summary.inserted, summary.rejected) == (1, 1))
        #expect(summary.problems.first?.column == "姓名")
        #expect(summary.problems.first?.reason.text(.en).hasPrefix("the name holds a line break or a tab") == true)
        #expect(try await h.person("511923197506040007")["name"] == "王五")
    }

    @Test func aReplacementCharacterInAnyCellRefusesItsRow() async throws {
        let h = try await LedgerHarness()
        let text = "身份证号,姓名,村\n522426196601010009,张\u{FFFD}三,南关村\n341222197009160001,李四,柳\u{FFFD}村\n"
            + "511923197506040007,王五,河西村\n"
        let summary = try await h.importFile(.people, try h.file("garbled.csv", text))
        #expect((summary.inserted, summary.rejected) == (1, 2))
        #expect(summary.problems.map(\.column) == ["姓名", "村"])
        #expect(summary.problems.first?.reason.text(.en).contains("--encoding gb18030") == true)
        #expect(try await h.count("person") == 1)
    }
}
