import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// `training.subsidy`: decides the training subsidy for every trainee of the campaign's subsidised
/// classes (or one class) by `TrainingRules.verdict`, keeps the decisions and writes the payment
/// workbook: who qualifies, and who does not with the reason.
struct SubsidyAction: StepAction {
    struct Input: Decodable, Sendable {
        var `class`: String?
        var amount: Int
        var groups: [String]?
        var out: String?
    }

    static let descriptor = ActionDescriptor(
        name: "subsidy",
        summary: "Decides the training subsidy for each trainee (completed, certified, target group, not paid for the "
            + "trade within a year) and writes the payment list.",
        parameters: [
            ParameterSpec("class", .string, doc: "One class (its id); default every class of the campaign."),
            ParameterSpec("amount", .integer, required: true, doc: "Yuan per qualifying trainee."),
            ParameterSpec("groups", .stringList, doc: "The target groups the subsidy is for (default: any target group)."),
            ParameterSpec("out", .outputPath, doc: "The payment workbook (XLSX); default reports/CAMPAIGN-training-subsidy.xlsx."),
        ],
        outputs: [
            OutputSpec("qualified", doc: "Trainees who qualify."),
            OutputSpec("amount", doc: "Yuan in all."),
            OutputSpec("short", doc: "Trainees who do not qualify (each with the reason in the workbook)."),
            OutputSpec("file", doc: "The workbook's path."),
        ],
        check: { given in
            var problems: [ParameterProblem] = []
            if case .int(let amount) = given["amount"], !(0...100_000).contains(amount) {
                problems.append(ParameterProblem(parameter: "amount", ParameterMessages.outOfRangeYuan(
                    ["name": "amount", "low": "0", "high": "100000", "value": "\(amount)"])))
            }
            if case .array(let items)? = given["groups"] {
                for label in items.map(\.interpolated) where TargetGroup.named(label) == nil {
                    problems.append(ParameterProblem(parameter: "groups", ImportMessages.notATargetGroup(["label": label]),
                                                     hint: ImportMessages.useOneOf(
                                                        ["names": TargetGroup.allCases.map(\.key).joined(separator: ", ")])))
                }
            }
            return problems
        }
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        let classes: [TrainingClass]
        do {
            classes = input.class == nil ? try TrainingRecords.classes(db, campaign: context.campaign)
                : [try TrainingRecords.requireClass(db, campaign: context.campaign, id: input.class)]
        } catch let error as WorkflowError {
            throw StepFailure(error.message, retryable: false)
        }
        let groups = input.groups.map { TargetGroupSet($0.compactMap(TargetGroup.named)) } ?? .every
        let today = SheetDate.day(of: context.clock.now(), in: context.timeZone)
        let subsidy = try TrainingSubsidy.decide(db, campaign: context.campaign, classes: classes, groups: groups,
                                                 amount: input.amount, today: today)
        let title = try RunQueries.requireRun(db, context.campaign).title ?? ""
        let file = context.outputURL(forPath: input.out ?? "reports/\(context.campaign)-training-subsidy.xlsx")
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try subsidy.workbook(title: title.isEmpty ? context.campaign : title, language: context.language).write(to: file)
        } catch {
            throw context.cannotWrite(file.path, error)
        }
        return .completed(outputs: ["qualified": .int(subsidy.qualified.count), "amount": .int(subsidy.qualified.count * input.amount),
                                    "short": .int(subsidy.entries.count - subsidy.qualified.count), "file": .string(file.path)])
    }
}
