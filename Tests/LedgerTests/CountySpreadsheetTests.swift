import CampaignTesting
import Foundation
import GRDB
import Testing
import Workflow
@testable import Ledger

/// Ledgers laid out the way county offices keep them (fixtures written by
/// `Fixtures/make-county-fixtures.py`): a title and 填报单位 above the headers, a 序号 column,
/// 合计 and 制表人 lines below, one sheet per township, an ID number typed into a number cell.
@Suite struct CountySpreadsheetTests {
    func fixture(_ name: String, in h: LedgerHarness, as copy: String? = nil) throws -> URL {
        let parts = name.split(separator: ".")
        let source = try #require(Bundle.module.url(forResource: String(parts[0]), withExtension: String(parts[1]),
                                                    subdirectory: "Fixtures"))
        let url = h.directory.url.appendingPathComponent(copy ?? name)
        try FileManager.default.copyItem(at: source, to: url)
        return url
    }

    /// The import log's entries: format, and the sheets' JSON.
    func logged(_ h: LedgerHarness) throws -> [Row] {
        try h.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM ledger_import ORDER BY id") }
    }

    @Test func titledGB18030CSVFindsItsHeaderAndSkipsTotalsAndNotes() async throws {
        let h = try await LedgerHarness()
        let summary = try await h.importFile(.people, try fixture("county-titled-gb18030.csv", in: h))
        #expect(summary.format == "CSV, gb18030")
        #expect(summary.headerRow == 3)
        #expect(summary.sheets.first?.description == ["XX县2026年脱贫劳动力就业台账", "填报单位：城关镇"])
        #expect((summary.rows, summary.inserted, summary.rejected, summary.skipped) == (4, 3, 1, 2))
        let excel = try #require(summary.problems.first)
        #expect((excel.row, excel.column) == (7, "身份证号"))
        #expect(excel.reason.text(.en) == "Excel stored this ID number as a number and dropped its last digits (1.10105E+17); "
                + "set the column's format to Text and type it again")
        #expect(summary.skippedRows.map(\.row) == [8, 9])
        #expect(summary.skippedRows[0].reason.text(.en) == "a 合计 row, not a record")
        #expect(summary.skippedRows[1].reason.text(.en) == "a 备注 row, not a record")
        #expect(try await h.person("522426196601010017")["village"] == "东村")
        let log = try logged(h)
        #expect(log.count == 1)
        #expect(log.first?["kind"] == "import-people")
        #expect((log.first?["rows"] as Int?, log.first?["skipped"] as Int?) == (4, 2))
        let sheets: String = try #require(log.first?["sheets"])
        #expect(sheets.contains("\"headerRow\":3"))
        #expect(sheets.contains("填报单位：城关镇"))
    }

    /// The file from the issue, as a clerk saves it from Excel.
    @Test func theTitledLedgerThatWasRefusedWholeNowImports() async throws {
        let h = try await LedgerHarness()
        let url = try h.file("titled.csv", """
            XX县2026年脱贫劳动力就业台账,,,,,
            填报单位：城关镇,,,,,
            序号,姓名,身份证号,手机号,村,人员类别
            1,张三,11010519491231002X,13800138000,东村,脱贫人口
            2,李四,341222197009160001,13900139000,西村,监测对象
            合计,2人,,,,

            """)
        let summary = try await h.importFile(.people, url, strict: true)
        #expect((summary.rows, summary.inserted, summary.rejected, summary.skipped) == (2, 2, 0, 1))
        #expect(try await h.person("341222197009160001")["groups"] == String(TargetGroup.monitored.bit))
    }

    /// Excel's "text" export is tab-separated; its title line has no tab at all.
    @Test func tabSeparatedLedgerUnderATitleWithoutTabs() async throws {
        let h = try await LedgerHarness()
        let url = try h.file("tabs.txt", "XX县台账\n序号\t姓名\t身份证号\n1\t张三\t11010519491231002X\n合计\t1人\t\n")
        let summary = try await h.importFile(.people, url)
        #expect((summary.headerRow, summary.rows, summary.inserted, summary.skipped) == (2, 1, 1, 1))
        #expect(summary.sheets.first?.description == ["XX县台账"])
    }

    /// The progress bar's total is the file's size, and it reaches it (the first reader is handed
    /// over before anything is read, which once left the total at 0 and the import's tables unsized).
    @Test func progressRunsOverTheWholeFile() async throws {
        let h = try await LedgerHarness()
        let url = try fixture("county-titled-gb18030.csv", in: h)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var reports: [(Int, Int)] = []
        }
        let seen = Seen()
        let options = ImportOptions(campaign: "fair", source: url.lastPathComponent, now: Date())
        _ = try await h.pool.write { db in
            try ImportKind.people.importFile(db, url, options: options) { done, total in
                seen.lock.withLock { seen.reports.append((done, total)) }
            }
        }
        let last = try #require(seen.reports.last)
        #expect(last == (size, size))
        #expect(seen.reports.allSatisfy { $0.1 == size })
    }

    @Test func workbookWithOneSheetPerTownshipImportsEverySheetAndNamesTheTownship() async throws {
        let h = try await LedgerHarness()
        let url = try fixture("county-ledger.xlsx", in: h)
        let summary = try await h.importFile(.people, url)
        #expect(summary.format == "XLSX, 3 sheets: 城关镇, 河西镇, 柳树乡")
        #expect(summary.sheets.map(\.name) == ["城关镇", "河西镇", "柳树乡"])
        #expect(summary.sheets.map(\.headerRow) == [3, 3, 3])
        #expect(summary.sheets.map(\.rows) == [3, 3, 2])
        #expect(summary.sheets.map(\.rejected) == [0, 1, 1])
        #expect(summary.sheets.map(\.skipped) == [3, 3, 3])   // the empty numbered line, 合计, 制表人
        #expect(summary.sheets.allSatisfy { $0.fieldFromName == "township" })
        #expect((summary.rows, summary.inserted, summary.rejected, summary.skipped) == (8, 6, 2, 9))
        #expect(summary.notes.map { $0.text(.en) } == ["sheet '填表说明' has no header row with the columns this list needs; not read"])

        // An ID typed into a number cell is refused, never accepted by chance.
        let numeric = try #require(summary.problems.first { $0.sheet == "河西镇" })
        #expect((numeric.row, numeric.column) == (5, "身份证号"))
        #expect(numeric.reason.text(.en).hasPrefix("Excel stored this ID number as a number and dropped its last digits "
                                         + "(1.10105194912310E+17)"))
        // The same person on two township sheets is one person.
        let twice = try #require(summary.problems.first { $0.sheet == "柳树乡" })
        #expect(twice.row == 5)
        #expect(twice.reason.text(.en) == "the same record as row 4 of sheet 城关镇 (kept that row)")
        #expect(twice.summary(.zh) == "工作表 柳树乡，第 5 行，身份证号：与工作表 城关镇 第 4 行重复（保留那一行）")
        #expect(twice.summary(.en).hasPrefix("sheet 柳树乡, row 5, 身份证号: "))

        #expect(try await h.person("522426196601010017")["township"] == "城关镇")
        #expect(try await h.person("110105198012310049")["township"] == "河西镇")
        #expect(try await h.person("430124199001010065")["groups"]
                == String(TargetGroup.povertyAlleviated.bit | TargetGroup.disabled.bit))
        #expect(try await h.person("430124198505050074")["township"] == "柳树乡")
        #expect(try await h.count("person") == 6)

        // The reject file says which sheet, and carries the township so it imports as it stands.
        let rejects = try String(contentsOfFile: try #require(summary.rejectFile), encoding: .utf8)
        let lines = rejects.split(separator: "\r\n")
        #expect(lines[0] == "序号,姓名,身份证号,手机号,村,人员类别,乡镇,工作表 sheet,行号 row,列 column,原因 reason")
        #expect(lines[1].hasPrefix("2,钱七,1.10105194912310E+17,13600136005,柳树村,,河西镇,河西镇,5,身份证号,"))

        // Skipped lines are listed, masked.
        let signature = try #require(summary.skippedRows.first { $0.reason.text(.en).contains("制表人") })
        #expect(signature.text.contains("审核人：李强"))
        #expect(!signature.text.contains("86123456"))

        let again = try await h.importFile(.people, url)
        #expect((again.inserted, again.unchanged) == (0, 6))
    }

    @Test func sheetAllNamesTheSheetsItLeavesOut() async throws {
        let h = try await LedgerHarness()
        let summary = try await h.importFile(.people, try fixture("county-ledger.xlsx", in: h), sheet: "all")
        #expect(summary.sheets.count == 3)
        #expect(summary.notes.map { $0.text(.en) }.sorted() == ["sheet 'Sheet2' is empty",
                                           "sheet '填表说明' has no header row with the columns this list needs; not read"])
    }

    @Test func oneNamedSheetIsReadAlone() async throws {
        let h = try await LedgerHarness()
        let summary = try await h.importFile(.people, try fixture("county-ledger.xlsx", in: h), sheet: "河西镇")
        #expect(summary.format == "XLSX, sheet '河西镇'")
        #expect((summary.rows, summary.inserted, summary.rejected, summary.skipped) == (3, 2, 1, 3))
        #expect(summary.problems.first?.sheet == nil)
        #expect(try await h.person("110105198012310049")["township"] == "")
    }

    /// A clerk importing the workbook sheet by sheet keeps every sheet's rows to fix: each sheet asked
    /// for has its own reject file, named in the summary; importing that sheet again replaces only it.
    @Test func rejectsOfOneSheetAfterAnotherAreKept() async throws {
        let h = try await LedgerHarness()
        let url = try fixture("county-ledger.xlsx", in: h)
        let hexi = try await h.importFile(.people, url, sheet: "河西镇")
        let hexiFile = try #require(hexi.rejectFile)
        #expect(hexiFile.hasSuffix("county-ledger.河西镇.rejects.csv"))
        let liushu = try await h.importFile(.people, url, sheet: "城关镇")
        #expect(liushu.rejectFile == nil)
        // The first sheet's rejects are still there, whole.
        let rows = try String(contentsOfFile: hexiFile, encoding: .utf8).split(separator: "\r\n")
        #expect(rows.count == 2)
        #expect(rows[1].hasPrefix("2,钱七,1.10105194912310E+17,"))
        // That sheet again replaces its own file (one row to fix, not two); the whole workbook keeps its name.
        let again = try await h.importFile(.people, url, sheet: "河西镇")
        #expect(again.rejectFile == hexiFile)
        #expect(try String(contentsOfFile: hexiFile, encoding: .utf8).split(separator: "\r\n").count == 2)
        let all = try await h.importFile(.people, url)
        #expect(try #require(all.rejectFile).hasSuffix("county-ledger.rejects.csv"))
        #expect(FileManager.default.fileExists(atPath: hexiFile))
    }

    @Test func sheetsWithOtherHeadersAreNamedByDefaultAndRefusedTogether() async throws {
        let h = try await LedgerHarness()
        let url = try fixture("county-mixed.xlsx", in: h)
        let first = try await h.importFile(.people, url)
        #expect(first.format == "XLSX, sheet '城关镇'")
        #expect(first.inserted == 1)
        #expect(first.notes.map { $0.text(.en) } == ["not read: '河西镇' (other columns than '城关镇'); import each with --sheet NAME"])
        let all = await #expect(throws: WorkflowError.self) { try await h.importFile(.people, url, sheet: "all") }
        #expect(all?.code == .usage)
        #expect(all?.message == "sheet '河西镇' of 'county-mixed.xlsx' has other columns than sheet '城关镇', so the "
                + "sheets cannot be imported together")
        #expect(all?.hint?.contains("--sheet '河西镇'") == true)
        #expect(try await h.importFile(.people, url, sheet: "河西镇").inserted == 1)
    }

    @Test func aFileWithoutTheHeadersSaysWhichRowCameClosestAndNeverSuggestsAnEmptyHeader() async throws {
        let h = try await LedgerHarness()
        let url = try h.file("odd.csv", "XX县台账,,,\n序号,名,证件,\n1,张三,11010519491231002X,\n")
        let error = await #expect(throws: WorkflowError.self) { try await h.importFile(.people, url) }
        #expect(error?.code == .invalidInput)
        #expect(error?.message == "odd.csv: none of the first 3 rows has a column for 身份证号 (id_number), 姓名 (name); "
                + "the closest is row 1")
        #expect(error?.hint?.contains("''") == false)
        #expect(error?.hint?.contains("headers found in row 1: XX县台账") == true)

        // Twenty-five lines of preamble: the header is looked for in the first twenty rows only.
        let preamble = (1...25).map { "说明第\($0)行,," }.joined(separator: "\n")
        let late = try h.file("late.csv", preamble + "\n姓名,身份证号,村\n张三,11010519491231002X,东村\n")
        let tooLate = await #expect(throws: WorkflowError.self) { try await h.importFile(.people, late) }
        #expect(tooLate?.message.hasPrefix("late.csv: none of the first 20 rows has a column for 身份证号") == true)
    }

    /// 110105194912310000: what a rounded number cell saved as CSV looks like; the check digit
    /// fails (or passes) by chance, so the reason says what probably happened.
    @Test func anIDRoundedByExcelAndSavedAsTextIsExplained() async throws {
        let h = try await LedgerHarness()
        let url = try h.file("rounded.csv", "姓名,身份证号\n钱七,110105194912310000\n")
        let summary = try await h.importFile(.people, url)
        #expect(summary.rejected == 1)
        #expect(summary.problems.first?.reason.text(.en).contains("check character") == true)
        #expect(summary.problems.first?.reason.text(.en).contains("if the column was a number in Excel, it dropped the last digits")
                == true)
    }

    @Test func scientificNumbersAreToldFromIDNumbers() {
        #expect(PeopleImport.isScientificNumber("1.10105E+17"))
        #expect(PeopleImport.isScientificNumber("1.10105e17"))
        #expect(!PeopleImport.isScientificNumber("11010519491231002X"))
        #expect(!PeopleImport.isScientificNumber("E+17"))
    }

    /// Old workbooks go through LibreOffice (installed by scripts/setup test) and come out the same.
    @Test(.enabled(if: LegacyWorkbook.program() != nil, "needs LibreOffice (libreoffice-calc-nogui; scripts/test installs it)"),
          arguments: ["county-ledger.xls", "county-ledger.et"])
    func oldWorkbooksAreConvertedByLibreOffice(name: String) async throws {
        let h = try await LedgerHarness()
        let url = try fixture("county-ledger.xls", in: h, as: name)
        let summary = try await h.importFile(.people, url)
        let kind = name.hasSuffix(".et") ? "ET" : "XLS"
        #expect(summary.format == "\(kind) (converted by LibreOffice), 3 sheets: 城关镇, 河西镇, 柳树乡")
        #expect((summary.rows, summary.inserted, summary.rejected, summary.skipped) == (8, 6, 2, 9))
        #expect(summary.rejectFile == h.directory.url.appendingPathComponent("county-ledger.rejects.csv").path)
        #expect(try await h.person("110105198012310049")["township"] == "河西镇")
    }
}
