import Foundation

/// A definition that passed validation, with its step graph: the only thing the engine runs.
public struct ValidatedWorkflow: Sendable {
    public var definition: WorkflowDefinition
    public let graph: StepGraph
    public let order: [Int]
    /// The plugins its steps use: the compiled-in ones and the definition's external ones.
    public let registry: PluginRegistry
}

/// Checks a definition like a compiler: every problem at once, each with file:line:col.
public struct Validator: Sendable {
    public let registry: PluginRegistry
    /// False where a definition's programs must not be run (the fuzzer): its `plugins:` are then
    /// refused as a validation error instead of described.
    public let runsExternalPlugins: Bool

    public init(registry: PluginRegistry, runsExternalPlugins: Bool = true) {
        self.registry = registry
        self.runsExternalPlugins = runsExternalPlugins
    }

    /// Reads and validates a definition file. Throws `WorkflowError` (exit 65) listing every diagnostic.
    public func validate(path: String, inputs: [String: String] = [:]) throws -> ValidatedWorkflow {
        try validate(file: SourceFile.read(path: path), inputs: inputs)
    }

    /// `inputs`: the values of a template's inputs (`--input NAME=VALUE`); a template needs its
    /// required ones, a plain definition none.
    public func validate(file: SourceFile, inputs: [String: String] = [:]) throws -> ValidatedWorkflow {
        let workflow = try validateAsWritten(file: file)
        if workflow.definition.madeFromTemplate, let name = inputs.keys.sorted().first {
            throw WorkflowError.usage(ValidationMessages.inputOfInstance(["name": name, "path": file.path]), hint: ValidationMessages.changeItThere())
        }
        guard workflow.definition.isTemplate, !workflow.definition.madeFromTemplate else {
            if let name = inputs.keys.sorted().first {
                throw WorkflowError.usage(ValidationMessages.notTemplateInput(["name": name, "path": file.path]), hint: ValidationMessages.useVar())
            }
            return workflow
        }
        let given = inputs.mapValues { GivenInput(.string($0)) }
        let (made, problems) = instantiate(workflow, with: given)
        guard let made else {
            throw WorkflowError.usage(ValidationMessages.isTemplate(["path": file.path], words: ["problems": Message.joined(problems.map(\.wording), separator: "; ")]),
                                      hint: ValidationMessages.giveInputs(["inputs": workflow.definition.inputs.map(\.summary).joined(separator: "; ")]))
        }
        return made
    }

    /// A template as written (not yet made into a campaign), or a plain definition; an instance
    /// file comes back made from its template.
    func validateAsWritten(file: SourceFile) throws -> ValidatedWorkflow {
        let (workflow, diagnostics) = check(file: file)
        guard let workflow, !diagnostics.contains(where: { $0.severity == .error }) else {
            let count = diagnostics.filter { $0.severity == .error }.count
            var error = WorkflowError(.invalidInput, count == 1 ? ValidationMessages.fileError(["path": file.path])
                                        : ValidationMessages.fileErrors(["path": file.path, "count": "\(count)"]))
            error.diagnostics = diagnostics
            error.file = file
            throw error
        }
        return workflow
    }

