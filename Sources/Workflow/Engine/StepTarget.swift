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
            throw WorkflowError.usage(Message(EngineMessages.noStep, ["campaign": campaign, "step": stepID]),
                                      hint: Suggestions.message(for: stepID, among: topLevel.map(\.stepId)))
        }
        guard let item else { return step }
        let instances = steps.filter { $0.parentStep == stepID }
        guard step.fanOut != nil else {
            throw WorkflowError.usage(Message(EngineMessages.noInstances, ["step": stepID]),
                                      hint: Message(EngineMessages.nameStepAlone, ["campaign": campaign, "step": stepID]))
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
            matching.isEmpty
                ? Message(EngineMessages.noSuchInstance, ["step": stepID, "item": item, "count": String(instances.count)])
                : Message(EngineMessages.severalInstances, ["item": item, "count": String(matching.count), "step": stepID]),
            hint: Message(EngineMessages.instancesList, ["list": shown.joined(separator: ", ") + (instances.count > 6 ? ", …" : "")]))
    }

    /// Every waiting instance of a `for_each` step whose item is `item` or has it as a value (a day:
    /// every departure of that morning), for a signal to all of them at once.
    static func waitingInstances(_ stepID: String, matching item: String, campaign: String,
                                 in steps: [StepRecord]) throws -> [StepRecord] {
        guard let step = steps.first(where: { !$0.isInstance && $0.stepId == stepID }) else {
            throw WorkflowError.usage(Message(EngineMessages.noStep, ["campaign": campaign, "step": stepID]),
                                      hint: Suggestions.message(for: stepID, among: steps.filter { !$0.isInstance }.map(\.stepId)))
        }
        guard step.fanOut != nil else {
            throw WorkflowError.usage(Message(EngineMessages.noInstances, ["step": stepID]),
                                      hint: Message(EngineMessages.nameStepAlone, ["campaign": campaign, "step": stepID]))
        }
        let instances = steps.filter { $0.parentStep == stepID }
        let matching = instances.filter { instance in
            switch instance.item {
            case .object(let fields)?: fields.values.contains { $0.interpolated == item }
            case let value?: value.interpolated == item
            case nil: false
            }
        }.filter { $0.status == .waiting && $0.awaitsSignal }
        guard !matching.isEmpty else {
            throw WorkflowError.usage(Message(EngineMessages.noneWaitingFor, ["step": stepID, "item": item]),
                                      hint: Message(EngineMessages.statusLists, ["campaign": campaign]))
        }
        return matching
    }

    /// Stored ids as a person types them: `board[3]` becomes `board 3`.
    static func list(_ recordIDs: [String], _ campaign: String) -> String {
        recordIDs.prefix(8).map { id in
            guard id.hasSuffix("]"), let bracket = id.firstIndex(of: "[") else { return id }
            return "\(id[..<bracket]) \(id[id.index(after: bracket)..<id.index(before: id.endIndex)])"
        }.joined(separator: ", ") + (recordIDs.count > 8 ? ", …" : "")
    }
}
