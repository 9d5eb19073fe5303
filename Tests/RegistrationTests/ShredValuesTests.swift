import Testing
import Ledger

/// Free text scrubbed of shredded people: whole numbers and exact names go, everything else stays.
@Suite struct ShredValuesTests {
    @Test func numbersAndNamesGoOtherTextStays() {
        var values = ShredValues()
        values.add(name: "吕林建", idNumber: "52242619660101000X", phone: "18991077985")
        values.add(name: "万宏东", idNumber: nil, phone: nil)
        #expect(values.scrub("吕林建来电 18991077985，身份证 52242619660101000X 已核") == "***来电 ***，身份证 *** 已核")
        #expect(values.scrub("万宏东、吕林建") == "***、***")
        // A longer number that merely contains a phone is someone else's; other text is untouched.
        #expect(values.scrub("189910779851 和 1899107798") == "189910779851 和 1899107798")
        #expect(values.scrub("城关镇 西街社区") == "城关镇 西街社区")
        // One-character names would take a character out of every text: not looked for.
        values.add(name: "林", idNumber: nil, phone: nil)
        #expect(values.scrub("林场") == "林场")
    }
}
