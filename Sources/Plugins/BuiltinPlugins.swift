import Workflow

/// The plugins compiled into `campaign`. A new plugin is added here and nowhere else.
public enum BuiltinPlugins {
    public static let all: [Plugin] = [
        CorePlugin.plugin, RegistrationPlugin.plugin, CheckinPlugin.plugin, OutcomesPlugin.plugin, TallyPlugin.plugin,
    ]

    public static let registry = PluginRegistry(all)
}
