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

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "同时列出其外部插件的活动定义，例如 examples/plugins/fair-reminders.yaml。", en: "A definition whose external plugins to describe as well, e.g. examples/plugins/fair-reminders.yaml.")),
              completion: .file(extensions: ["yaml", "yml"]))
    var definition: String?

    func run() async throws {
        let t = Terminal.standard
        let language = Language.fromEnvironment()
        for campaignPlugin in PluginSystem.plugins {
            let plugin = campaignPlugin.engine
            let measures = campaignPlugin.tallySections.flatMap(\.measures).map { "\($0.key) (\($0.zh))" }
            let brings = [(AdminMessages.pluginsCommands.template(language),
                           campaignPlugin.commands.map { $0.configuration.commandName ?? "" }),
                          (AdminMessages.pluginsImports.template(language), campaignPlugin.importKinds.map(\.name)),
                          (AdminMessages.pluginsMeasures.template(language), measures)]
                .filter { !$0.1.isEmpty }
            guard !plugin.actions.isEmpty || !brings.isEmpty else { continue }
            list(plugin, brings: brings, on: t, language: language)
        }
        guard let definition else { return }
        // Described by running each program, exactly as `validate` and `start` do.
        let workflow = try Validator(registry: PluginSystem.registry).validate(path: definition)
        for plugin in workflow.registry.plugins where plugin.program != nil {
            list(plugin, brings: [(AdminMessages.pluginsProgram.template(language), [plugin.program ?? ""])], on: t,
                 language: language)
        }
    }

    private func list(_ plugin: Plugin, brings: [(String, [String])], on t: Terminal, language: Language) {
        t.line(t.bold(plugin.name) + " — \(plugin.summary)")
        for (what, names) in brings { t.line("  \(what): \(names.joined(separator: ", "))") }
        for action in plugin.actions {
            let d = action.descriptor
            t.line("  \(t.bold(action.fullName))\(d.waitsForPeople ? AdminMessages.pluginsWaits.template(language) : "") — \(d.summary)")
            for p in d.parameters {
                var tags = [p.type.rawValue]
                if p.required { tags.append(AdminMessages.pluginsRequired.template(language)) }
                if let v = p.defaultValue { tags.append(AdminMessages.pluginsDefault(["value": v.interpolated]).text(language)) }
                t.line("      \(p.name) (\(tags.joined(separator: ", "))): \(p.doc)")
            }
            for o in d.outputs {
                t.line("      " + AdminMessages.pluginsOutput(["name": o.name, "doc": o.doc]).text(language))
            }
        }
        t.line("")
    }
}
