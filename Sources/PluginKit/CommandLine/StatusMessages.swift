import Workflow

/// How `campaign status` shows where campaigns and their steps stand, in Chinese and English (the
/// message catalogue). A step's own error and prompt come from its plugin.
public struct StatusMessages: MessageCatalogue {
    public static let shared = StatusMessages()

    public let noCampaigns = MessageText(
        "status.no-campaigns", zh: "还没有活动。开始一个：campaign start workflows/spring-fair.yaml",
        en: "No campaigns yet. Start one: campaign start workflows/spring-fair.yaml")
    public let campaignColumn = MessageText("status.column.campaign", zh: "活动", en: "CAMPAIGN")
    public let kindColumn = MessageText("status.column.kind", zh: "类型", en: "KIND")
    public let statusColumn = MessageText("status.column.status", zh: "状态", en: "STATUS")
    public let stepsColumn = MessageText("status.column.steps", zh: "步骤", en: "STEPS")
    public let updatedColumn = MessageText("status.column.updated", zh: "更新于", en: "UPDATED")
    public let startedFrom = MessageText("status.started-from", zh: "{time} 开始，定义文件 {path}",
                                         en: "started {time} from {path}")
    public let instances = MessageText("status.instances", zh: "{count} 个实例：{counts}", en: "{count} instances: {counts}")
    public let instanceCount = MessageText("status.instance-count", zh: "{status} {count} 个", en: "{count} {status}")
    public let moreInstances = MessageText(
        "status.more-instances", zh: "……另有 {count} 个；`campaign history {campaign}` 列出每一个",
        en: "… and {count} more; `campaign history {campaign}` has every one")
    public let scheduled = MessageText("status.scheduled", zh: "定时活动", en: "SCHEDULED")
    public let scheduledBy = MessageText(
        "status.scheduled-by", zh: "（由 `campaign run-daemon` 或 `campaign serve` 启动）",
        en: "(started by `campaign run-daemon` or `campaign serve`)")
    public let nextAt = MessageText("status.next-at", zh: "下次 {time}", en: "next {time}")
    public let noTimeToCome = MessageText("status.no-time-to-come", zh: "不会再运行", en: "no time to come")
    public let lastStarted = MessageText("status.last-started", zh: "；上次启动 {campaign}", en: "; last started {campaign}")
    public let retryCommand = MessageText(
        "status.retry-command", zh: " —— 运行：campaign retry {campaign} {step}", en: " — run: campaign retry {campaign} {step}")
    public let nextTry = MessageText("status.next-try", zh: "{error}；下次尝试 {time}", en: "{error}; next try {time}")
    public let soon = MessageText("status.soon", zh: "很快", en: "soon")
    public let instancesUnderWay = MessageText(
        "status.instances-under-way", zh: "各实例正在运行", en: "its instances are under way")
    public let runningOrInterrupted = MessageText(
        "status.running-or-interrupted", zh: "运行中（或已中断；`campaign resume` 会继续它）",
        en: "running (or interrupted; `campaign resume` continues it)")
    public let blocked = MessageText(
        "status.blocked", zh: "未运行：它依赖的一步失败了；对那一步运行 `campaign retry` 会重新决定它",
        en: "not run: a step it needs failed; `campaign retry` of that step decides it again")
    public let waitsFor = MessageText("status.waits-for", zh: "等待 {steps}", en: "waits for {steps}")

    public static func word(_ status: StepStatus) -> MessageText { StatusWords.word(status) }
    public static func word(_ status: RunStatus) -> MessageText { StatusWords.word(status) }
}
