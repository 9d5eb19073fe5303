import Foundation
import GRDB
import Ledger
import Workflow

/// `training.enrol`: fills a class from the people registered to the campaign (the applicants: an
/// imported 报名表, walk-ins at the desk) who are not in another class of it — people of the target
/// groups first, in the order `groups_first` lists them, then everyone else in the order they
/// registered — up to its capacity; the rest wait. Running it again keeps who is enrolled and only
/// fills places still free, so a late applicant never pushes out someone already told they have a place.
struct EnrolAction: StepAction {
    struct Input: Decodable, Sendable {
        var `class`: String?
        var groups_first: [String]
    }

    static let descriptor = ActionDescriptor(
        name: "enrol",
        summary: "Enrols the campaign's applicants in a class, target groups first, up to its capacity; the rest wait.",
        parameters: [
            ParameterSpec("class", .string, doc: "The class (its id); may be left out when the campaign has one class."),
            ParameterSpec("groups_first", .stringList, default: .array([.string("poverty_alleviated"), .string("monitored")]),
                          doc: "Target groups given places first, in this order (keys or labels: 脱贫人口, 监测对象, …)."),
        ],
        outputs: [
            OutputSpec("enrolled", doc: "People enrolled in the class."),
            OutputSpec("from_groups", doc: "Of them, people of the groups given places first."),
            OutputSpec("waiting", doc: "Applicants left waiting for a place."),
        ],
        check: { given in
            guard case .array(let items)? = given["groups_first"] else { return [] }
            return items.map(\.interpolated).filter { TargetGroup.named($0) == nil }.map {
                ParameterProblem(parameter: "groups_first", ImportMessages.notATargetGroup(["label": $0]),
                                 hint: ImportMessages.useOneOf(["names": TargetGroup.allCases.map(\.key).joined(separator: ", ")]))
            }
        }
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        let trainingClass: TrainingClass
        do {
            trainingClass = try TrainingRecords.requireClass(db, campaign: context.campaign, id: input.class)
        } catch let error as WorkflowError {
            throw StepFailure(error.message, retryable: false)
        }
        let priority = input.groups_first.compactMap(TargetGroup.named)
        let outcome = try Enrolment.fill(db, campaign: context.campaign, trainingClass, priority: priority)
        return .completed(outputs: ["enrolled": .int(outcome.enrolled), "from_groups": .int(outcome.fromGroups),
                                    "waiting": .int(outcome.waiting)])
    }
}
