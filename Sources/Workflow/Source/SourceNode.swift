import Foundation
import Yams

/// A YAML node with its source location, detached from libyaml so it can cross concurrency
/// domains. Scalars keep their raw text: typing happens where the schema is known.
public struct SourceNode: Sendable {
    public enum Kind: Sendable {
        case scalar(Scalar)
        case mapping([Entry])
        case sequence([SourceNode])
    }

    public struct Scalar: Sendable {
        public var text: String
        /// Plain scalars (unquoted) may be numbers, booleans or null; quoted ones are always text.
        public var isPlain: Bool
    }

    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: SourceNode
    }

    public var kind: Kind
    public var location: SourceLocation

    public var scalar: Scalar? {
        if case .scalar(let s) = kind { return s }
        return nil
    }

    public var entries: [Entry]? {
        if case .mapping(let e) = kind { return e }
        return nil
    }

    public var items: [SourceNode]? {
        if case .sequence(let i) = kind { return i }
        return nil
    }

    /// What this node is, for a message that expected another kind ("…, not a list").
    public var kindWord: Message {
        switch kind {
        case .scalar: DefinitionMessages.kindSingle()
        case .mapping: DefinitionMessages.kindMapping()
        case .sequence: DefinitionMessages.kindList()
        }
    }

    /// The node read as a plain value: unquoted `true`, `42`, `3.5`, `null` become typed,
    /// anything else text. Only YAML 1.2 core spellings count, so `no` stays text (the "Norway problem").
    public var value: Value {
        switch kind {
        case .scalar(let s): s.isPlain ? Self.resolvePlain(s.text) : .string(s.text)
        case .sequence(let items): .array(items.map(\.value))
        case .mapping(let entries):
            .object(Dictionary(entries.map { ($0.key, $0.value.value) }, uniquingKeysWith: { _, last in last }))
        }
    }

    static func resolvePlain(_ text: String) -> Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let i = Int(text) { return .int(i) }
        if text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true, let d = Double(text) {
            return .double(d)
        }
        return .string(text)
    }
}

extension SourceNode {
    /// The largest campaign file read (a real one is a few KiB).
    static let largestFile = 1 << 20
    /// The most values a file may hold once its aliases are expanded: a campaign has a few hundred;
    /// a few nested aliases (`&a [*b, *b, …]`) can stand for billions.
    static let mostValues = 100_000

    /// Parses YAML text into a located tree. YAML syntax errors come back as diagnostics, and so
    /// does a file too large, or whose aliases expand past `mostValues`.
    public static func parse(_ file: SourceFile) -> Result<SourceNode?, Diagnostic> {
        guard file.text.utf8.count <= largestFile else {
            return .failure(Diagnostic(.error, DefinitionMessages.tooLarge(), at: file.location(line: 1, column: 1),
                                       hint: DefinitionMessages.tooLargeHint()))
        }
        do {
            guard let root = try Yams.compose(yaml: file.text) else { return .success(nil) }
            var budget = mostValues
            return .success(try SourceNode(root, file: file, budget: &budget))
        } catch let tooMany as TooManyValues {
            return .failure(Diagnostic(.error, DefinitionMessages.tooManyValues(["limit": "\(mostValues)"]),
                                       at: tooMany.location, hint: DefinitionMessages.tooManyValuesHint()))
        } catch let error as YamlError {
            return .failure(Diagnostic(yamlError: error, file: file))
        } catch {
            return .failure(Diagnostic(.error, DefinitionMessages.unreadableYAML(["problem": "\(error)"]),
                                       at: file.location(line: 1, column: 1)))
        }
    }