    /// All diagnostics for a file, and the validated workflow when there are no errors.
    public func check(file: SourceFile) -> (ValidatedWorkflow?, [Diagnostic]) {
        let root: SourceNode?
        switch SourceNode.parse(file) {
        case .success(let node): root = node
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        if let root, root.entries?.contains(where: { $0.key == "uses" }) == true {
            return checkInstance(file: file, root: root)
        }
        var loader = DefinitionLoader(file: file)
        guard let definition = loader.load(root) else { return (nil, loader.diagnostics.sorted) }
        var diagnostics = loader.diagnostics
        // The definition's external plugins join the compiled-in ones for the rest of the checks.
        var external: [Plugin] = []
        if runsExternalPlugins {
            external = ExternalPluginCatalog.plugins(of: definition, besides: registry, diagnostics: &diagnostics)
        } else if let first = definition.plugins.first {
            diagnostics.error(ValidationMessages.externalNotRun(), at: first.nameLocation, length: first.name.count)
        }
        let scoped = Validator(registry: registry.adding(external), runsExternalPlugins: runsExternalPlugins)
        let graph = StepGraph(steps: definition.steps)
        scoped.checkSteps(definition, graph: graph, into: &diagnostics)
        let order = graph.topologicalOrder
        if order == nil { reportCycles(definition, graph: graph, into: &diagnostics) }
        scoped.checkExpressions(definition, graph: graph, into: &diagnostics)
        checkTemplate(definition, into: &diagnostics)
        checkKind(definition, into: &diagnostics)
        let sorted = diagnostics.sorted
        guard !diagnostics.hasErrors, let order else { return (nil, sorted) }
        return (ValidatedWorkflow(definition: definition, graph: graph, order: order, registry: scoped.registry), sorted)
    }

    /// `kind:` must be one a compiled-in plugin declares (or `other`).
    private func checkKind(_ definition: WorkflowDefinition, into diagnostics: inout DiagnosticList) {
        guard let location = definition.kindLocation else { return }
        let known = registry.campaignKinds.map(\.rawValue)
        let kind = definition.kind.rawValue
        guard !known.contains(kind) else { return }
        diagnostics.error(DefinitionMessages.unknownKind(["kind": kind]), at: location, length: kind.count,
                          hint: Suggestions.message(for: kind, among: known))
    }

    // MARK: - Steps, needs, actions, parameters

    private func checkSteps(_ definition: WorkflowDefinition, graph: StepGraph, into diagnostics: inout DiagnosticList) {
        var firstSeen: [String: SourceLocation] = [:]
        for step in definition.steps where !step.id.isEmpty {
            if let first = firstSeen[step.id] {
                diagnostics.error(ValidationMessages.duplicateStep(["id": step.id, "line": "\(first.line)"]), at: step.idLocation,
                                  length: step.id.count, hint: ValidationMessages.duplicateStepHint())
            } else {
                firstSeen[step.id] = step.idLocation
            }
            for need in step.needs {
                if need.id == step.id {
                    diagnostics.error(ValidationMessages.needsItself(["step": step.id]), at: need.location, length: need.id.count)
                } else if graph.index[need.id] == nil {
                    diagnostics.error(ValidationMessages.needsUnknown(["step": step.id, "need": need.id]), at: need.location,
                                      length: need.id.count,
                                      hint: Suggestions.message(for: need.id, among: graph.ids.filter { $0 != step.id }))
                }
            }
            checkAction(step, definition: definition, into: &diagnostics)
        }
    }

    private func checkAction(_ step: StepDefinition, definition: WorkflowDefinition,
                             into diagnostics: inout DiagnosticList) {
        guard !step.uses.isEmpty else { return }
        let parts = step.uses.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            diagnostics.error(ValidationMessages.usesNotAction(["uses": step.uses]), at: step.usesLocation, length: step.uses.count,
                              hint: Suggestions.message(for: step.uses, among: registry.actionNames))
            return
        }
        // A name the action had before it moved to another plugin (whose old plugin may be gone).
        if let now = registry.renamed[step.uses], let action = registry.action(step.uses) {
            diagnostics.warning(ValidationMessages.actionRenamed(["uses": step.uses, "now": now]), at: step.usesLocation, length: step.uses.count,
                                hint: ValidationMessages.actionRenamedHint(["now": now]))
            checkParameters(step, action: action.descriptor, definition: definition, into: &diagnostics)
            return
        }
        guard let plugin = registry.plugin(parts[0]) else {
            let guess = Suggestions.closest(to: step.uses, among: registry.actionNames)
                ?? Suggestions.closest(to: parts[0], among: registry.plugins.map(\.name)).map { "\($0).\(parts[1])" }
            diagnostics.error(ValidationMessages.unknownPlugin(["plugin": parts[0]]), at: step.usesLocation, length: parts[0].count,
                              hint: guess.map { EngineMessages.didYouMean(["name": $0]) }
                                ?? ValidationMessages.knownPlugins(["names": registry.plugins.map(\.name).joined(separator: ", ")]))
            return
        }
        guard let action = registry.action(step.uses) else {
            let names = plugin.actions.map(\.fullName)
            diagnostics.error(ValidationMessages.noSuchAction(["plugin": plugin.name, "action": parts[1]]),
                              at: step.usesLocation.advanced(by: parts[0].count + 1), length: parts[1].count,
                              hint: Suggestions.message(for: step.uses, among: names))
            return
        }
        checkParameters(step, action: action.descriptor, definition: definition, into: &diagnostics)
    }

