import Workflow

/// A plain-text table for the terminal: columns sized by display width, numbers right-aligned.
public struct TextTable: Sendable {
    public var headers: [String]
    /// Which columns are right-aligned (numbers, rates).
    public var numeric: [Bool]
    public var rows: [[String]] = []

    public init(headers: [String], numeric: [Bool]) {
        self.headers = headers
        self.numeric = numeric
    }

    /// The table, or — when it is wider than `maxWidth` columns (an 80-column terminal) — the table cut
    /// into parts of whole columns that fit, one below the other, each repeating the first column so
    /// every row is still named.
    public func render(indent: String = "", maxWidth: Int? = nil) -> String {
        let widths = headers.indices.map { i in
            ([headers[i]] + rows.map { i < $0.count ? $0[i] : "" }).map(\.terminalWidth).max() ?? 0
        }
        let all = Array(headers.indices)
        guard let maxWidth, headers.count > 2, width(of: all, widths, indent) > maxWidth else {
            return render(columns: all, widths: widths, indent: indent)
        }
        var parts: [[Int]] = []
        var part = [0]
        for column in all.dropFirst() {
            if part.count > 1, width(of: part + [column], widths, indent) > maxWidth {
                parts.append(part)
                part = [0]
            }
            part.append(column)
        }
        parts.append(part)
        return parts.map { render(columns: $0, widths: widths, indent: indent) }.joined(separator: "\n\n")
    }

    private func width(of columns: [Int], _ widths: [Int], _ indent: String) -> Int {
        indent.terminalWidth + columns.map { widths[$0] }.reduce(0, +) + 2 * max(0, columns.count - 1)
    }

    private func render(columns: [Int], widths: [Int], indent: String) -> String {
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in columns {
                parts.append((i < cells.count ? cells[i] : "").padded(toWidth: widths[i], alignRight: numeric[i]))
            }
            var text = indent + parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = indent + columns.map { String(repeating: "─", count: widths[$0]) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}
