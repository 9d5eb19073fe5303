import Ledger

/// The days a coach cannot leave, as a vehicle list writes them (不可用日期): a day, a span
/// (`2026-02-20~2026-02-22`, `2026-02-20至2026-02-22`), several separated by 、 , ; — and as the workspace
/// keeps them (`2026-02-20..2026-02-22,…`).
enum UnavailableDays {
    /// The spans a cell names; nil when it names something else (an empty cell: none).
    static func parse(_ text: String) -> [ClosedRange<String>]? {
        var spans: [ClosedRange<String>] = []
        for part in text.split(whereSeparator: { "、,，;；".contains($0) }) {
            let ends = part.replacingOccurrences(of: "至", with: "~").replacingOccurrences(of: "～", with: "~")
                .split(separator: "~").map { String($0).trimmingCharacters(in: .whitespaces) }
            guard (1...2).contains(ends.count), let from = SheetDate.parse(ends[0]),
                  let to = ends.count == 2 ? SheetDate.parse(ends[1]) : from, from <= to else { return nil }
            spans.append(from...to)
        }
        return spans
    }

    static func encode(_ spans: [ClosedRange<String>]) -> String {
        spans.map { "\($0.lowerBound)..\($0.upperBound)" }.joined(separator: ",")
    }

    static func decode(_ text: String) -> [ClosedRange<String>] {
        text.split(separator: ",").compactMap { span in
            let ends = span.components(separatedBy: "..")
            return ends.count == 2 && ends[0] <= ends[1] ? ends[0]...ends[1] : nil
        }
    }
}
