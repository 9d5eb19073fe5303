
/// A problem in an expression, with the offset (in Unicode scalars) where it starts.
public struct ExpressionError: Error, Sendable, Equatable {
    /// What is wrong, worded per reader (`ExpressionMessages`).
    public var wording: Message
    public var offset: Int
    public var hintWording: Message?

    public init(_ wording: Message, offset: Int, hint: Message? = nil) {
        self.wording = wording
        self.offset = offset
        self.hintWording = hint
    }

    /// A problem given in plain English words (what a test expects).
    public init(message: String, offset: Int, hint: String? = nil) {
        self.init(.verbatim(message), offset: offset, hint: hint.map(Message.verbatim))
    }

    /// The message in English, for logs and tests.
    public var message: String { wording.text(.en) }
    public var hint: String? { hintWording?.text(.en) }

    /// Two problems are the same when they say the same at the same place.
    public static func == (lhs: ExpressionError, rhs: ExpressionError) -> Bool {
        lhs.message == rhs.message && lhs.offset == rhs.offset && lhs.hint == rhs.hint
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
            throw ExpressionError(ExpressionMessages.tooLong(["limit": "\(longest)"]), offset: longest, hint: ExpressionMessages.tooLongHint())
        }
        var parser = ExpressionParser()
        parser.tokens = try tokenize(text)
        guard parser.tokens.count > 1 else {
            throw ExpressionError(ExpressionMessages.empty(), offset: 0, hint: ExpressionMessages.emptyHint())
        }
        let expression = try parser.parseOr()
        let (token, offset) = parser.tokens[parser.index]
        guard token == .end else {
            throw ExpressionError(ExpressionMessages.afterComplete(words: ["token": describe(token)]), offset: offset, hint: ExpressionMessages.joinHint())
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
            throw ExpressionError(ExpressionMessages.tooDeep(["limit": "\(Self.deepest)"]), offset: offset, hint: ExpressionMessages.tooDeepHint())
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
                throw ExpressionError(ExpressionMessages.unclosedParen(), offset: offset,
                                      hint: closing == .end ? nil
                                        : ExpressionMessages.foundAt(["offset": "\(closingOffset)"], words: ["token": Self.describe(closing)]))
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
                    throw ExpressionError(ExpressionMessages.unknownFunction(["name": name]), offset: offset,
                                          hint: Suggestions.closest(to: name, among: Expression.StatusFunction.allCases
                                                                        .map(\.rawValue))
                                            .map { ExpressionMessages.didYouMeanFunction(["name": $0, "known": known]) }
                                            ?? ExpressionMessages.functionsAre(["known": known]))
                }
                guard closing == .rightParen else {
                    throw ExpressionError(ExpressionMessages.takesNothing(["name": name]), offset: closingOffset,
                                          hint: ExpressionMessages.write(["text": "\(name)()"]))
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
                    throw ExpressionError(ExpressionMessages.nameAfterDot(), offset: partOffset)
                }
            }
            return .reference(path: path, offset: offset)
        case .end:
            throw ExpressionError(ExpressionMessages.endsEarly(), offset: offset, hint: ExpressionMessages.endsEarlyHint())
        default:
            throw ExpressionError(ExpressionMessages.unexpected(words: ["token": Self.describe(token)]), offset: offset)
        }
    }

    private static func describe(_ token: Token) -> Message {
        switch token {
        case .identifier(let s): .verbatim("'\(s)'")
        case .number(let v): ExpressionMessages.numberToken(["value": v.interpolated])
        case .string(let s): ExpressionMessages.textToken(["text": s])
        case .op(let s): .verbatim("'\(s)'")
        case .dot: .verbatim("'.'")
        case .leftParen: .verbatim("'('")
        case .rightParen: .verbatim("')'")
        case .end: ExpressionMessages.endToken()
        }
    }

    private static func tokenize(_ text: String) throws(ExpressionError) -> [(token: Token, offset: Int)] {
        let scalars = Array(text.unicodeScalars)
        var result: [(Token, Int)] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            let start = i
            if c == " " || c == "\t" || c == "\n" {
                i += 1
            } else if isDigit(c) || (c == "-" && i + 1 < scalars.count && isDigit(scalars[i + 1])) {
                result.append((try number(scalars, at: &i), start))
            } else if isIdentifierStart(c) {
                while i < scalars.count, isIdentifierPart(scalars[i]) { i += 1 }
                result.append((.identifier(String(String.UnicodeScalarView(scalars[start..<i]))), start))
            } else if c == "'" || c == "\"" {
                result.append((try quoted(scalars, at: &i), start))
            } else {
                result.append((try symbol(scalars, at: &i), start))
            }
        }
        result.append((.end, scalars.count))
        return result
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    private static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic }
    private static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || c == "-" || isDigit(c) }

    /// A number from `i` (a minus sign included), whole or decimal; `i` moves past it.
    private static func number(_ scalars: [Unicode.Scalar], at i: inout Int) throws(ExpressionError) -> Token {
        let start = i
        i += 1
        while i < scalars.count, isDigit(scalars[i]) || scalars[i] == "." { i += 1 }
        let literal = String(String.UnicodeScalarView(scalars[start..<i]))
        if let n = Int(literal) { return .number(.int(n)) }
        if let d = Double(literal) { return .number(.double(d)) }
        throw ExpressionError(ExpressionMessages.notANumber(["text": literal]), offset: start)
    }

    /// A text in quotes from `i` (a doubled `''` inside single quotes is one quote); `i` moves past it.
    private static func quoted(_ scalars: [Unicode.Scalar], at i: inout Int) throws(ExpressionError) -> Token {
        let start = i, quote = scalars[i]
        var value = String.UnicodeScalarView()
        i += 1
        while i < scalars.count {
            if scalars[i] == quote {
                if quote == "'", i + 1 < scalars.count, scalars[i + 1] == "'" {
                    value.append("'")
                    i += 2
                    continue
                }
                i += 1
                return .string(String(value))
            }
            value.append(scalars[i])
            i += 1
        }
        throw ExpressionError(ExpressionMessages.unclosedText(["quote": String(quote)]), offset: start)
    }

    /// An operator, a dot or a parenthesis from `i`; a lone `=`, `&` or `|` is refused with what was meant.
    private static func symbol(_ scalars: [Unicode.Scalar], at i: inout Int) throws(ExpressionError) -> Token {
        let c = scalars[i], start = i
        let two = i + 1 < scalars.count ? String(String.UnicodeScalarView([c, scalars[i + 1]])) : ""
        if ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
            i += 2
            return .op(two)
        }
        i += 1
        switch c {
        case "<", ">", "!": return .op(String(c))
        case ".": return .dot
        case "(": return .leftParen
        case ")": return .rightParen
        case "=":
            throw ExpressionError(ExpressionMessages.singleEquals(), offset: start, hint: ExpressionMessages.compareHint())
        case "&", "|":
            throw ExpressionError(ExpressionMessages.singleAmpersand(["c": String(c)]), offset: start, hint: c == "&" ? ExpressionMessages.doubleAnd() : ExpressionMessages.doubleOr())
        default:
            throw ExpressionError(ExpressionMessages.unexpectedCharacter(["c": String(c)]), offset: start)
        }
    }
}
