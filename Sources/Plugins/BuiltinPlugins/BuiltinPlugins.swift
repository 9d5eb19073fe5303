import Checkin
import Ledger
import Livestream
import Monitoring
import Outcomes
import PluginKit
import Province
import Registration
import Scheduling
import Tally
import Training
import Transport
import Workflow

/// The plugins compiled into `campaign`. A new plugin is added here and nowhere else.
public enum BuiltinPlugins {
    public static let all: [CampaignPlugin] = with([])

    /// The built-in plugins and `extra` ones, with the tally counting what each of them adds to it
    /// (tests use it to try a plugin the way adding its line here would).
    public static func with(_ extra: [CampaignPlugin]) -> [CampaignPlugin] {
        let plugins = [
            CampaignPlugin(CorePlugin.plugin, title: "core", messages: EngineCatalogue.all + CommandLineCatalogue.all),
            CampaignPlugin(LedgerPlugin.plugin, title: "ledger", messages: LedgerPlugin.messages),
            RegistrationPlugin.plugin,
            CheckinPlugin.plugin,
            OutcomesPlugin.plugin,
            SchedulingPlugin.plugin,
            TransportPlugin.plugin,
            LivestreamPlugin.plugin,
            TrainingPlugin.plugin,
            MonitoringPlugin.plugin,
        ] + extra
        // The province view adds up what the tally counts: it comes after it, and counts nothing itself.
        return plugins + [TallyPlugin.plugin(tallying: plugins), ProvincePlugin.plugin]
    }

    /// Their steps and migrations, for the engine.
    public static let engines: [Plugin] = all.map(\.engine)

    public static let registry = PluginRegistry(engines)
}
