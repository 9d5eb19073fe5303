import CampaignTesting
import Foundation
import Ledger
import Testing
import Workflow
import WorkflowTesting
import ZIPFoundation

/// A workbook is not trusted: forged cell references, shared-string indices, DOCTYPEs and zip bombs
/// are refused at once with what they broke — no crash, no gigabytes, no minutes.
@Suite struct UntrustedWorkbookTests {
    static let workbook = """
        <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
        <sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    static let relations = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
        Target="worksheets/sheet1.xml"/></Relationships>
        """
    /// A header row and one person, with the given cells for the person's ID.
    static func sheet(_ idCell: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is>\
        </c></row><row r="2">\(idCell)<c r="B2" t="inlineStr"><is><t>张伟</t></is></c></row></sheetData></worksheet>
        """
    }

    /// Writes a workbook with these parts (deflated, as Excel writes them).
    func workbook(_ h: LedgerHarness, _ name: String, sheet: Data, sharedStrings: Data? = nil) throws -> URL {
        let url = h.directory.url.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        var parts = [("xl/workbook.xml", Data(Self.workbook.utf8)), ("xl/_rels/workbook.xml.rels", Data(Self.relations.utf8)),
                     ("xl/worksheets/sheet1.xml", sheet)]
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", sharedStrings)) }
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    func refusal(_ h: LedgerHarness, _ url: URL) async -> WorkflowError? {
        await #expect(throws: WorkflowError.self) { try await h.importFile(.people, url) }
    }

    @Test func aWellFormedWorkbookStillImports() async throws {
        let h = try await LedgerHarness()
        let url = try workbook(h, "ok.xlsx", sheet: Data(Self.sheet(
            "<c r=\"A2\" t=\"s\"><v>0</v></c>").utf8),
            sharedStrings: Data("<sst><si><t>11010519491231002X</t></si></sst>".utf8))
        #expect(try await h.importFile(.people, url).inserted == 1)
    }

    /// `<v/>` holds no value: the text met after it (here a stray `x` inside the next cell, which a reader
    /// skips) must not be read into that cell as if a value were still open.
    @Test func anEmptyValueTagLeavesTheCellsAfterItAsWritten() async throws {
        let h = try await LedgerHarness()
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is>\
            </c><c r="C1" t="inlineStr"><is><t>手机号</t></is></c></row><row r="2"><c r="C2"><v/></c>\
            <c r="B2" t="inlineStr">x<is><t>张伟</t></is></c><c r="A2" t="inlineStr"><is><t>11010519491231002X</t></is></c>\
            </row></sheetData></worksheet>
            """
        let url = try workbook(h, "empty-value.xlsx", sheet: Data(sheet.utf8))
        #expect(try await h.importFile(.people, url).inserted == 1)
        let person = try await h.person("11010519491231002X")
        #expect(person["name"] == "张伟")
        #expect(person["phone"] ?? "" == "")
    }

    @Test func aCellBeyondTheLastColumnIsRefused() async throws {
        let h = try await LedgerHarness()
        let url = try workbook(h, "col.xlsx", sheet: Data(Self.sheet(
            "<c r=\"ZZZZZZ2\" t=\"inlineStr\"><is><t>11010519491231002X</t></is></c>").utf8))
        let error = await refusal(h, url)
        #expect(error?.code == .invalidInput)
        #expect(error?.message == "'col.xlsx', sheet row 2: cell reference 'ZZZZZZ2' is beyond Excel's last column (XFD)")
    }

    @Test func aSharedStringIndexOutOfRangeIsRefused() async throws {
        let h = try await LedgerHarness()
        let negative = try workbook(h, "neg.xlsx", sheet: Data(Self.sheet("<c r=\"A2\" t=\"s\"><v>-1</v></c>").utf8),
                                    sharedStrings: Data("<sst><si><t>x</t></si></sst>".utf8))
        #expect(await refusal(h, negative)?.message
                == "'neg.xlsx', sheet row 2: a cell points to shared string '-1', but the workbook has 1")
        let missing = try workbook(h, "none.xlsx", sheet: Data(Self.sheet("<c r=\"A2\" t=\"s\"><v>0</v></c>").utf8))
        #expect(await refusal(h, missing)?.message
                == "'none.xlsx', sheet row 2: a cell points to shared string '0', but the workbook has 0")
    }

    @Test func aDoctypeIsRefusedSoNoEntityCanExpand() async throws {
        let h = try await LedgerHarness()
        let bomb = """
            <?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\
            <sst><si><t>&b;</t></si></sst>
            """
        let url = try workbook(h, "doctype.xlsx", sheet: Data(Self.sheet("<c r=\"A2\" t=\"s\"><v>0</v></c>").utf8),
                               sharedStrings: Data(bomb.utf8))
        #expect(await refusal(h, url)?.message
                == "'doctype.xlsx' cannot be read: its shared strings: it declares a DOCTYPE, which no workbook needs")
    }

    /// Refused from the archive's own sizes, before a byte is inflated: the sheet's packed data is made
    /// unreadable (its first bytes name a block type deflate does not have), so a reader that inflated
    /// first would fail on that, not on the ratio. (No clock: the refusal's words prove the order.)
    @Test func aZipBombIsRefusedBeforeItIsUnpacked() async throws {
        let h = try await LedgerHarness()
        let padding = String(repeating: " ", count: 8 << 20)
        let url = try workbook(h, "bomb.xlsx", sheet: Data((Self.sheet("<c r=\"A2\"><v>1</v></c>") + padding).utf8))
        var bytes = try Data(contentsOf: url)
        let name = Data("xl/worksheets/sheet1.xml".utf8)
        // The name's first place is the sheet's local header (the central directory comes last).
        let header = try #require(bytes.range(of: name)).lowerBound - 30
        #expect(bytes[header..<header + 4] == Data([0x50, 0x4B, 0x03, 0x04]))
        let extra = Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8
        let data = header + 30 + name.count + extra
        bytes.replaceSubrange(data..<data + 16, with: Data(repeating: 0xFF, count: 16))
        try bytes.write(to: url)
        let error = await refusal(h, url)
        #expect(error?.message.hasPrefix("'bomb.xlsx': its part xl/worksheets/sheet1.xml unpacks to ") == true)
        #expect(error?.message.hasSuffix("times its packed size; real workbooks pack 5 to 20 times, so it is refused as a "
                                         + "zip bomb") == true)
    }
}
