import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// Outcomes: interviews, hiring intents, placements and retention, recorded by booth staff and
/// follow-up clerks; and the tallies managers pass up to the county.
public enum OutcomesPlugin {
    public static let plugin = CampaignPlugin(
        Plugin(name: "outcomes",
               summary: "Records interviews, intents, placements and retention during the follow-up period.",
               actions: [CollectAction()], migrations: OutcomeSchema.migrations, dependencies: ["ledger"],
               countedTables: ["outcome"]),
        title: "outcomes (求职结果)",
        commands: [RecordCommand.self, OutcomesCommand.self],
        importKinds: [.outcomes],
        routes: OutcomeRoutes.routes,
        web: WebSurface(panels: [
            PagePanel(name: "booth", html: PackageResources.booth_html, script: PackageResources.booth_js,
                      words: OutcomePageWords.all, kinds: [.jobFair], order: 60),
        ], openAPI: PackageResources.openapi_json),
        tallySection: OutcomeSection(),
        shredder: OutcomeShredder(),
        messages: OutcomeMessages.all + OutcomeListMessages.all
    )

    /// Distinct people at each stage in one campaign (a stage implies the earlier ones).
    public static func stageCounts(_ db: Database, campaign: String) throws -> [OutcomeStage: Int] {
        let row = try Row.fetchOne(db, sql: """
            SELECT sum(stage >= 1) AS s1, sum(stage >= 2) AS s2, sum(stage >= 3) AS s3, sum(stage >= 4) AS s4
            FROM (SELECT max(stage) AS stage FROM outcome WHERE campaign = ? GROUP BY person_id)
            """, arguments: [campaign])
        return [.interviewed: row?["s1"] ?? 0, .intent: row?["s2"] ?? 0, .placed: row?["s3"] ?? 0, .retained: row?["s4"] ?? 0]
    }
}

/// `outcomes.collect`: the follow-up period as a human step. Booth staff and clerks record
/// outcomes (`campaign record`, `campaign import outcomes`, the serve page) until it ends — at
/// `until`, after `for`, or by `campaign signal`. Its outputs are the counts at that moment.
struct CollectAction: StepAction {
    struct Input: Decodable, Sendable {
        var until: String?
        var `for`: String?
        var prompt: String?
    }

    static let descriptor = ActionDescriptor(
        name: "collect",
        summary: "The follow-up period: staff record interviews, intents and placements until it ends.",
        parameters: [
            ParameterSpec("until", .dateTime, doc: "When follow-up ends, e.g. 2026-03-31 17:00 (campaign time zone)."),
            ParameterSpec("for", .duration, doc: "How long follow-up lasts from the step's start, e.g. 30d."),
            ParameterSpec("prompt", .string, doc: "What staff should do meanwhile; shown by start and status."),
        ],
        outputs: [
            OutputSpec("interviewed", doc: "Distinct people interviewed (or further)."),
            OutputSpec("intents", doc: "Distinct people with a hiring intent (or further)."),
            OutputSpec("placed", doc: "Distinct people placed (or retained)."),
            OutputSpec("retained", doc: "Distinct people still employed at follow-up."),
            OutputSpec("ended_by", doc: "time or signal."),
        ],
        waitsForPeople: true,
        check: { given in
            given.has("until") && given.has("for")
                ? [ParameterProblem(parameter: "for", ParameterMessages.untilOrFor())] : []
        }
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        let until = try context.deadline(until: input.until, for: input.for)
        var prompt = input.prompt.map(Message.verbatim) ?? OutcomeMessages.recordOutcomes()
        prompt = prompt + OutcomeMessages.recordExample(["campaign": context.campaign, "command": context.signalCommand])
        if let until { prompt = prompt + OutcomeMessages.endsByItself(["time": context.format(until)]) }
        return .waiting(Wait(until: until, signal: true, message: prompt))
    }

    func wake(_ db: Database, _ wake: Wake, input: Input, context: StepContext) throws -> StepOutcome {
        let counts = try OutcomesPlugin.stageCounts(db, campaign: context.campaign)
        var endedBy = "time"
        if case .signal = wake { endedBy = "signal" }
        return .completed(outputs: [
            "interviewed": .int(counts[.interviewed] ?? 0), "intents": .int(counts[.intent] ?? 0),
            "placed": .int(counts[.placed] ?? 0), "retained": .int(counts[.retained] ?? 0), "ended_by": .string(endedBy),
        ])
    }
}
