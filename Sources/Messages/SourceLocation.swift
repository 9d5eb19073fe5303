import Foundation

/// A place in a definition file: 1-based line and column, columns counted in Unicode scalars
/// (as libyaml counts them), so a caret lands under the right character in Chinese text too.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// The same line, `offset` scalars further right.
    public func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset)
    }
}

/// The text of a definition file with its path as the user typed it, kept for error snippets.
public struct SourceFile: Sendable {
    public let path: String
    public let text: String
    public let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = Self.splitLines(text)
    }

    /// The lines as the YAML parser counts them: a line ends at LF, CR LF or a lone CR (a file
    /// saved by an old Mac editor), and at NEL, LS and PS — so a diagnostic's line number finds its
    /// line. (Splitting the `String` on "\n" would not: CR LF is one `Character`.)
    public static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var i = start
        while i < scalars.endIndex {
            let scalar = scalars[i]
            guard scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" else {
                i = scalars.index(after: i)
                continue
            }
            lines.append(Substring(scalars[start..<i]))
            var next = scalars.index(after: i)
            if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
            start = next
            i = next
        }
        lines.append(Substring(scalars[start..<scalars.endIndex]))
        return lines
    }

    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }
}
