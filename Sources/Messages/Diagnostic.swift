import Foundation

/// One problem found in a definition, compiler style: where, what, and how to fix it.
public struct Diagnostic: Sendable, Hashable, Error {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    public var severity: Severity
    public var location: SourceLocation
    /// How many scalars the caret underlines (at least one).
    public var length: Int
    /// The message and hint as catalogue entries: `validate`, `start` and the other commands word
    /// them in their reader's language (Chinese unless `--lang en` / `CAMPAIGN_LANG=en`).
    public var wording: Message
    public var hintWording: Message?
    /// The text of the line it points at, when that line is in another file than the one being
    /// shown (a template's, below an instance's diagnostics).
    public var sourceLine: String?

    public init(_ severity: Severity, _ message: Message, at location: SourceLocation,
                length: Int = 1, hint: Message? = nil) {
        self.severity = severity
        self.location = location
        self.length = max(1, length)
        self.wording = message
        self.hintWording = hint
    }

    /// The message in English, for logs and tests; `wording` holds it for any reader.
    public var message: String { wording.text(.en) }
    /// A suggestion the user can act on ("did you mean 'core.log'?"), in English.
    public var hint: String? { hintWording?.text(.en) }

    /// The message in `language`.
    public func message(in language: Language) -> String { wording.text(language) }

    /// The hint in `language`.
    public func hint(in language: Language) -> String? { hintWording?.text(language) }
}

/// Collects every problem of a definition so the user sees them all at once, not one per run.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func error(_ message: Message, at location: SourceLocation, length: Int = 1, hint: Message? = nil) {
        items.append(Diagnostic(.error, message, at: location, length: length, hint: hint))
    }

    /// Something that works but should change (an action's former name): shown, never fatal.
    public mutating func warning(_ message: Message, at location: SourceLocation, length: Int = 1, hint: Message? = nil) {
        items.append(Diagnostic(.warning, message, at: location, length: length, hint: hint))
    }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted by position, duplicates removed (two checks may spot the same problem).
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return items.filter { seen.insert($0).inserted }.sorted { $0.location < $1.location }
    }
}

extension Diagnostic {
    /// Renders `file:line:col: 错误: message`, the source line, a caret under the spot and the hint,
    /// in `language` (English keeps the compiler's `error:` / `help:`).
    public func rendered(in file: SourceFile?, color: Bool = false, language: Language = .en) -> String {
        let word = severity.word(language)
        let label = color ? severity.colored(word) : word
        var out = "\(location): \(label)\(Punctuation.colon.text(language))\(message(in: language))"
        let line: Substring? = if let file, file.path == location.file { file.line(location.line) }
            else { sourceLine.map { Substring($0) } }
        if let line {
            var scalars = Array(String(line).replacingOccurrences(of: "\t", with: " ").unicodeScalars)
            var column = max(0, location.column - 1)
            // A long line shows only the part around the spot, marked with … where it is cut.
            let shown = 100
            if scalars.count > shown {
                let from = max(0, min(column - 40, scalars.count - shown))
                let cut = Array(scalars[from..<min(scalars.count, from + shown)])
                scalars = (from > 0 ? ["…"] : []) + cut + (from + shown < scalars.count ? ["…"] : [])
                column = column - from + (from > 0 ? 1 : 0)
            }
            let text = String(String.UnicodeScalarView(scalars))
            let before = String(String.UnicodeScalarView(scalars.prefix(column)))
            let underlined = String(String.UnicodeScalarView(scalars.dropFirst(column).prefix(min(length, 80))))
            let pad = String(repeating: " ", count: before.terminalWidth)
            let marks = "^" + String(repeating: "~", count: max(0, underlined.terminalWidth - 1))
            out += "\n    \(text)\n    \(pad)\(color ? "\u{1B}[32m\(marks)\u{1B}[0m" : marks)"
        }
        if let hint = hint(in: language) {
            out += "\n    " + DiagnosticWords.help.template(language) + hint
        }
        return out
    }
}

extension Diagnostic.Severity {
    /// 错误 / error, 警告 / warning, 注 / note.
    public func word(_ language: Language) -> String {
        switch self {
        case .error: DiagnosticWords.error.template(language)
        case .warning: DiagnosticWords.warning.template(language)
        case .note: DiagnosticWords.note.template(language)
        }
    }

    func colored(_ word: String) -> String {
        switch self {
        case .error: "\u{1B}[1;31m\(word)\u{1B}[0m"
        case .warning: "\u{1B}[1;33m\(word)\u{1B}[0m"
        case .note: "\u{1B}[1;36m\(word)\u{1B}[0m"
        }
    }
}

extension String {
    /// Columns the text takes in a terminal: CJK and full-width characters take two, combining marks
    /// none. Tables that pad with `count` misalign as soon as a village name is Chinese.
    public var terminalWidth: Int {
        unicodeScalars.reduce(0) { $0 + $1.terminalWidth }
    }

    /// The text padded with spaces to `width` columns: after it, or before it for numbers.
    public func padded(toWidth width: Int, alignRight: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - terminalWidth))
        return alignRight ? fill + self : self + fill
    }
}

extension Unicode.Scalar {
    var terminalWidth: Int {
        switch value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD: 2
        default: 1
        }
    }
}