    private func checkParameters(_ step: StepDefinition, action: ActionDescriptor, definition: WorkflowDefinition,
                                 into diagnostics: inout DiagnosticList) {
        var literals: [String: Value] = [:]
        var given = Set<String>()
        for parameter in step.with {
            given.insert(parameter.name)
            guard let spec = action.parameter(parameter.name) else {
                diagnostics.error(ValidationMessages.noSuchParameter(["uses": step.uses, "name": parameter.name]),
                                  at: parameter.nameLocation, length: parameter.name.count,
                                  hint: Suggestions.message(for: parameter.name, among: action.parameters.map(\.name)))
                continue
            }
            guard !ParameterBinding.containsExpression(parameter.node) else { continue }
            let value = parameter.node.value
            if case .null = value {
                if spec.required {
                    diagnostics.error(ValidationMessages.parameterNeedsValue(["name": parameter.name, "uses": step.uses]),
                                      at: parameter.nameLocation, length: parameter.name.count, hint: .verbatim(spec.doc))
                }
                continue
            }
            switch ParameterBinding.coerce(value, to: spec.type, timeZone: definition.timeZone) {
            case .failure(let why):
                diagnostics.error(ValidationMessages.parameterProblem(["name": parameter.name], words: ["why": why.wording]),
                                  at: parameter.node.location, length: value.interpolated.count, hint: .verbatim(spec.doc))
            case .success(let coerced):
                literals[parameter.name] = coerced
                if spec.type == .file, case .string(let path) = coerced {
                    let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
                        : definition.directory.appendingPathComponent(path)
                    if !FileManager.default.fileExists(atPath: url.path) {
                        diagnostics.error(ValidationMessages.missingFile(["path": path, "looked": url.path]), at: parameter.node.location,
                                          length: path.count, hint: ValidationMessages.pathsRelative(["file": definition.file.path]))
                    }
                }
            }
        }
        for spec in action.parameters where spec.required && !given.contains(spec.name) {
            diagnostics.error(ValidationMessages.missingParameter(["uses": step.uses, "name": spec.name, "type": spec.type.rawValue,
                                                  "doc": spec.doc]),
                              at: step.usesLocation, length: step.uses.count, hint: ValidationMessages.addUnderWith())
        }
        for problem in action.check?(GivenParameters(names: given, literals: literals)) ?? [] {
            let location = problem.parameter.flatMap { name in step.with.first { $0.name == name }?.node.location }
            diagnostics.error(problem.wording, at: location ?? step.usesLocation,
                              length: location == nil ? step.uses.count : 1, hint: problem.hintWording)
        }
    }

    private func reportCycles(_ definition: WorkflowDefinition, graph: StepGraph, into diagnostics: inout DiagnosticList) {
        for cycle in graph.cycles {
            let path = cycle.map { graph.ids[$0] }.joined(separator: " -> ")
            let last = definition.steps[cycle[cycle.count - 2]]
            let closing = last.needs.first { $0.id == graph.ids[cycle.last!] }
            diagnostics.error(ValidationMessages.cycle(["path": path]), at: closing?.location ?? last.idLocation,
                              length: closing?.id.count ?? last.id.count, hint: ValidationMessages.cycleHint())
        }
    }

    // MARK: - Expressions

    /// Where an expression was written: `if:` may ask how needs ended, `with:` may not, and
    /// `for_each:` itself is read before there is an item.
    private enum ExpressionPlace { case condition, parameter, fanOutList }

    private func checkExpressions(_ definition: WorkflowDefinition, graph: StepGraph,
                                  into diagnostics: inout DiagnosticList) {
        let varNames = definition.vars.map(\.name)
        for (stepIndex, step) in definition.steps.enumerated() {
            var found: [(Expression, SourceLocation, ExpressionPlace)] = []
            if let condition = step.condition { found.append((condition.expression, condition.location, .condition)) }
            var templates: [(Expression, SourceLocation)] = []
            for parameter in step.with {
                collectTemplates(parameter.node, file: definition.file, into: &templates, diagnostics: &diagnostics)
            }
            found += templates.map { ($0.0, $0.1, .parameter) }
            var listTemplates: [(Expression, SourceLocation)] = []
            if let fanOut = step.fanOut {
                collectTemplates(fanOut.node, file: definition.file, into: &listTemplates, diagnostics: &diagnostics)
            }
            found += listTemplates.map { ($0.0, $0.1, .fanOutList) }
            let items = step.fanOut.flatMap { knownItems($0, definition: definition) }
            for (expression, location, place) in found {
                if place != .condition {
                    for (function, offset) in expression.statusFunctions {
                        diagnostics.error(ValidationMessages.statusOutsideIf(["function": function.rawValue]),
                                          at: location.advanced(by: offset), length: function.rawValue.count + 2,
                                          hint: ValidationMessages.statusOutsideIfHint())
                    }
                }
                for (path, offset) in expression.references {
                    let at = location.advanced(by: offset)
                    switch path[0] {
                    case "item":
                        checkItem(path, at: at, step: step, place: place, items: items, into: &diagnostics)
                    case "needs":
                        checkNeedsResult(path, at: at, step: step, into: &diagnostics)
                    case "inputs":
                        checkInput(path, at: at, definition: definition, into: &diagnostics)
                    default:
                        checkReference(path, at: at, step: stepIndex, varNames: varNames,
                                       definition: definition, graph: graph, into: &diagnostics)
                    }
                }
            }
            if let fanOut = step.fanOut { checkFanOutList(fanOut, definition: definition, into: &diagnostics) }
        }
    }

