/// Rows that close a county sheet rather than list anyone: 合计 / 小计 / 总计 totals, 备注 and
/// 填表说明 notes, the 制表人 / 审核人 signature line. They are skipped and listed in the summary,
/// not refused as bad records.
enum FooterRows {
    /// What such a row starts with (spaces removed: clerks write 合 计 to spread the word).
    static let openings = ["合计", "小计", "总计", "共计", "累计", "备注", "填表说明", "说明", "注：", "注:",
                           "制表人", "制表", "填表人", "填报人", "审核人", "负责人", "联系人", "填报日期", "制表日期",
                           "total", "subtotal", "note"]

    /// The opening word when the row's first non-empty cell starts with one, else nil.
    static func opening(of cells: [String]) -> String? {
        guard let first = cells.first(where: { !$0.isEmpty }) else { return nil }
        // Only short texts: a note's first cell may run long, a name never starts with these words.
        let compact = first.prefix(40).filter { !$0.isWhitespace }.lowercased()
        return openings.first { compact.hasPrefix($0) }
    }
}
