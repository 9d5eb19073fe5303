/// A problem in an expression, with the offset (in Unicode scalars) where it starts.
public struct ExpressionError: Error, Sendable, Equatable {
    public var message: String
    public var offset: Int
    public var hint: String?

    public init(message: String, offset: Int, hint: String? = nil) {
        self.message = message
        self.offset = offset
        self.hint = hint
    }
}

/// Recursive-descent parser: `or := and ('||' and)*`, `and := unary ('&&' unary)*`,
/// `unary := '!' unary | comparison`, `comparison := primary (op primary)?`.
public struct ExpressionParser {
    private enum Token: Equatable {
        case identifier(String), number(Value), string(String), op(String), dot, leftParen, rightParen, end
    }

    private var tokens: [(token: Token, offset: Int)] = []
    private var index = 0
    /// Parentheses and `!` open so far: bounded, so no expression can exhaust the stack.
    private var depth = 0
    static let deepest = 64
    /// Longer expressions are not conditions people write (and their evaluation recurses per operator).
    static let longest = 4096

    public static func parse(_ text: String) throws(ExpressionError) -> Expression {
        guard text.unicodeScalars.count <= longest else {
            throw ExpressionError(message: "the expression is longer than \(longest) characters", offset: longest,
                                  hint: "split it into steps, or compute the value into a variable")
        }
        var parser = ExpressionParser()
        parser.tokens = try tokenize(text)
        guard parser.tokens.count > 1 else {
            throw ExpressionError(message: "empty expression", offset: 0,
                                  hint: "write a condition such as vars.walk_ins == true")
        }
        let expression = try parser.parseOr()
        let (token, offset) = parser.tokens[parser.index]
        guard token == .end else {
            throw ExpressionError(message: "unexpected \(describe(token)) after a complete expression", offset: offset,
                                  hint: "join conditions with && or ||")
        }
        return expression
    }

    private mutating func advance() -> (token: Token, offset: Int) {
        defer { index = min(index + 1, tokens.count - 1) }
        return tokens[index]
    }

    private var current: Token { tokens[index].token }

