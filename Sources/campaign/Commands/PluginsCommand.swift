import ArgumentParser
import PluginKit
import Workflow

struct PluginsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: CommandHelp.text(
            zh: "列出所有插件：其动作及参数、输出和说明，以及它带来的命令、可导入的名单和统计指标；给出定义文件时也列出其外部插件（plugins:）。",
            en: "List every plugin: its actions with their parameters, outputs and documentation, and the "
            + "commands, lists to import and tally measures it brings. Given a definition, its external "
            + "plugins (`plugins:`) too."))

    @Argument(help: "A definition whose external plugins to describe as well, e.g. examples/plugins/fair-reminders.yaml.",
              completion: .file(extensions: ["yaml", "yml"]))
    var definition: String?

    func run() async throws {
        let t = Terminal.standard
        for campaignPlugin in PluginSystem.plugins {
            let plugin = campaignPlugin.engine
            let measures = campaignPlugin.tallySection?.measures.map { "\($0.key) (\($0.zh))" } ?? []
            let brings = [("commands", campaignPlugin.commands.map { $0.configuration.commandName ?? "" }),
                          ("imports", campaignPlugin.importKinds.map(\.name)), ("tally measures", measures)]
                .filter { !$0.1.isEmpty }
            guard !plugin.actions.isEmpty || !brings.isEmpty else { continue }
            list(plugin, brings: brings, on: t)
        }
        guard let definition else { return }
        // Described by running each program, exactly as `validate` and `start` do.
        let workflow = try Validator(registry: PluginSystem.registry).validate(path: definition)
        for plugin in workflow.registry.plugins where plugin.program != nil {
            list(plugin, brings: [("external program", [plugin.program ?? ""])], on: t)
        }
    }

    private func list(_ plugin: Plugin, brings: [(String, [String])], on t: Terminal) {
        t.line(t.bold(plugin.name) + " — \(plugin.summary)")
        for (what, names) in brings { t.line("  \(what): \(names.joined(separator: ", "))") }
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
