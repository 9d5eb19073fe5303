/// How many terminal columns text takes: Chinese characters and full-width punctuation take two,
/// combining marks none. Tables that pad with `count` misalign as soon as a village name is Chinese.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 || (0x300...0x36F).contains(v) || v == 0x200B || (0xFE00...0xFE0F).contains(v) { return 0 }
        if v < 0x1100 { return 1 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// Pads to `width` columns, on the right (text) or on the left (numbers).
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(text)))
        return right ? fill + text : text + fill
    }
}

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
            ([headers[i]] + rows.map { i < $0.count ? $0[i] : "" }).map(DisplayWidth.of).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in headers.indices {
                parts.append(DisplayWidth.pad(i < cells.count ? cells[i] : "", to: widths[i], right: numeric[i]))
            }
            var text = indent + parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}
