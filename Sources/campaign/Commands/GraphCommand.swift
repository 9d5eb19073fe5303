import ArgumentParser
import BuiltinPlugins
import Workflow

struct GraphCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case mermaid, dot
    }

    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print a campaign's step graph as Mermaid (for Markdown) or DOT (for Graphviz).")

    @Argument(help: "The definition file.") var file: String
    @Option(help: "mermaid or dot.") var format: Format = .mermaid

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let workflow = try Validator(registry: BuiltinPlugins.registry).validate(path: file)
            print(format == .mermaid ? StepGraphRendering.mermaid(workflow) : StepGraphRendering.dot(workflow))
        }
    }
}

/// Text renderings of a step graph. Conditional steps are drawn with a dashed border / diamond note.
enum StepGraphRendering {
    static func mermaid(_ workflow: ValidatedWorkflow) -> String {
        let steps = workflow.definition.steps
        var lines = ["flowchart TD"]
        for (i, step) in steps.enumerated() {
            let label = "\(step.displayName)<br/><small>\(step.uses)</small>".replacingOccurrences(of: "\"", with: "#quot;")
            lines.append(step.condition == nil ? "    s\(i)[\"\(label)\"]" : "    s\(i){{\"\(label)\"}}")
        }
        for (i, needs) in workflow.graph.needs.enumerated() {
            for n in needs { lines.append("    s\(n) --> s\(i)") }
        }
        return lines.joined(separator: "\n")
    }

    static func dot(_ workflow: ValidatedWorkflow) -> String {
        func quote(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        var lines = ["digraph \(quote(workflow.definition.name)) {", "    rankdir=TB;", "    node [shape=box];"]
        for step in workflow.definition.steps {
            let style = step.condition == nil ? "" : ", style=dashed"
            lines.append("    \(quote(step.id)) [label=\(quote("\(step.displayName)\\n\(step.uses)"))\(style)];")
        }
        for (i, needs) in workflow.graph.needs.enumerated() {
            for n in needs {
                lines.append("    \(quote(workflow.definition.steps[n].id)) -> \(quote(workflow.definition.steps[i].id));")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}

struct PluginsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List every plugin action with its parameters, outputs and documentation.")

    func run() async throws {
        let t = Terminal.standard
        for plugin in BuiltinPlugins.registry.plugins where !plugin.actions.isEmpty {
            t.line(t.bold(plugin.name) + " — \(plugin.summary)")
            for action in plugin.actions {
                let d = action.descriptor
                t.line("  \(t.bold(action.fullName))\(d.waitsForPeople ? " (waits)" : "") — \(d.summary)")
                for p in d.parameters {
                    var tags = [p.type.rawValue]
                    if p.required { tags.append("required") }
                    if let v = p.defaultValue { tags.append("default \(v.interpolated)") }
                    t.line("      \(p.name) (\(tags.joined(separator: ", "))): \(p.doc)")
                }
                for o in d.outputs {
                    t.line("      → outputs.\(o.name): \(o.doc)")
                }
            }
            t.line("")
        }
    }
}
