import Foundation
import Messages
import Testing
@testable import Tables

/// The CSV reader alone, without a workspace: what a county's exported sheets look like — GB18030
/// from an old Excel, semicolons from a European locale, a quote a clerk left open.
@Suite struct CSVReaderTests {
    /// A file of its own in a folder of its own, removed when the test is done.
    func file(_ bytes: [UInt8], _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tables-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("sheet.csv")
        try Data(bytes).write(to: url)
        try body(url)
    }

    func rows(_ reader: CSVReader) throws -> [[String]] {
        var rows: [[String]] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    @Test func gb18030WithSemicolonsIsReadAsItWasWritten() throws {
        // "姓名;乡镇\n张伟;城关镇\n" in GB18030, as Excel on a Chinese Windows saves "CSV".
        let gbk: [UInt8] = [0xD0, 0xD5, 0xC3, 0xFB, 0x3B, 0xCF, 0xE7, 0xD5, 0xF2, 0x0A,
                            0xD5, 0xC5, 0xCE, 0xB0, 0x3B, 0xB3, 0xC7, 0xB9, 0xD8, 0xD5, 0xF2, 0x0A]
        try file(gbk) { url in
            let reader = try CSVReader(url: url, encoding: .gb18030)
            #expect(try rows(reader) == [["姓名", "乡镇"], ["张伟", "城关镇"]])
            #expect(reader.bytesRead == reader.totalBytes)
        }
    }

    @Test func aQuoteLeftOpenRefusesItsRowAndNotTheRest() throws {
        try file(Array("姓名,备注\n张伟,\"未闭合\n李娜,好\n".utf8)) { url in
            let reader = try CSVReader(url: url, encoding: .utf8)
            #expect(try reader.next() == ["姓名", "备注"])
            #expect(try reader.next() == ["张伟", "\"未闭合"])
            #expect(reader.problem?.cell == 1)
            #expect(reader.problem?.reason.parts.first?.text.key == "import.unclosed-quote")
            #expect(reader.problem?.reason.text(.en).contains("never closes") == true)
            #expect(try reader.next() == ["李娜", "好"])
            #expect(reader.problem == nil)
        }
    }

    @Test func aFileThatIsNotThereIsUnavailable() throws {
        let error = try #require(throws: WorkflowError.self) {
            _ = try CSVReader(url: URL(fileURLWithPath: "/nonexistent/名单.csv"), encoding: nil)
        }
        #expect(error.code == .unavailable)
        #expect(error.message(in: .zh).contains("/nonexistent/名单.csv"))
    }

    /// The two byte checks every cell of an import goes through, against the same questions asked
    /// scalar by scalar: at each position, short and long (past a small string's 15 bytes), at the ends.
    @Test func controlAndReplacementCharactersAreFoundWhereverTheyAre() {
        let fillers = ["", "a", "张伟", String(repeating: "长", count: 12), "ab\tc\r\n"]
        let marks: [Character] = ["\u{0}", "\u{1B}", "\u{7F}", "\u{FFFD}", "\u{FFFC}", "\u{FEFF}", "x"]
        for filler in fillers {
            for mark in marks {
                for position in 0...filler.count {
                    var text = filler
                    text.insert(mark, at: text.index(text.startIndex, offsetBy: position))
                    let control = text.unicodeScalars.contains {
                        ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) || $0.value == 0x7F
                    }
                    #expect(CellText.hasControlCharacters(text) == control, "\(text.debugDescription)")
                    #expect(CellText.hasReplacementCharacter(text) == text.unicodeScalars.contains("\u{FFFD}"),
                            "\(text.debugDescription)")
                }
            }
        }
    }
}
