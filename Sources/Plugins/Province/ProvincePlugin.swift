import Ledger
import PluginKit
import Workflow

/// The province view (DESIGN.md §2 "Above the county"): each county keeps its workspace and its own
/// counting rules and publishes its tally's facts — counts only — to a provincial PostgreSQL that
/// adds them up. `campaign publish` is the county's side; `campaign province` the province's.
public enum ProvincePlugin {
    public static let plugin = CampaignPlugin(
        Plugin(name: "province",
               summary: "The province view: counties publish their tallies' figures to PostgreSQL, which adds them up.",
               actions: [], migrations: ProvinceOutbox.migrations, dependencies: ["ledger"]),
        title: "province (省级汇总)",
        commands: [PublishCommand.self, ProvinceCommand.self],
        messages: ProvinceMessages.all + [ProvinceTally.countyGrouping.words, ProvinceTally.kindGrouping.words],
        daemonChores: [PublishChore.make]
    )
}