    /// Converts libyaml's node, counting the values against `budget` (aliases expanded).
    init(_ node: Node, file: SourceFile, budget: inout Int) throws(TooManyValues) {
        let location = node.mark.map { file.location(line: $0.line, column: $0.column) }
            ?? file.location(line: 1, column: 1)
        budget -= 1
        guard budget >= 0 else { throw TooManyValues(location: location) }
        self.location = location
        switch node {
        case .scalar(let scalar):
            kind = .scalar(Scalar(text: scalar.string, isPlain: scalar.style == .plain))
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (key, value) in mapping {
                entries.append(Entry(key: key.string ?? "\(key)",
                                     keyLocation: key.mark.map { file.location(line: $0.line, column: $0.column) } ?? location,
                                     value: try SourceNode(value, file: file, budget: &budget)))
            }
            kind = .mapping(entries)
        case .sequence(let sequence):
            var items: [SourceNode] = []
            for item in sequence { items.append(try SourceNode(item, file: file, budget: &budget)) }
            kind = .sequence(items)
        case .alias:
            kind = .scalar(Scalar(text: "", isPlain: true))
        }
    }
}

/// A file whose aliases expand past the budget, at the value where it ran out.
struct TooManyValues: Error {
    var location: SourceLocation
}

extension Diagnostic {
    init(yamlError error: YamlError, file: SourceFile) {
        func loc(_ mark: Mark) -> SourceLocation { file.location(line: mark.line, column: mark.column) }
        let hint = YAMLMessages.indentationHint()
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml's own words ("did not find expected key") stay as it wrote them, after ours.
            let what = context.map { "\(problem) (\($0.text))" } ?? problem
            // An unclosed quote or bracket is found where the file ends; the mistake is where the
            // construct began, which libyaml gives as the context's mark.
            // (Only for quotes and brackets: a block mapping's context is its first line, while a wrong
            // indentation is where libyaml says.)
            if let context, context.mark.line < mark.line,
               context.text.contains("quoted scalar") || context.text.contains("flow") {
                self.init(.error, YAMLMessages.notClosed(["problem": what, "line": "\(mark.line)"]),
                          at: loc(context.mark), hint: YAMLMessages.closeIt() + hint)
            } else {
                self.init(.error, YAMLMessages.syntax(["problem": what]), at: loc(mark), hint: hint)
            }
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let first = context.mark
            let second = Self.repeatedKey(duplicates.first ?? "", after: first, in: file)
            self.init(.error, YAMLMessages.duplicateKey(["keys": names, "line": "\(first.line)"]),
                      at: second ?? loc(first), length: duplicates.first?.count ?? 1,
                      hint: YAMLMessages.duplicateKeyHint())
        case .reader(let problem, let offset, _, _):
            var location = file.location(line: 1, column: 1)
            if let offset {
                let prefix = file.text.prefix(offset)
                let line = prefix.filter { $0 == "\n" }.count + 1
                let column = prefix.split(separator: "\n", omittingEmptySubsequences: false).last?
                    .unicodeScalars.count ?? 0
                location = file.location(line: line, column: column + 1)
            }
            self.init(.error, YAMLMessages.unreadable(["problem": problem]), at: location,
                      hint: YAMLMessages.saveAsUTF8())
        default:
            self.init(.error, YAMLMessages.other(["problem": "\(error)"]), at: file.location(line: 1, column: 1))
        }
    }
}

extension Diagnostic {
    /// libyaml reports a duplicated key at its first occurrence; the mistake is usually the second,
    /// so look for the same key at the same column further down.
    static func repeatedKey(_ key: String, after first: Mark, in file: SourceFile) -> SourceLocation? {
        guard first.line < file.lines.count else { return nil }
        for number in (first.line + 1)...file.lines.count {
            guard let line = file.line(number) else { continue }
            let scalars = Array(line.unicodeScalars)
            let column = first.column - 1
            guard column < scalars.count else { continue }
            let prefix = String(String.UnicodeScalarView(scalars[..<column]))
            let rest = String(String.UnicodeScalarView(scalars[column...]))
            let bare = prefix.allSatisfy { $0 == " " || $0 == "-" }
            if bare, rest.hasPrefix("\(key):") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                return file.location(line: number, column: first.column)
            }
        }
        return nil
    }
}
