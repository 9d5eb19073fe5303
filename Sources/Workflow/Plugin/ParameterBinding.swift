import Foundation

/// Turns a step's `with:` into the value its action decodes: expressions filled in, defaults
/// applied, types coerced by the declared schema. The same rules serve validation (on literal
/// values) and running (on evaluated values), so the two never disagree.
public enum ParameterBinding {
    /// The value of a `with:` node once its expressions are evaluated.
    public static func evaluate(_ node: SourceNode, in scope: ExpressionScope) -> Value {
        switch node.kind {
        case .scalar(let s):
            if s.text.contains("${{"), let template = try? Template.parse(s.text) {
                return template.evaluate(in: scope)
            }
            return s.isPlain ? SourceNode.resolvePlain(s.text) : .string(s.text)
        case .sequence(let items):
            return .array(items.map { evaluate($0, in: scope) })
        case .mapping(let entries):
            return .object(Dictionary(entries.map { ($0.key, evaluate($0.value, in: scope)) },
                                      uniquingKeysWith: { _, last in last }))
        }
    }

    /// True when a node (or anything inside it) holds `${{ }}`: its type is only known at run time.
    public static func containsExpression(_ node: SourceNode) -> Bool {
        switch node.kind {
        case .scalar(let s): s.text.contains("${{")
        case .sequence(let items): items.contains(where: containsExpression)
        case .mapping(let entries): entries.contains { containsExpression($0.value) }
        }
    }

    /// Converts a value to the declared type, or explains why it cannot be.
    public static func coerce(_ value: Value, to type: ParameterType, timeZone: TimeZone) -> Result<Value, TypeMismatch> {
        switch (type, value) {
        case (.string, .string), (.file, .string), (.outputPath, .string):
            return .success(value)
        case (.string, .int), (.string, .double), (.string, .bool):
            return .success(.string(value.interpolated))
        case (.string, .array), (.string, .object):
            // A list read into text (a fan-out's outputs in a message) reads as its JSON.
            return .success(.string(value.interpolated))
        case (.integer, .int):
            return .success(value)
        case (.integer, .double(let d)) where d == d.rounded() && abs(d) < 1e15:
            return .success(.int(Int(d)))
        case (.integer, .string(let s)) where Int(s.trimmingCharacters(in: .whitespaces)) != nil:
            return .success(.int(Int(s.trimmingCharacters(in: .whitespaces))!))
        case (.number, .int(let i)):
            return .success(.double(Double(i)))
        case (.number, .double):
            return .success(value)
        case (.number, .string(let s)) where Double(s) != nil:
            return .success(.double(Double(s)!))
        case (.boolean, .bool):
            return .success(value)
        case (.boolean, .string(let s)) where ["true", "false"].contains(s.lowercased()):
            return .success(.bool(s.lowercased() == "true"))
        case (.dateTime, .string(let s)):
            return TimeFormats.dateTime(s, timeZone: timeZone) != nil ? .success(value)
                : .failure(TypeMismatch(ParameterMessages.notDateTime(["text": s, "from": "\(TimeFormats.campaignYears.lowerBound)",
                                                       "to": "\(TimeFormats.campaignYears.upperBound)"])))
        case (.duration, .string(let s)):
            return TimeFormats.durationProblem(s).map { .failure(TypeMismatch($0)) } ?? .success(value)
        case (.duration, .int(let i)):
            return coerce(.string("\(i)s"), to: .duration, timeZone: timeZone)
        case (.stringList, .string), (.stringList, .int), (.stringList, .double):
            return .success(.array([.string(value.interpolated)]))
        case (.stringList, .array(let items)):
            guard items.allSatisfy({ if case .array = $0 { false } else if case .object = $0 { false } else { true } })
            else { return .failure(TypeMismatch(ParameterMessages.listOfSingleValues())) }
            return .success(.array(items.map { .string($0.interpolated) }))
        case (.object, .object):
            return .success(value)
        default:
            return .failure(TypeMismatch(value.typeName == "text"
                ? ParameterMessages.mustBeText(["text": value.interpolated], words: ["type": type.word, "actual": value.typeWord])
                : ParameterMessages.mustBe(words: ["type": type.word, "actual": value.typeWord])))
        }
    }

    /// Builds the parameter object for a step about to run. Errors name the file:line:col.
    public static func bind(step: StepDefinition, descriptor: ActionDescriptor, scope: ExpressionScope,
                            timeZone: TimeZone) throws(StepFailure) -> Value {
        var result: [String: Value] = [:]
        for parameter in step.with {
            guard let spec = descriptor.parameter(parameter.name) else { continue }
            let value = evaluate(parameter.node, in: scope)
            if case .null = value, !spec.required { continue }
            switch coerce(value, to: spec.type, timeZone: timeZone) {
            case .success(let v): result[parameter.name] = v
            case .failure(let why):
                throw StepFailure(RunEventMessages.parameterProblem(["location": "\(parameter.node.location)", "name": parameter.name],
                                                                    words: ["why": why.wording]).inProcessLanguage)
            }
        }
        for spec in descriptor.parameters where result[spec.name] == nil {
            if let d = spec.defaultValue {
                result[spec.name] = d
            } else if spec.required {
                throw StepFailure(RunEventMessages.parameterMissing(["location": "\(step.usesLocation)", "name": spec.name])
                    .inProcessLanguage)
            }
        }
        return .object(result)
    }
}

/// Why a value does not fit a parameter's declared type, in words for the user.
public struct TypeMismatch: Error, Sendable {
    public var wording: Message

    init(_ wording: Message) {
        self.wording = wording
    }

    /// In English, for logs and tests.
    public var reason: String { wording.text(.en) }
}

extension ParameterType {
    /// "an integer" / 整数, as a message names the type a value should have.
    public var word: Message {
        switch self {
        case .string: ParameterMessages.aText()
        case .integer: ParameterMessages.anInteger()
        case .number: ParameterMessages.aNumber()
        case .boolean: ParameterMessages.aBoolean()
        case .dateTime: ParameterMessages.aDateTime()
        case .duration: ParameterMessages.aDuration()
        case .stringList: ParameterMessages.aTextList()
        case .file: ParameterMessages.aFile()
        case .outputPath: ParameterMessages.anOutputPath()
        case .object: ParameterMessages.aMapping()
        }
    }
}

extension Value {
    /// "integer" / 整数, as a message names the type a value has.
    public var typeWord: Message {
        switch self {
        case .null: ParameterMessages.null()
        case .bool: ParameterMessages.boolean()
        case .int: ParameterMessages.integer()
        case .double: ParameterMessages.number()
        case .string: ParameterMessages.text()
        case .array: ParameterMessages.list()
        case .object: ParameterMessages.mapping()
        }
    }
}
