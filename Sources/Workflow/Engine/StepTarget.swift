/// Finds the step (or the instance of a `for_each` step) a command names: `board`, `board 3`,
/// `board[3]`, or `board 城关镇` (the instance whose item is that text, or whose item has it as a value).
enum StepTarget {
    static func find(_ stepID: String, item: String?, campaign: String, in steps: [StepRecord]) throws -> StepRecord {
        var stepID = stepID
        var item = item
        if item == nil, stepID.hasSuffix("]"), let bracket = stepID.firstIndex(of: "[") {
            item = String(stepID[stepID.index(after: bracket)..<stepID.index(before: stepID.endIndex)])
            stepID = String(stepID[..<bracket])
        }
        let topLevel = steps.filter { !$0.isInstance }
        guard let step = topLevel.first(where: { $0.stepId == stepID }) else {
            throw WorkflowError.usage("campaign '\(campaign)' has no step '\(stepID)'",
                                      hint: Suggestions.hint(for: stepID, among: topLevel.map(\.stepId), noun: "steps"))
        }
        guard let item else { return step }
        let instances = steps.filter { $0.parentStep == stepID }
        guard step.fanOut != nil else {
            throw WorkflowError.usage("step '\(stepID)' has no instances: it has no 'for_each', or has not reached it yet",
                                      hint: "name the step alone: campaign signal \(campaign) \(stepID)")
        }
        if let number = Int(item), let instance = instances.first(where: { $0.itemNumber == number }) {
            return instance
        }
        let matching = instances.filter { instance in
            switch instance.item {
            case .object(let fields)?: fields.values.contains { $0.interpolated == item }
            case let value?: value.interpolated == item
            case nil: false
            }
        }
        if matching.count == 1 { return matching[0] }
        let shown = instances.prefix(6).map { "\($0.itemNumber ?? 0) (\(($0.item?.itemLabel ?? "").prefix(30)))" }
        throw WorkflowError.usage(
            matching.isEmpty ? "step '\(stepID)' has no instance '\(item)' (it has \(instances.count), numbered from 1)"
                : "'\(item)' matches \(matching.count) instances of '\(stepID)'; give the instance's number",
            hint: "instances: " + shown.joined(separator: ", ") + (instances.count > 6 ? ", …" : ""))
    }

    /// Stored ids as a person types them: `board[3]` becomes `board 3`.
    static func list(_ recordIDs: [String], _ campaign: String) -> String {
        recordIDs.prefix(8).map { id in
            guard id.hasSuffix("]"), let bracket = id.firstIndex(of: "[") else { return id }
            return "\(id[..<bracket]) \(id[id.index(after: bracket)..<id.index(before: id.endIndex)])"
        }.joined(separator: ", ") + (recordIDs.count > 8 ? ", …" : "")
    }
}
