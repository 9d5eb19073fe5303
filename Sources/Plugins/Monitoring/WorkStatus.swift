import Foundation

/// Where a monitored worker works, as the monthly sheet says it (务工地域), and the words counties use.
enum WorkArea: String, Sendable, CaseIterable {
    /// 县内: in the home county.
    case county
    /// 省内县外: in the province, outside the county.
    case province
    /// 省外: outside the province.
    case outside

    /// The area a sheet's words name, or nil.
    /// The words counties write, read at once (a sheet of 100,000 rows says little else).
    static let exact: [String: WorkArea] = ["省外": .outside, "外省": .outside, "省内县外": .province, "县外省内": .province,
                                            "省内": .province, "县外": .province, "县内": .county, "本县": .county]

    static func read(_ text: String) -> WorkArea? {
        if let area = exact[text] { return area }
        let t = text.replacingOccurrences(of: " ", with: "")
        if t.isEmpty { return nil }
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "county", "in county": return .county
        case "province", "in province": return .province
        case "out of province", "outside", "outside the province": return .outside
        default: break
        }
        if ["省内县外", "县外省内", "省内市外"].contains(where: t.contains) { return .province }
        if ["省外", "外省", "出省", "跨省", "省外务工"].contains(where: t.contains) { return .outside }
        if ["省内县外", "县外省内", "省内", "县外", "市内", "市外省内"].contains(where: t.contains) { return .province }
        if ["县内", "本县", "县城", "乡内", "镇内", "就近", "本地"].contains(where: t.contains) { return .county }
        return nil
    }

    /// Nested levels: working outside the province is also working outside the county.
    var isOutsideCounty: Bool { self != .county }
}

/// Yes/no words of a sheet (是否务工, 就业意愿).
enum SheetAnswer {
    static func working(_ text: String) -> Bool? {
        if text == "是" { return true }
        if text == "否" { return false }
        let t = text.trimmingCharacters(in: .whitespaces)
        if ["是", "务工", "已务工", "在岗", "就业", "已就业", "外出务工", "有", "√", "✓", "yes", "y"].contains(t.lowercased()) { return true }
        if ["否", "未务工", "未就业", "在家", "无", "待业", "失业", "×", "no", "n"].contains(t.lowercased()) { return false }
        return nil
    }

    static func wish(_ text: String) -> Bool? {
        if text.isEmpty { return false }
        if text == "有" { return true }
        if text == "无" { return false }
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return false }
        if ["有", "是", "愿意", "有意愿", "想就业", "有就业意愿", "√", "✓", "yes", "y"].contains(t.lowercased()) { return true }
        if ["无", "否", "不愿意", "无意愿", "没有", "无就业意愿", "×", "no", "n"].contains(t.lowercased()) { return false }
        return nil
    }
}

/// Months as the sheets and campaigns name them: `2026-03`.
enum Month {
    static func of(day: String) -> String { String(day.prefix(7)) }

    static func isMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2 else {
            return false
        }
        return (2000...2100).contains(y) && (1...12).contains(m)
    }

    /// The month `count` months after (before, when negative) `month`.
    static func adding(_ count: Int, to month: String) -> String {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return month }
        let index = parts[0] * 12 + (parts[1] - 1) + count
        return String(format: "%04d-%02d", index / 12, index % 12 + 1)
    }
}
