import ArgumentParser
import PluginKit
import Workflow

struct PluginsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List every plugin action with its parameters, outputs and documentation.")

    func run() async throws {
        let t = Terminal.standard
        for plugin in PluginSystem.registry.plugins where !plugin.actions.isEmpty {
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
