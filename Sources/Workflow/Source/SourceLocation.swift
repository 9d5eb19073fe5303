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
    static func splitLines(_ text: String) -> [Substring] {
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

    /// A file beside `url` whose name is close to its name (`spring_fair.yaml` → `spring-fair.yaml`),
    /// written the way the user wrote the path.
    static func similarFile(to url: URL) -> String? {
        let folder = url.deletingLastPathComponent()
        // `campaign start spring-fair.yaml` beside the workflows/ folder that holds it.
        let inWorkflows = folder.appendingPathComponent("workflows").appendingPathComponent(url.lastPathComponent)
        if !url.relativeString.contains("/"), FileManager.default.fileExists(atPath: inWorkflows.path) {
            return "workflows/" + url.lastPathComponent
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard let name = Suggestions.closest(to: url.lastPathComponent, among: names.filter { !$0.hasPrefix(".") }) else {
            return nil
        }
        let written = url.relativeString.contains("/") ? url.deletingLastPathComponent().relativePath + "/" : ""
        return written + name
    }

    public static func read(path: String) throws -> SourceFile {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw WorkflowError.unavailable(WorkspaceMessages.cannotReadFile(["path": path]),
                                            hint: similarFile(to: url).map { EngineMessages.didYouMean(["name": $0]) }
                                                ?? WorkspaceMessages.checkPath())
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkflowError.invalidInput(WorkspaceMessages.notUTF8(["path": path]), hint: WorkspaceMessages.saveAsUTF8())
        }
        return SourceFile(path: path, text: text)
    }

    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }
}

extension SourceFile {
    /// Where a scalar's text begins: one column after the opening quote for quoted scalars,
    /// so offsets inside the text (an expression's position) land on the right column.
    public func contentStart(of node: SourceNode) -> SourceLocation {
        guard let line = line(node.location.line) else { return node.location }
        let scalars = Array(line.unicodeScalars)
        let index = node.location.column - 1
        if index < scalars.count, scalars[index] == "'" || scalars[index] == "\"" {
            return node.location.advanced(by: 1)
        }
        return node.location
    }
}
