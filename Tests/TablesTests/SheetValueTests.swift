import Foundation
import Testing
@testable import Tables

/// Values as spreadsheets hold them: numbers Excel shows in its own way, dates as clerks write them,
/// and cells that a spreadsheet would run as formulas.
@Suite struct SheetValueTests {
    @Test func numberCellsOfSixteenDigitsOrMoreShowAsExcelShowsThem() {
        #expect(SheetStream.number("110105194912310005") == "1.10105194912310E+17")
        #expect(SheetStream.number("1.1010519491231e+17") == "1.10105194912310E+17")
        #expect(SheetStream.number("13800138000") == "13800138000")
        #expect(SheetStream.number("1.3800138E10") == "13800138000")
        #expect(SheetStream.number("12.0") == "12")
        #expect(SheetStream.number("12.5") == "12.5")
    }

    @Test func formulasAreNeutralizedInFiles() {
        #expect(CSVText.neutralized("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")")
        #expect(CSVText.neutralized("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.neutralized("张伟") == "张伟")
    }

    @Test func datesAsClerksWriteThem() {
        for text in ["2026-03-05", "2026/3/5", "2026.3.5", "2026年3月5日", "3/5/2026", "46086", " 2026-3-5 "] {
            #expect(SheetDate.parse(text) == "2026-03-05", "\(text)")
        }
        for text in ["2026.2.30", "13/5/2026", "5.3.2026", "2026年3月", "1e5", ""] {
            #expect(SheetDate.parse(text) == nil, "\(text)")
        }
    }
}
