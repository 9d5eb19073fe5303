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

    /// Pads text to a display width, counting Chinese characters as two columns.
    public static func pad(_ text: String, _ width: Int) -> String {
        text.padded(toWidth: width)
    }
}
