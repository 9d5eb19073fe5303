/// What a step or a run is, word by word, in Chinese and English (the message catalogue): for
/// `campaign status` and for the engine's own refusals ("step 'b' has not failed (it is blocked)").
public struct StatusWords: MessageCatalogue {
    public static let shared = StatusWords()

    public let pending = MessageText("status.step.pending", zh: "待运行", en: "pending")
    public let running = MessageText("status.step.running", zh: "运行中", en: "running")
    public let waiting = MessageText("status.step.waiting", zh: "等待中", en: "waiting")
    public let retrying = MessageText("status.step.retrying", zh: "待重试", en: "retrying")
    public let succeeded = MessageText("status.step.succeeded", zh: "已完成", en: "succeeded")
    public let failed = MessageText("status.step.failed", zh: "失败", en: "failed")
    public let skipped = MessageText("status.step.skipped", zh: "已跳过", en: "skipped")
    public let blockedWord = MessageText("status.step.blocked", zh: "受阻", en: "blocked")
    public let cancelled = MessageText("status.step.cancelled", zh: "已取消", en: "cancelled")
    public let completed = MessageText("status.run.completed", zh: "已完成", en: "completed")

    public static func word(_ status: StepStatus) -> MessageText {
        switch status {
        case .pending: pending
        case .running: running
        case .waiting: waiting
        case .retrying: retrying
        case .succeeded: succeeded
        case .failed: failed
        case .skipped: skipped
        case .blocked: blockedWord
        case .cancelled: cancelled
        }
    }

    public static func word(_ status: RunStatus) -> MessageText {
        switch status {
        case .running: running
        case .waiting: waiting
        case .completed: completed
        case .failed: failed
        case .cancelled: cancelled
        }
    }
}