    private mutating func parseOr() throws(ExpressionError) -> Expression {
        var left = try parseAnd()
        while current == .op("||") {
            _ = advance()
            left = .binary(.or, left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expression {
        var left = try parseUnary()
        while current == .op("&&") {
            _ = advance()
            left = .binary(.and, left, try parseUnary())
        }
        return left
    }

    /// Counts one more level of nesting at `offset`, refusing more than `deepest`.
    private mutating func nest(at offset: Int) throws(ExpressionError) {
        depth += 1
        guard depth <= Self.deepest else {
            throw ExpressionError(message: "the expression nests more than \(Self.deepest) levels deep", offset: offset,
                                  hint: "remove parentheses or '!' that are not needed")
        }
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        if current == .op("!") {
            let (_, offset) = advance()
            try nest(at: offset)
            defer { depth -= 1 }
            return .not(try parseUnary())
        }
        let left = try parsePrimary()
        if case .op(let symbol) = current, let op = Expression.BinaryOperator(rawValue: symbol),
           op != .and, op != .or {
            _ = advance()
            return .binary(op, left, try parsePrimary())
        }
        return left
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expression {
        let (token, offset) = advance()
        switch token {
        case .number(let v): return .literal(v)
        case .string(let s): return .literal(.string(s))
        case .leftParen:
            try nest(at: offset)
            defer { depth -= 1 }
            let inner = try parseOr()
            let (closing, closingOffset) = advance()
            guard closing == .rightParen else {
                throw ExpressionError(message: "expected ')' to close the '(' opened here", offset: offset,
                                      hint: closing == .end ? nil : "found \(Self.describe(closing)) at \(closingOffset)")
            }
            return inner
        case .identifier(let name):
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default: break
            }
            if current == .leftParen {
                _ = advance()
                let (closing, closingOffset) = advance()
                let known = Expression.StatusFunction.allCases.map { "\($0.rawValue)()" }.joined(separator: ", ")
                guard let function = Expression.StatusFunction(rawValue: name) else {
                    throw ExpressionError(message: "unknown function '\(name)()'", offset: offset,
                                          hint: Suggestions.closest(to: name, among: Expression.StatusFunction.allCases
                                                                        .map(\.rawValue))
                                            .map { "did you mean '\($0)()'? The functions are \(known)" }
                                            ?? "the functions are \(known)")
                }
                guard closing == .rightParen else {
                    throw ExpressionError(message: "'\(name)()' takes nothing between its parentheses",
                                          offset: closingOffset, hint: "write \(name)()")
                }
                return .status(function, offset: offset)
            }
            var path = [name]
            while current == .dot {
                _ = advance()
                let (part, partOffset) = advance()
                switch part {
                case .identifier(let p): path.append(p)
                case .number(.int(let n)): path.append(String(n))
                default:
                    throw ExpressionError(message: "expected a name after '.'", offset: partOffset)
                }
            }
            return .reference(path: path, offset: offset)
        case .end:
            throw ExpressionError(message: "the expression ends too early", offset: offset,
                                  hint: "a value is missing after the last operator")
        default:
            throw ExpressionError(message: "unexpected \(Self.describe(token))", offset: offset)
        }
    }

    private static func describe(_ token: Token) -> String {
        switch token {
        case .identifier(let s): "'\(s)'"
        case .number(let v): "number \(v.interpolated)"
        case .string(let s): "text '\(s)'"
        case .op(let s): "'\(s)'"
        case .dot: "'.'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .end: "end of expression"
        }
    }

    private static func tokenize(_ text: String) throws(ExpressionError) -> [(token: Token, offset: Int)] {
        let scalars = Array(text.unicodeScalars)
        var result: [(Token, Int)] = []
        var i = 0
        func isIdentifierStart(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic }
        func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
            isIdentifierStart(c) || c == "-" || ("0"..."9").contains(c)
        }
        while i < scalars.count {
            let c = scalars[i]
            let start = i
            if c == " " || c == "\t" || c == "\n" {
                i += 1
                continue
            }
            if ("0"..."9").contains(c) || (c == "-" && i + 1 < scalars.count && ("0"..."9").contains(scalars[i + 1])) {
                i += 1
                while i < scalars.count, ("0"..."9").contains(scalars[i]) || scalars[i] == "." { i += 1 }
                let literal = String(String.UnicodeScalarView(scalars[start..<i]))
                if let n = Int(literal) {
                    result.append((.number(.int(n)), start))
                } else if let d = Double(literal) {
                    result.append((.number(.double(d)), start))
                } else {
                    throw ExpressionError(message: "'\(literal)' is not a number", offset: start)
                }
                continue
            }
            if isIdentifierStart(c) {
                while i < scalars.count, isIdentifierPart(scalars[i]) { i += 1 }
                result.append((.identifier(String(String.UnicodeScalarView(scalars[start..<i]))), start))
                continue
            }
            if c == "'" || c == "\"" {
                var value = String.UnicodeScalarView()
                i += 1
                var closed = false
                while i < scalars.count {
                    if scalars[i] == c {
                        if c == "'", i + 1 < scalars.count, scalars[i + 1] == "'" {
                            value.append("'")
                            i += 2
                            continue
                        }
                        closed = true
                        i += 1
                        break
                    }
                    value.append(scalars[i])
                    i += 1
                }
                guard closed else {
                    throw ExpressionError(message: "text starting here has no closing \(c)", offset: start)
                }
                result.append((.string(String(value)), start))
                continue
            }
            let two = i + 1 < scalars.count ? String(String.UnicodeScalarView([c, scalars[i + 1]])) : ""
            if ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
                result.append((.op(two), start))
                i += 2
                continue
            }
            switch c {
            case "<", ">", "!": result.append((.op(String(c)), start))
            case ".": result.append((.dot, start))
            case "(": result.append((.leftParen, start))
            case ")": result.append((.rightParen, start))
            case "=":
                throw ExpressionError(message: "'=' is not an operator", offset: start, hint: "compare with '=='")
            case "&", "|":
                throw ExpressionError(message: "'\(c)' is not an operator", offset: start,
                                      hint: "write '\(c)\(c)' for \(c == "&" ? "and" : "or")")
            default:
                throw ExpressionError(message: "unexpected character '\(c)'", offset: start)
            }
            i += 1
        }
        result.append((.end, scalars.count))
        return result
    }
}
