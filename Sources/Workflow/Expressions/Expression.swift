/// An expression inside `${{ }}`: literals, references (`vars.x`, `steps.a.outputs.n`),
/// comparisons, `&&`, `||`, `!` and parentheses — the subset of GitHub Actions' language that
/// campaign conditions need.
public indirect enum Expression: Sendable, Equatable {
    case literal(Value)
    /// A dotted path and the offset of its first character within the expression text.
    case reference(path: [String], offset: Int)
    case not(Expression)
    case binary(BinaryOperator, Expression, Expression)
    /// A status function — `success()`, `failure()`, `always()`, `cancelled()` — and where it starts.
    case status(StatusFunction, offset: Int)

    /// GitHub Actions' status check functions: what a step's `if:` asks about the steps it needs.
    public enum StatusFunction: String, Sendable, Equatable, CaseIterable {
        /// Every step it needs succeeded, and the run was not cancelled (what an `if:` without one means).
        case success
        /// A step it needs (or one further upstream) failed.
        case failure
        /// Always true: the step runs however its needs ended, even after a cancel.
        case always
        /// The run was cancelled.
        case cancelled
    }

    public enum BinaryOperator: String, Sendable, Equatable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case and = "&&", or = "||"
    }

    /// Every reference in the expression, for validation.
    public var references: [(path: [String], offset: Int)] {
        switch self {
        case .literal, .status: []
        case .reference(let path, let offset): [(path, offset)]
        case .not(let e): e.references
        case .binary(_, let l, let r): l.references + r.references
        }
    }

    /// Every status function in the expression, with its offset.
    public var statusFunctions: [(function: StatusFunction, offset: Int)] {
        switch self {
        case .literal, .reference: []
        case .status(let f, let offset): [(f, offset)]
        case .not(let e): e.statusFunctions
        case .binary(_, let l, let r): l.statusFunctions + r.statusFunctions
        }
    }
}

/// How the steps a step needs ended, as its status functions and `needs.ID.result` read it.
public struct NeedsStatus: Sendable, Equatable {
    /// Each need's result: success, failure, skipped or cancelled.
    public var results: [String: String]
    /// A need failed, or did not run because something further upstream failed.
    public var upstreamFailed: Bool
    public var runCancelled: Bool

    public init(results: [String: String], upstreamFailed: Bool, runCancelled: Bool) {
        self.results = results
        self.upstreamFailed = upstreamFailed
        self.runCancelled = runCancelled
    }

    public func value(of function: Expression.StatusFunction) -> Bool {
        switch function {
        case .success: !runCancelled && results.values.allSatisfy { $0 == "success" }
        case .failure: upstreamFailed
        case .always: true
        case .cancelled: runCancelled
        }
    }
}

/// Where the values of references come from when an expression is evaluated.
public struct ExpressionScope: Sendable {
    public var vars: [String: Value]
    /// Outputs of finished steps, by step id (a `for_each` step's: each output as the list of its instances').
    public var stepOutputs: [String: [String: Value]]
    /// The item of the fan-out instance being run (`${{ item }}`), if it is one.
    public var item: Value?
    /// How the step's needs ended, when it is being decided.
    public var needs: NeedsStatus?
    /// A template's inputs, as the campaign made from it gave them (`${{ inputs.NAME }}`).
    public var inputs: [String: Value] = [:]

    public init(vars: [String: Value], stepOutputs: [String: [String: Value]] = [:], item: Value? = nil,
                needs: NeedsStatus? = nil) {
        self.vars = vars
        self.stepOutputs = stepOutputs
        self.item = item
        self.needs = needs
    }

    /// Looks a path up; unknown names read as null, as in GitHub Actions
    /// (validation has already rejected names that cannot exist).
    public func resolve(_ path: [String]) -> Value {
        guard let root = path.first else { return .null }
        var current: Value
        var rest: ArraySlice<String>
        switch root {
        case "vars":
            guard path.count >= 2 else { return .object(vars) }
            current = vars[path[1]] ?? .null
            rest = path.dropFirst(2)
        case "steps":
            guard path.count >= 4, path[2] == "outputs" else { return .null }
            current = stepOutputs[path[1]]?[path[3]] ?? .null
            rest = path.dropFirst(4)
        case "item":
            current = item ?? .null
            rest = path.dropFirst(1)
        case "inputs":
            guard path.count >= 2 else { return .object(inputs) }
            current = inputs[path[1]] ?? .null
            rest = path.dropFirst(2)
        case "needs":
            guard path.count == 3, path[2] == "result" else { return .null }
            return (needs?.results[path[1]]).map(Value.string) ?? .null
        default:
            return .null
        }
        for key in rest {
            guard case .object(let o) = current else { return .null }
            current = o[key] ?? .null
        }
        return current
    }
}

extension Expression {
    public func evaluate(in scope: ExpressionScope) -> Value {
        switch self {
        case .literal(let v):
            return v
        case .reference(let path, _):
            return scope.resolve(path)
        case .not(let e):
            return .bool(!e.evaluate(in: scope).isTruthy)
        case .status(let function, _):
            return .bool(scope.needs?.value(of: function) ?? (function == .always))
        case .binary(.and, let l, let r):
            let left = l.evaluate(in: scope)
            return left.isTruthy ? r.evaluate(in: scope) : left
        case .binary(.or, let l, let r):
            let left = l.evaluate(in: scope)
            return left.isTruthy ? left : r.evaluate(in: scope)
        case .binary(let op, let l, let r):
            return .bool(Self.compare(op, l.evaluate(in: scope), r.evaluate(in: scope)))
        }
    }

    /// Strings compare case-insensitively like GitHub Actions; numbers numerically, also when one
    /// side is numeric text (a var given on the command line is text).
    static func compare(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Bool {
        let ordering: Int?
        switch (a, b) {
        case (.null, .null): ordering = 0
        case (.null, _), (_, .null): ordering = nil
        case (.string(let x), .string(let y)):
            let (lx, ly) = (x.lowercased(), y.lowercased())
            ordering = lx == ly ? 0 : (lx < ly ? -1 : 1)
        case (.bool(let x), .bool(let y)): ordering = x == y ? 0 : (!x ? -1 : 1)
        default:
            if let x = a.number, let y = b.number {
                ordering = x == y ? 0 : (x < y ? -1 : 1)
            } else {
                ordering = a == b ? 0 : nil
            }
        }
        switch op {
        case .equal: return ordering == 0
        case .notEqual: return ordering != 0
        case .less: return ordering.map { $0 < 0 } ?? false
        case .lessOrEqual: return ordering.map { $0 <= 0 } ?? false
        case .greater: return ordering.map { $0 > 0 } ?? false
        case .greaterOrEqual: return ordering.map { $0 >= 0 } ?? false
        case .and, .or: return false
        }
    }
}
