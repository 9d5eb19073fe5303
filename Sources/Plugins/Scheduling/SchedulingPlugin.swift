import Ledger
import PluginKit
import Workflow

/// Scheduling: interview slots planned from job seekers' ranked wishes — the most interviews the
/// booths and hours allow, earlier wishes first, nobody in two places at once, every left-out wish
/// explained — with calendars (iCalendar) for every booth and job seeker; booths by industry zone.
public enum SchedulingPlugin {
    public static let plugin = CampaignPlugin(
        Plugin(name: "schedule",
               summary: "Plans interview slots from ranked wishes (optimal, explained); calendars for booths and seekers.",
               actions: [InterviewsAction(), BoothsAction(), ImportAction(WishImport()), ImportAction(VenueImport())],
               migrations: SchedulingSchema.migrations, dependencies: ["ledger"]),
        title: "scheduling (日程)",
        commands: [InterviewsCommand.self],
        importKinds: [.wishes, .venue],
        messages: SchedulingImportMessages.all + SchedulingStepMessages.all + InterviewCommandMessages.all + PlanWords.all
    )
}
