import CampaignTesting
import Foundation
import Testing
import Workflow
import WorkflowTesting
@testable import Ledger

/// Long cells cost what they weigh (#33): a workbook cell gives at most 32 KiB, and a reject file
/// repeats at most 1,000 characters of a cell, so 140 cells that point at one 2 MiB shared string
/// write a reject file of kilobytes, not hundreds of megabytes. (The tokenizer's own share is in
/// TablesTests.)
@Suite struct LongCellTests {
    @Test func aCellOfMegabytesIsCutAndTheRejectFileStaysSmall() async throws {
        let h = try await LedgerHarness()
        // A 2.1 MB shared string of characters in no pattern (a zip bomb's would be refused before it is read).
        var random = SplitMix64(seed: 33)
        let huge = String(String.UnicodeScalarView((0..<700_000).map { _ in Unicode.Scalar(0x4E00 + UInt32(random.next() % 20_000))! }))
        var rows = ""
        for row in 2...141 {
            rows += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"inlineStr\"><is><t>11010519491231002X</t></is></c>"
                + "<c r=\"B\(row)\" t=\"s\"><v>0</v></c></row>"
        }
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is>\
            </c></row>\(rows)</sheetData></worksheet>
            """
        let url = try UntrustedWorkbookTests().workbook(h, "long.xlsx", sheet: Data(sheet.utf8),
                                                        sharedStrings: Data("<sst><si><t>\(huge)</t></si></sst>".utf8))
        let summary = try await h.importFile(.people, url)
        #expect(summary.rejected == 140)   // a name of 10,922 characters (32 KiB) is refused, then the same person again
        #expect(summary.problems.first?.reason.text(.en).contains("longer than 30 characters") == true,
                "\(String(describing: summary.problems.first?.reason.text(.en)))")
        #expect(summary.problems.first?.row == 2)
        let rejects = try #require(summary.rejectFile)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: rejects)[.size] as? Int)
        let input = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size < 4 * input + 500_000, "a reject file of \(size) bytes for an input of \(input)")
        let line = try #require(try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\r\n").dropFirst().first)
        #expect(line.contains("…（截断，原有 10922 字 / cut, 10922 characters）"), "…\(line.suffix(200))")
    }
}
