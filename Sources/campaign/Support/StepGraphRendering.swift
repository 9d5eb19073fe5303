import ArgumentParser
import BuiltinPlugins
import PluginKit
import Workflow

/// Text renderings of a step graph. Conditional steps are drawn with a dashed border / diamond note;
/// a `for_each` step says so under its action ("× each item").
enum StepGraphRendering {
    static func fanOutNote(_ step: StepDefinition) -> String {
        guard step.fanOut != nil else { return "" }
        return " × each item" + (step.fanOut?.maxParallel.map { ", \($0) at a time" } ?? "")
    }

    static func mermaid(_ workflow: ValidatedWorkflow) -> String {
        let steps = workflow.definition.steps
        var lines = ["flowchart TD"]
        for (i, step) in steps.enumerated() {
            let label = "\(step.displayName)<br/><small>\(step.uses)\(fanOutNote(step))</small>".replacingOccurrences(of: "\"", with: "#quot;")
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
            lines.append("    \(quote(step.id)) [label=\(quote("\(step.displayName)\\n\(step.uses)\(fanOutNote(step))"))\(style)];")
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
