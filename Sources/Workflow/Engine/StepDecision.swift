
/// What becomes of a step once every step it needs has ended: it runs, or it is skipped,
/// blocked or cancelled — GitHub Actions' rules, with one difference that keeps a campaign
/// resumable: a step that does not run because something upstream failed is *blocked*, not
/// skipped, so `campaign retry` of the failed step decides it again.
///
/// An `if:` without a status function means `success() && (condition)`; one with `success()`,
/// `failure()`, `always()` or `cancelled()` is taken as written.
public enum StepDecision: Sendable, Equatable {
    case run
    case skip(reason: Message)
    case block(reason: Message)
    case cancel(reason: Message)

    /// One need as the decision sees it: its id and how it ended.
    public struct Need: Sendable, Equatable {
        public var id: String
        public var status: StepStatus

        public init(_ id: String, _ status: StepStatus) {
            self.id = id
            self.status = status
        }
    }

    /// How the needs ended, as the status functions and `needs.ID.result` read it.
    public static func needsStatus(_ needs: [Need], runCancelled: Bool) -> NeedsStatus {
        NeedsStatus(results: Dictionary(needs.map { ($0.id, $0.status.result) }, uniquingKeysWith: { first, _ in first }),
                    upstreamFailed: needs.contains { $0.status == .failed || $0.status == .blocked },
                    runCancelled: runCancelled)
    }

    /// Decides a step whose needs have all ended. `scope` holds the variables, the upstream outputs
    /// and (for one instance of a fan-out) the item; the needs' status is added here.
    public static func decide(condition: StepDefinition.Condition?, needs: [Need], runCancelled: Bool,
                              scope: ExpressionScope) -> StepDecision {
        let status = needsStatus(needs, runCancelled: runCancelled)
        var scope = scope
        scope.needs = status
        let explicit = condition?.usesStatusFunction ?? false
        let gate = explicit || status.value(of: .success)
        if gate, condition.map({ $0.expression.evaluate(in: scope).isTruthy }) ?? true { return .run }
        if runCancelled { return .cancel(reason: RunEventMessages.notRunCancelled()) }
        let failed = needs.filter { $0.status == .failed || $0.status == .blocked }.map(\.id)
        if !failed.isEmpty {
            return .block(reason: RunEventMessages.notRunFailed(["steps": failed.joined(separator: ", ")]))
        }
        if !gate {
            let skipped = needs.filter { $0.status != .succeeded }.map(\.id)
            return .skip(reason: (skipped.count == 1 ? RunEventMessages.skippedBecauseOne : RunEventMessages.skippedBecauseMany)(
                ["steps": skipped.joined(separator: ", ")]))
        }
        return .skip(reason: RunEventMessages.conditionFalse(["condition": condition?.source ?? ""]))
    }
}
