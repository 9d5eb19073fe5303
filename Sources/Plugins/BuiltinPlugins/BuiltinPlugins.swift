import Checkin
import Ledger
import Outcomes
import Registration
import Tally
import Workflow

/// The plugins compiled into `campaign`. A new plugin is added here and nowhere else.
public enum BuiltinPlugins {
    public static let all: [Plugin] = [
        CorePlugin.plugin, LedgerPlugin.plugin, RegistrationPlugin.plugin, CheckinPlugin.plugin, OutcomesPlugin.plugin,
        TallyPlugin.plugin,
    ]

    public static let registry = PluginRegistry(all)

    /// The lists `campaign import KIND` reads, from every plugin.
    public static let importKinds: [ImportKind] = RegistrationPlugin.importKinds + OutcomesPlugin.importKinds
}