    /// The items a `for_each` will go over, when they are known before running (a list written out,
    /// or a variable's list).
    private func knownItems(_ fanOut: StepDefinition.FanOut, definition: WorkflowDefinition) -> [Value]? {
        if case .sequence = fanOut.node.kind {
            guard !ParameterBinding.containsExpression(fanOut.node), case .array(let items) = fanOut.node.value
            else { return nil }
            return items
        }
        guard let variable = fanOutVariable(fanOut, definition: definition), case .array(let items) = variable.value
        else { return nil }
        return items
    }

    /// A `for_each` that is exactly one declared variable (`${{ vars.batches }}`): its path, its value and
    /// the expression's text — what validation can know of the list before running.
    private func fanOutVariable(_ fanOut: StepDefinition.FanOut, definition: WorkflowDefinition)
        -> (path: [String], value: Value, source: String)? {
        guard case .scalar(let s) = fanOut.node.kind, let template = try? Template.parse(s.text),
              case .expression(let expression, let source, _)? = template.parts.first,
              case .reference(let path, _) = expression, path.first == "vars", path.count >= 2,
              definition.vars.contains(where: { $0.name == path[1] }) else { return nil }
        return (path, expression.evaluate(in: ExpressionScope(vars: definition.variableValues)), source)
    }

    private func checkItem(_ path: [String], at location: SourceLocation, step: StepDefinition, place: ExpressionPlace,
                           items: [Value]?, into diagnostics: inout DiagnosticList) {
        let text = path.joined(separator: ".")
        guard step.fanOut != nil else {
            diagnostics.error(ValidationMessages.itemWithoutFanOut(["step": step.id]), at: location, length: text.count,
                              hint: ValidationMessages.itemWithoutFanOutHint())
            return
        }
        guard place != .fanOutList else {
            diagnostics.error(ValidationMessages.itemInFanOut(), at: location, length: text.count, hint: ValidationMessages.itemInFanOutHint())
            return
        }
        guard path.count >= 2, let items, !items.isEmpty else { return }
        let key = path[1]
        let keyLocation = location.advanced(by: 5)
        let maps = items.compactMap { if case .object(let o) = $0 { o } else { nil } }
        guard maps.count == items.count else {
            diagnostics.error(ValidationMessages.itemHasNoKeys(["key": key], words: ["type": items[0].typeWord]), at: keyLocation,
                              length: key.count, hint: ValidationMessages.itemHasNoKeysHint())
            return
        }
        guard maps.contains(where: { $0[key] != nil }) else {
            let keys = Set(maps.flatMap(\.keys)).sorted()
            diagnostics.error(ValidationMessages.noItemHasKey(["key": key]), at: keyLocation, length: key.count,
                              hint: Suggestions.message(for: key, among: keys)
                                ?? ValidationMessages.itemKeys(["keys": keys.joined(separator: ", ")]))
            return
        }
    }

    private func checkNeedsResult(_ path: [String], at location: SourceLocation, step: StepDefinition,
                                  into diagnostics: inout DiagnosticList) {
        let text = path.joined(separator: ".")
        guard path.count == 3, path[2] == "result" else {
            diagnostics.error(ValidationMessages.needsReadAsResult(["text": text]), at: location, length: text.count,
                              hint: path.count >= 3 && path[2] == "outputs"
                                ? ValidationMessages.readOutputsAs(["step": path[1], "rest": path.dropFirst(3).joined(separator: ".")]) : nil)
            return
        }
        guard step.needIDs.contains(path[1]) else {
            diagnostics.error(ValidationMessages.doesNotNeed(["step": step.id, "need": path[1]]), at: location.advanced(by: 6),
                              length: path[1].count,
                              hint: Suggestions.message(for: path[1], among: step.needIDs) ?? ValidationMessages.addToNeeds(["need": path[1]]))
            return
        }
    }

