import Foundation

/// Templates: a definition with typed `inputs:`, and the campaigns made from it — by
/// `--input NAME=VALUE` or by an instance file that `uses:` it.
extension Validator {
    /// An input value given for a template, and where: a position in an instance file, or a flag.
    public struct GivenInput: Sendable {
        public var value: Value
        public var location: SourceLocation?

        public init(_ value: Value, at location: SourceLocation? = nil) {
            self.value = value
            self.location = location
        }
    }

    func checkInput(_ path: [String], at location: SourceLocation, definition: WorkflowDefinition,
                    into diagnostics: inout DiagnosticList) {
        let names = definition.inputs.map(\.name)
        guard path.count >= 2 else {
            diagnostics.error(ValidationMessages.inputsNeedsName(), at: location, length: 6)
            return
        }
        guard names.contains(path[1]) else {
            diagnostics.error(ValidationMessages.unknownInput(["name": path[1]]), at: location.advanced(by: 7), length: path[1].count,
                              hint: Suggestions.message(for: path[1], among: names) ?? ValidationMessages.declareUnderInputs())
            return
        }
    }

    /// The template's own rules: `name:`/`title:`/`date:` read only inputs, defaults fit their types.
    func checkTemplate(_ definition: WorkflowDefinition, into diagnostics: inout DiagnosticList) {
        guard definition.isTemplate else { return }
        for placeholder in definition.placeholders {
            let template: Template
            do {
                template = try Template.parse(placeholder.text)
            } catch {
                diagnostics.error(DefinitionMessages.invalidExpression() + error.wording,
                                  at: placeholder.location.advanced(by: error.offset), hint: error.hintWording)
                continue
            }
            for (expression, offset) in template.expressions {
                for (path, at) in expression.references {
                    let location = placeholder.location.advanced(by: offset + at)
                    if path.first == "inputs" {
                        checkInput(path, at: location, definition: definition, into: &diagnostics)
                    } else {
                        diagnostics.error(ValidationMessages.placeholderReadsOnlyInputs(["key": placeholder.key,
                                                                        "text": path.joined(separator: ".")]),
                                          at: location, length: path.joined(separator: ".").count,
                                          hint: placeholder.key.hasPrefix("vars.") ? ValidationMessages.varsKnownAtStart()
                                            : ValidationMessages.nameKnownFirst())
                    }
                }
            }
        }
        for input in definition.inputs {
            guard let value = input.defaultValue else { continue }
            if case .failure(let why) = input.coerce(value, timeZone: definition.timeZone) {
                diagnostics.error(ValidationMessages.badDefault(["name": input.name], words: ["why": why.wording]), at: input.location,
                                  length: input.name.count)
            }
        }
    }

    /// Makes a campaign from a validated template: every input given or defaulted and of its type,
    /// `name:`, `title:` and `date:` filled in. Problems point at the value given (in the instance
    /// file) and name the input's declaration in the template.
    public func instantiate(_ workflow: ValidatedWorkflow, with given: [String: GivenInput],
                            instance: SourceLocation? = nil) -> (ValidatedWorkflow?, [Diagnostic]) {
        var definition = workflow.definition
        var diagnostics = DiagnosticList()
        let declared = definition.inputs.map(\.name)
        let fallback = instance ?? SourceLocation(file: "--input", line: 0, column: 0)
        for (name, input) in given.sorted(by: { $0.key < $1.key }) where !declared.contains(name) {
            diagnostics.error(ValidationMessages.templateHasNoInput(["template": definition.file.path, "name": name]),
                              at: input.location ?? fallback, length: name.count,
                              hint: Suggestions.message(for: name, among: declared)
                                ?? ValidationMessages.itsInputs(["inputs": definition.inputs.map(\.summary).joined(separator: "; ")]))
        }
        var values: [String: Value] = [:]
        for input in definition.inputs {
            let declaredAt = "\(input.location)"
            guard let value = given[input.name]?.value ?? input.defaultValue else {
                if input.required {
                    diagnostics.error(ValidationMessages.inputRequired(["name": input.name, "declared": declaredAt]), at: fallback,
                                      hint: .verbatim(input.summary))
                }
                continue
            }
            switch input.coerce(value, timeZone: definition.timeZone) {
            case .success(let coerced): values[input.name] = coerced
            case .failure(let why):
                diagnostics.error(ValidationMessages.inputProblem(["name": input.name, "declared": declaredAt], words: ["why": why.wording]),
                                  at: given[input.name]?.location ?? input.location, length: value.interpolated.count,
                                  hint: input.doc.map(Message.verbatim))
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics.sorted) }
        definition.inputValues = values
        definition.madeFromTemplate = true
        var scope = ExpressionScope(vars: [:])
        scope.inputs = values
        for placeholder in definition.placeholders {
            guard let text = (try? Template.parse(placeholder.text))?.evaluate(in: scope).interpolated else { continue }
            switch placeholder.key {
            case "name":
                if !DefinitionLoader.isCampaignName(text) {
                    diagnostics.error(ValidationMessages.madeNameBad(["text": text]), at: placeholder.location,
                                      length: placeholder.text.count, hint: ValidationMessages.madeNameBadHint())
                }
                definition.name = text
            case "title":
                definition.title = text
            case let key where key.hasPrefix("vars."):
                let name = String(key.dropFirst(5))
                if let index = definition.vars.firstIndex(where: { $0.name == name }) { definition.vars[index].value = .string(text) }
            default:
                if let day = TimeFormats.day(text) { definition.heldOn = day } else {
                    diagnostics.error(ValidationMessages.madeDateBad(["text": text]),
                                      at: placeholder.location, length: placeholder.text.count)
                }
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics.sorted) }
        return (ValidatedWorkflow(definition: definition, graph: workflow.graph, order: workflow.order,
                                  registry: workflow.registry), [])
    }
}

