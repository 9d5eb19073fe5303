import Foundation

/// A definition that passed validation, with its step graph: the only thing the engine runs.
public struct ValidatedWorkflow: Sendable {
    public let definition: WorkflowDefinition
    public let graph: StepGraph
    public let order: [Int]
}

/// Checks a definition like a compiler: every problem at once, each with file:line:col.
public struct Validator: Sendable {
    public let registry: PluginRegistry

    public init(registry: PluginRegistry) {
        self.registry = registry
    }

    /// Reads and validates a definition file. Throws `WorkflowError` (exit 65) listing every diagnostic.
    public func validate(path: String) throws -> ValidatedWorkflow {
        try validate(file: SourceFile.read(path: path))
    }

    public func validate(file: SourceFile) throws -> ValidatedWorkflow {
        let (workflow, diagnostics) = check(file: file)
        guard let workflow, !diagnostics.contains(where: { $0.severity == .error }) else {
            let count = diagnostics.filter { $0.severity == .error }.count
            throw WorkflowError(.invalidInput, "\(file.path): \(count) error\(count == 1 ? "" : "s"); nothing was run",
                                diagnostics: diagnostics, file: file)
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
        var loader = DefinitionLoader(file: file)
        guard let definition = loader.load(root) else { return (nil, loader.diagnostics.sorted) }
        var diagnostics = loader.diagnostics
        let graph = StepGraph(steps: definition.steps)
        checkSteps(definition, graph: graph, into: &diagnostics)
        let order = graph.topologicalOrder
        if order == nil { reportCycles(definition, graph: graph, into: &diagnostics) }
        checkExpressions(definition, graph: graph, into: &diagnostics)
        let sorted = diagnostics.sorted
        guard !diagnostics.hasErrors, let order else { return (nil, sorted) }
        return (ValidatedWorkflow(definition: definition, graph: graph, order: order), sorted)
    }

    // MARK: - Steps, needs, actions, parameters

    private func checkSteps(_ definition: WorkflowDefinition, graph: StepGraph, into diagnostics: inout DiagnosticList) {
        var firstSeen: [String: SourceLocation] = [:]
        for step in definition.steps where !step.id.isEmpty {
            if let first = firstSeen[step.id] {
                diagnostics.error("duplicate step id '\(step.id)' (first used at line \(first.line))",
                                  at: step.idLocation, length: step.id.count,
                                  hint: "give every step its own id")
            } else {
                firstSeen[step.id] = step.idLocation
            }
            for need in step.needs {
                if need.id == step.id {
                    diagnostics.error("step '\(step.id)' needs itself", at: need.location, length: need.id.count)
                } else if graph.index[need.id] == nil {
                    diagnostics.error("step '\(step.id)' needs '\(need.id)', but no step has that id",
                                      at: need.location, length: need.id.count,
                                      hint: Suggestions.hint(for: need.id, among: graph.ids.filter { $0 != step.id },
                                                             noun: "steps"))
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
            diagnostics.error("'uses' must name a plugin action as plugin.action, not '\(step.uses)'",
                              at: step.usesLocation, length: step.uses.count,
                              hint: Suggestions.hint(for: step.uses, among: registry.actionNames, noun: "actions"))
            return
        }
        guard let plugin = registry.plugin(parts[0]) else {
            let guess = Suggestions.closest(to: step.uses, among: registry.actionNames)
                ?? Suggestions.closest(to: parts[0], among: registry.plugins.map(\.name)).map { "\($0).\(parts[1])" }
            diagnostics.error("unknown plugin '\(parts[0])'", at: step.usesLocation, length: parts[0].count,
                              hint: guess.map { "did you mean '\($0)'?" }
                                ?? "known plugins: \(registry.plugins.map(\.name).joined(separator: ", "))")
            return
        }
        guard let action = registry.action(step.uses) else {
            let names = plugin.actions.map(\.fullName)
            diagnostics.error("plugin '\(plugin.name)' has no action '\(parts[1])'",
                              at: step.usesLocation.advanced(by: parts[0].count + 1), length: parts[1].count,
                              hint: Suggestions.hint(for: step.uses, among: names, noun: "actions of \(plugin.name)"))
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
                diagnostics.error("'\(step.uses)' has no parameter '\(parameter.name)'",
                                  at: parameter.nameLocation, length: parameter.name.count,
                                  hint: Suggestions.hint(for: parameter.name, among: action.parameters.map(\.name),
                                                         noun: "parameters"))
                continue
            }
            guard !ParameterBinding.containsExpression(parameter.node) else { continue }
            let value = parameter.node.value
            if case .null = value {
                if spec.required {
                    diagnostics.error("parameter '\(parameter.name)' of '\(step.uses)' needs a value",
                                      at: parameter.nameLocation, length: parameter.name.count, hint: spec.doc)
                }
                continue
            }
            switch ParameterBinding.coerce(value, to: spec.type, timeZone: definition.timeZone) {
            case .failure(let why):
                diagnostics.error("parameter '\(parameter.name)' \(why.reason)", at: parameter.node.location,
                                  length: value.interpolated.count, hint: spec.doc)
            case .success(let coerced):
                literals[parameter.name] = coerced
                if spec.type == .file, case .string(let path) = coerced {
                    let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
                        : definition.directory.appendingPathComponent(path)
                    if !FileManager.default.fileExists(atPath: url.path) {
                        diagnostics.error("file '\(path)' does not exist (looked for \(url.path))",
                                          at: parameter.node.location, length: path.count,
                                          hint: "paths are relative to the folder of \(definition.file.path)")
                    }
                }
            }
        }
        for spec in action.parameters where spec.required && !given.contains(spec.name) {
            diagnostics.error("'\(step.uses)' needs parameter '\(spec.name)' (\(spec.type.rawValue)): \(spec.doc)",
                              at: step.usesLocation, length: step.uses.count,
                              hint: "add it under 'with:'")
        }
        for problem in action.check?(GivenParameters(names: given, literals: literals)) ?? [] {
            let location = problem.parameter.flatMap { name in step.with.first { $0.name == name }?.node.location }
            diagnostics.error(problem.message, at: location ?? step.usesLocation,
                              length: location == nil ? step.uses.count : 1, hint: problem.hint)
        }
    }

    private func reportCycles(_ definition: WorkflowDefinition, graph: StepGraph, into diagnostics: inout DiagnosticList) {
        for cycle in graph.cycles {
            let path = cycle.map { graph.ids[$0] }.joined(separator: " -> ")
            let last = definition.steps[cycle[cycle.count - 2]]
            let closing = last.needs.first { $0.id == graph.ids[cycle.last!] }
            diagnostics.error("steps depend on each other in a cycle: \(path)",
                              at: closing?.location ?? last.idLocation, length: closing?.id.count ?? last.id.count,
                              hint: "remove one of these 'needs' so the steps can run in an order")
        }
    }

    // MARK: - Expressions

    private func checkExpressions(_ definition: WorkflowDefinition, graph: StepGraph,
                                  into diagnostics: inout DiagnosticList) {
        let varNames = definition.vars.map(\.name)
        for (stepIndex, step) in definition.steps.enumerated() {
            var found: [(Expression, SourceLocation)] = []
            if let condition = step.condition { found.append((condition.expression, condition.location)) }
            for parameter in step.with {
                collectTemplates(parameter.node, file: definition.file, into: &found, diagnostics: &diagnostics)
            }
            for (expression, location) in found {
                for (path, offset) in expression.references {
                    checkReference(path, at: location.advanced(by: offset), step: stepIndex, varNames: varNames,
                                   definition: definition, graph: graph, into: &diagnostics)
                }
            }
        }
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
                diagnostics.error("invalid expression: \(error.message)", at: start.advanced(by: error.offset),
                                  hint: error.hint)
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
                diagnostics.error("'vars' needs a variable name, as in vars.township", at: location, length: text.count)
                return
            }
            if !varNames.contains(path[1]) {
                diagnostics.error("unknown variable '\(path[1])'", at: location.advanced(by: 5), length: path[1].count,
                                  hint: Suggestions.hint(for: path[1], among: varNames, noun: "variables")
                                    ?? "declare it under 'vars:' at the top of the file")
            }
        case "steps":
            guard path.count >= 4, path[2] == "outputs" else {
                diagnostics.error("a step reference reads steps.<id>.outputs.<name>, not '\(text)'",
                                  at: location, length: text.count)
                return
            }
            let target = path[1]
            let targetLocation = location.advanced(by: 6)
            guard let targetIndex = graph.index[target] else {
                diagnostics.error("no step has the id '\(target)'", at: targetLocation, length: target.count,
                                  hint: Suggestions.hint(for: target, among: graph.ids, noun: "steps"))
                return
            }
            guard graph.isUpstream(targetIndex, of: step) else {
                diagnostics.error("step '\(graph.ids[step])' reads the outputs of '\(target)', which is not upstream: "
                                  + "it may not have run yet", at: targetLocation, length: target.count,
                                  hint: "add '\(target)' to this step's 'needs'")
                return
            }
            let targetStep = definition.steps[targetIndex]
            if let action = registry.action(targetStep.uses) {
                let outputs = action.descriptor.outputs.map(\.name)
                if !outputs.contains(path[3]) {
                    let keyLocation = location.advanced(by: "steps.\(target).outputs.".unicodeScalars.count)
                    diagnostics.error("'\(targetStep.uses)' (step '\(target)') has no output '\(path[3])'",
                                      at: keyLocation, length: path[3].count,
                                      hint: Suggestions.hint(for: path[3], among: outputs, noun: "outputs")
                                        ?? "this action has no outputs")
                }
            }
        default:
            diagnostics.error("unknown name '\(path[0])' in expression", at: location, length: path[0].count,
                              hint: Suggestions.hint(for: path[0], among: ["vars", "steps"], noun: "names")
                                ?? "expressions read vars.NAME or steps.ID.outputs.KEY; quote text as 'text'")
        }
    }
}
