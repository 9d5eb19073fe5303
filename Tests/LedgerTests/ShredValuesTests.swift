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

    /// A number is found however it was typed (#33): spaced, dashed, with a zero-width space, in
    /// Arabic-Indic or full-width digits — the scan's reason kept what staff typed, and a shred
    /// that looked only for ASCII runs left it there.
    @Test func numbersTypedAnyWayGoToo() {
        var values = ShredValues()
        values.add(name: "吕林建", idNumber: "52242619660101000X", phone: "18991077985")
        #expect(values.scrub("未找到：189 9107 7985") == "未找到：***")
        #expect(values.scrub("未找到：189-9107-7985。") == "未找到：***。")
        #expect(values.scrub("输入 1899\u{200B}1077985 无匹配") == "输入 *** 无匹配")
        #expect(values.scrub("输入 ١٨٩٩١٠٧٧٩٨٥") == "输入 ***")
        #expect(values.scrub("证件 ５２２４２６１９６６０１０１０００Ｘ") == "证件 ***")
        // Someone else's number, typed oddly, stays as it was typed.
        #expect(values.scrub("输入 139 1234 5678") == "输入 139 1234 5678")
        // Three spaces apart are two numbers, neither of them a shredded one.
        #expect(values.scrub("1899107   7985") == "1899107   7985")
    }
}