extension Validator {
    /// An instance file: `uses: TEMPLATE` and `with:` its inputs. Problems in the template keep
    /// the template's positions (with its lines); problems with the values, the instance's.
    func checkInstance(file: SourceFile, root: SourceNode) -> (ValidatedWorkflow?, [Diagnostic]) {
        var diagnostics = DiagnosticList()
        let entries = root.entries ?? []
        for entry in entries where !["uses", "with"].contains(entry.key) {
            diagnostics.error(ValidationMessages.instanceUnknownKey(["key": entry.key]), at: entry.keyLocation, length: entry.key.count,
                              hint: ValidationMessages.instanceUnknownKeyHint())
        }
        guard let usesNode = entries.first(where: { $0.key == "uses" })?.value, let path = usesNode.scalar?.text,
              !path.isEmpty else {
            diagnostics.error(ValidationMessages.instanceUsesTemplate(), at: root.location)
            return (nil, diagnostics.sorted)
        }
        let directory = URL(fileURLWithPath: file.path).deletingLastPathComponent()
        let templatePath = path.hasPrefix("/") ? path
            : directory.appendingPathComponent(path).standardizedFileURL.path
        let template: SourceFile
        do {
            template = try SourceFile.read(path: templatePath)
        } catch {
            diagnostics.error(ValidationMessages.templateUnreadable(["path": path, "looked": templatePath]), at: usesNode.location,
                              length: path.count, hint: ValidationMessages.relativeToFolder(["file": file.path]))
            return (nil, diagnostics.sorted)
        }
        let (written, templateProblems) = check(file: template)
        let withLines = templateProblems.map { problem -> Diagnostic in
            var problem = problem
            problem.sourceLine = template.line(problem.location.line).map(String.init)
            return problem
        }
        guard let written, !templateProblems.contains(where: { $0.severity == .error }) else {
            diagnostics.error(ValidationMessages.templateHasErrors(["path": path,
                                                   "count": "\(templateProblems.filter { $0.severity == .error }.count)"]),
                              at: usesNode.location, length: path.count)
            return (nil, diagnostics.sorted + withLines)
        }
        guard written.definition.isTemplate else {
            diagnostics.error(ValidationMessages.notATemplate(["path": path]), at: usesNode.location, length: path.count,
                              hint: ValidationMessages.startItDirectly(["path": templatePath]))
            return (nil, diagnostics.sorted)
        }
        var given: [String: GivenInput] = [:]
        if let withNode = entries.first(where: { $0.key == "with" })?.value {
            if let fields = withNode.entries {
                for field in fields { given[field.key] = GivenInput(field.value.value, at: field.value.location) }
            } else {
                diagnostics.error(ValidationMessages.instanceWithNotMapping(), at: withNode.location)
            }
        }
        let (instantiated, problems) = instantiate(written, with: given, instance: usesNode.location)
        diagnostics.append(contentsOf: problems)
        guard var made = instantiated, !diagnostics.hasErrors else { return (nil, diagnostics.sorted) }
        made.definition.instanceFolder = directory.standardizedFileURL
        return (made, diagnostics.sorted)
    }
}
