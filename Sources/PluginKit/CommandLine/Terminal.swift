import Foundation
import Workflow

/// Terminal output: colours only on a terminal (and never with NO_COLOR), errors to stderr.
public struct Terminal: Sendable {
    public let color: Bool
    public let isInteractive: Bool

    public init(color: Bool, isInteractive: Bool) {
        self.color = color
        self.isInteractive = isInteractive
    }

    public static let standard: Terminal = {
        let tty = isatty(STDOUT_FILENO) == 1
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Terminal(color: tty && !noColor, isInteractive: tty)
    }()

    /// How many columns the output may take: `COLUMNS` when set, else the terminal's width, else none
    /// (output to a file or a pipe is not cut).
    public static let width: Int? = {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 20 { return columns }
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 else { return nil }
        return Int(size.ws_col)
    }()

    public static let errorsColored: Bool = {
        isatty(STDERR_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }()

    public func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func green(_ t: String) -> String { paint(t, "32") }
    public func red(_ t: String) -> String { paint(t, "31") }
    public func yellow(_ t: String) -> String { paint(t, "33") }
    public func dim(_ t: String) -> String { paint(t, "2") }
    public func bold(_ t: String) -> String { paint(t, "1") }

    public func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    public static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prose cut into lines of at most `width` display columns (Chinese characters count two), at a
    /// space where there is one; unchanged without a width.
    public static func wrap(_ text: String, _ width: Int?) -> String {
        guard let width, text.terminalWidth > width else { return text }
        var lines: [String] = []
        var line = ""
        for character in text {
            if (line + String(character)).terminalWidth > width {
                if let space = line.lastIndex(of: " "), line.distance(from: line.startIndex, to: space) > 0 {
                    lines.append(String(line[..<space]))
                    line = String(line[line.index(after: space)...])
                } else {
                    lines.append(line)
                    line = ""
                }
            }
            line.append(character)
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// Pads text to a display width, counting Chinese characters as two columns.
    public static func pad(_ text: String, _ width: Int) -> String {
        text.padded(toWidth: width)
    }
}