    private func checkFanOutList(_ fanOut: StepDefinition.FanOut, definition: WorkflowDefinition,
                                 into diagnostics: inout DiagnosticList) {
        guard case .scalar(let s) = fanOut.node.kind,
              let (path, value, source) = fanOutVariable(fanOut, definition: definition) else { return }
        if case .array(let items) = value {
            if items.count > DefinitionLoader.fanOutLimit {
                diagnostics.error(ValidationMessages.fanOutTooMany(["source": source.trimmingCharacters(in: .whitespaces),
                                                   "count": "\(items.count)", "limit": "\(DefinitionLoader.fanOutLimit)"]),
                                  at: fanOut.location, length: s.text.unicodeScalars.count)
            }
            return
        }
        let needsList = ValidationMessages.fanOutNeedsList(["path": path.joined(separator: ".")], words: ["type": value.typeWord])
        diagnostics.error(value.typeName == "text" ? needsList + ValidationMessages.quotedText(["text": String(value.interpolated.prefix(40))])
                            : needsList,
                          at: fanOut.location, length: s.text.unicodeScalars.count,
                          hint: ValidationMessages.declareListHint(["name": path[1]]))
    }

    private func collectTemplates(_ node: SourceNode, file: SourceFile, into found: inout [(Expression, SourceLocation)],
                                  diagnostics: inout DiagnosticList) {
        switch node.kind {
        case .scalar(let s) where s.text.contains("${{"):
            let start = file.contentStart(of: node)
            do {
                let template = try Template.parse(s.text)
                for (expression, offset) in template.expressions { found.append((expression, start.advanced(by: offset))) }
            } catch {
                diagnostics.error(DefinitionMessages.invalidExpression() + error.wording, at: start.advanced(by: error.offset),
                                  hint: error.hintWording)
            }
        case .scalar: break
        case .sequence(let items): items.forEach { collectTemplates($0, file: file, into: &found, diagnostics: &diagnostics) }
        case .mapping(let entries):
            entries.forEach { collectTemplates($0.value, file: file, into: &found, diagnostics: &diagnostics) }
        }
    }

    private func checkReference(_ path: [String], at location: SourceLocation, step: Int, varNames: [String],
                                definition: WorkflowDefinition, graph: StepGraph,
                                into diagnostics: inout DiagnosticList) {
        let text = path.joined(separator: ".")
        switch path[0] {
        case "vars":
            guard path.count >= 2 else {
                diagnostics.error(ValidationMessages.varsNeedsName(), at: location, length: text.count)
                return
            }
            if !varNames.contains(path[1]) {
                diagnostics.error(ValidationMessages.unknownVariable(["name": path[1]]), at: location.advanced(by: 5), length: path[1].count,
                                  hint: Suggestions.message(for: path[1], among: varNames) ?? ValidationMessages.declareUnderVars())
            }
        case "steps":
            guard path.count >= 4, path[2] == "outputs" else {
                diagnostics.error(ValidationMessages.stepReferenceShape(["text": text]),
                                  at: location, length: text.count)
                return
            }
            let target = path[1]
            let targetLocation = location.advanced(by: 6)
            guard let targetIndex = graph.index[target] else {
                diagnostics.error(ValidationMessages.noStepWithID(["id": target]), at: targetLocation, length: target.count,
                                  hint: Suggestions.message(for: target, among: graph.ids))
                return
            }
            guard graph.isUpstream(targetIndex, of: step) else {
                diagnostics.error(ValidationMessages.notUpstream(["step": graph.ids[step], "target": target]), at: targetLocation,
                                  length: target.count, hint: ValidationMessages.addToNeeds(["need": target]))
                return
            }
            let targetStep = definition.steps[targetIndex]
            if let action = registry.action(targetStep.uses) {
                let outputs = action.descriptor.outputs.map(\.name)
                if !outputs.contains(path[3]) {
                    let keyLocation = location.advanced(by: "steps.\(target).outputs.".unicodeScalars.count)
                    diagnostics.error(ValidationMessages.noSuchOutput(["uses": targetStep.uses, "target": target, "output": path[3]]),
                                      at: keyLocation, length: path[3].count,
                                      hint: Suggestions.message(for: path[3], among: outputs) ?? ValidationMessages.noOutputs())
                }
            }
        default:
            diagnostics.error(ValidationMessages.unknownName(["name": path[0]]), at: location, length: path[0].count,
                              hint: Suggestions.message(for: path[0], among: ["vars", "steps", "needs", "item", "inputs"])
                                ?? ValidationMessages.expressionNames())
        }
    }
}
