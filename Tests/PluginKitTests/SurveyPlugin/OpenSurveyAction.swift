import GRDB
import Workflow

/// `survey.open`: the survey stays open until someone signals it closed; its outputs are the results.
struct OpenSurveyAction: StepAction {
    static let descriptor = ActionDescriptor(
        name: "open",
        summary: "Collects survey answers until the survey is signalled closed.",
        outputs: [OutputSpec("answers", doc: "Answers collected."), OutputSpec("average", doc: "Their average score.")],
        waitsForPeople: true
    )

    func commit(_ db: Database, _ prepared: Void, input: NoInput, context: StepContext) throws -> StepOutcome {
        .waiting(Wait(signal: true, prompt: "import the survey sheets: campaign import surveys FILE --campaign "
                      + "\(context.campaign); close it with: campaign signal \(context.campaign) \(context.stepID)"))
    }

    func wake(_ db: Database, _ wake: Wake, input: NoInput, context: StepContext) throws -> StepOutcome {
        let results = try SurveyResults.of(db, context.campaign)
        return .completed(outputs: ["answers": .int(results.answers), "average": .double(results.average)])
    }
}
