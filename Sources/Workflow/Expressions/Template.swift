/// A text value that may embed `${{ expression }}` parts, e.g. `"Fair in ${{ vars.township }}"`.
public struct Template: Sendable {
    public enum Part: Sendable {
        case text(String)
        /// An expression and the offset (in scalars) of its text within the template.
        case expression(Expression, source: String, offset: Int)
    }

    public var parts: [Part]

    /// True when the whole text is one `${{ }}`: its value keeps its type (a number stays a number).
    public var isSingleExpression: Bool {
        parts.count == 1 && { if case .expression = parts[0] { true } else { false } }()
    }

    public var expressions: [(expression: Expression, offset: Int)] {
        parts.compactMap { if case .expression(let e, _, let o) = $0 { (e, o) } else { nil } }
    }

    /// Splits text into literal parts and expressions; errors carry offsets within `text`.
    public static func parse(_ text: String) throws(ExpressionError) -> Template {
        let scalars = Array(text.unicodeScalars)
        var parts: [Part] = []
        var literal = String.UnicodeScalarView()
        var i = 0
        func startsWith(_ token: String, at index: Int) -> Bool {
            let t = Array(token.unicodeScalars)
            return index + t.count <= scalars.count && Array(scalars[index..<index + t.count]) == t
        }
        while i < scalars.count {
            if startsWith("${{", at: i) {
                var j = i + 3
                while j < scalars.count, !startsWith("}}", at: j) { j += 1 }
                guard j < scalars.count else {
                    throw ExpressionError(ExpressionMessages.unclosedTemplate(), offset: i,
                                          hint: ExpressionMessages.unclosedTemplateHint())
                }
                if !literal.isEmpty {
                    parts.append(.text(String(literal)))
                    literal = String.UnicodeScalarView()
                }
                let inner = String(String.UnicodeScalarView(scalars[(i + 3)..<j]))
                do {
                    parts.append(.expression(try ExpressionParser.parse(inner), source: inner, offset: i + 3))
                } catch {
                    var shifted = error
                    shifted.offset += i + 3
                    throw shifted
                }
                i = j + 2
            } else {
                literal.append(scalars[i])
                i += 1
            }
        }
        if !literal.isEmpty { parts.append(.text(String(literal))) }
        return Template(parts: parts)
    }

    public func evaluate(in scope: ExpressionScope) -> Value {
        if isSingleExpression, case .expression(let e, _, _) = parts[0] { return e.evaluate(in: scope) }
        var out = ""
        for part in parts {
            switch part {
            case .text(let t): out += t
            case .expression(let e, _, _): out += e.evaluate(in: scope).interpolated
            }
        }
        return .string(out)
    }
}
