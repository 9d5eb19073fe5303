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

    public func render(indent: String = "") -> String {
        let widths = headers.indices.map { i in
            ([headers[i]] + rows.map { i < $0.count ? $0[i] : "" }).map(\.terminalWidth).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in headers.indices {
                parts.append((i < cells.count ? cells[i] : "").padded(toWidth: widths[i], alignRight: numeric[i]))
            }
            var text = indent + parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}
