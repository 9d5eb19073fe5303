import Foundation
import GRDB
import Ledger
import Workflow

/// `transport.subsidy`: from the follow-up employment records, lists the workers who qualify for the
/// transport subsidy (out of the home province, at least `months` in the job) with the amount, and
/// those who fall short with the reason; writes the payment workbook (masked).
struct SubsidyAction: StepAction {
    struct Input: Decodable, Sendable {
        var home_province: String
        var months: Int
        var out_of_province: Bool
        var amount: Int
        var out: String?
    }

    static let descriptor = ActionDescriptor(
        name: "subsidy",
        summary: "Lists who qualifies for the transport subsidy (out-of-province, months in the job) and who falls short, why.",
        parameters: [
            ParameterSpec("home_province", .string, required: true, doc: "The workers' home province, e.g. 贵州省."),
            ParameterSpec("months", .integer, default: .int(3), doc: "Calendar months in the job that qualify."),
            ParameterSpec("out_of_province", .boolean, default: .bool(true), doc: "Only work outside the home province counts."),
            ParameterSpec("amount", .integer, required: true, doc: "Yuan per qualifying worker."),
            ParameterSpec("out", .outputPath, doc: "The payment workbook (XLSX); default reports/CAMPAIGN-subsidy.xlsx."),
        ],
        outputs: [
            OutputSpec("qualified", doc: "Workers who qualify."),
            OutputSpec("amount", doc: "Yuan in all."),
            OutputSpec("short", doc: "Workers who fall short (each with the reason: campaign subsidy --campaign C)."),
            OutputSpec("file", doc: "The workbook's path."),
        ],
        check: { given in
            var problems: [ParameterProblem] = []
            if case .int(let months) = given["months"], !(1...36).contains(months) {
                problems.append(ParameterProblem(parameter: "months", ParameterMessages.outOfRange(
                    ["name": "months", "low": "1", "high": "36", "value": "\(months)"])))
            }
            if case .int(let amount) = given["amount"], !(0...100_000).contains(amount) {
                problems.append(ParameterProblem(parameter: "amount", ParameterMessages.outOfRangeYuan(
                    ["name": "amount", "low": "0", "high": "100000", "value": "\(amount)"])))
            }
            return problems
        }
    )

    static func rule(_ input: Input) -> SubsidyRule {
        SubsidyRule(months: input.months, outOfProvinceOnly: input.out_of_province, homeProvince: input.home_province,
                    amount: input.amount)
    }

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        let list = try SubsidyList.make(db, campaign: context.campaign, rule: Self.rule(input))
        try TransportRecords.saveSubsidy(db, list, campaign: context.campaign, now: context.clock.now())
        let file = context.outputURL(forPath: input.out ?? "reports/\(context.campaign)-subsidy.xlsx")
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try list.workbook(unmasked: false).write(to: file)
        } catch {
            throw context.cannotWrite(file.path, error)
        }
        return .completed(outputs: ["qualified": .int(list.qualified.count), "amount": .int(list.amount),
                                    "short": .int(list.entries.count - list.qualified.count), "file": .string(file.path)])
    }
}
