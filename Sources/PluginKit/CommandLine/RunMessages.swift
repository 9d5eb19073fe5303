import Workflow

/// How `start`, `resume`, `signal`, `retry` and `cancel` tell where a run stands, in Chinese and
/// English (the message catalogue). Steps' own prompts come from their plugins.
public struct RunMessages: MessageCatalogue {
    public static let shared = RunMessages()

    public let completed = MessageText(
        "run.completed", zh: "活动 {campaign} 已完成（共 {total} 步）。", en: "Campaign {campaign} completed ({total} steps).")
    public let failed = MessageText(
        "run.failed", zh: "活动 {campaign} 已停止：有一步失败（已完成 {done}/{total} 步）。",
        en: "Campaign {campaign} stopped: a step failed ({done} of {total} steps done).")
    public let fixThenRetry = MessageText(
        "run.fix-then-retry", zh: "排除原因后运行：campaign retry {campaign} {step}",
        en: "fix the cause, then run: campaign retry {campaign} {step}")
    public let waiting = MessageText(
        "run.waiting", zh: "活动 {campaign} 正在等待（已完成 {done}/{total} 步）。",
        en: "Campaign {campaign} is waiting ({done} of {total} steps done).")
    public let cancelled = MessageText(
        "run.cancelled", zh: "活动 {campaign} 已取消（已完成 {done}/{total} 步）。",
        en: "Campaign {campaign} was cancelled ({done} of {total} steps done).")
    public let cancelledBy = MessageText(
        "run.cancelled-by", zh: "活动 {campaign} 已由{by}取消（已完成 {done}/{total} 步）。",
        en: "Campaign {campaign} was cancelled ({done} of {total} steps done) by {by}.")
    public let willRetry = MessageText(
        "run.will-retry", zh: "{step}：将于 {time} 重试 —— 运行：campaign resume {campaign}",
        en: "{step}: will try again at {time} — run: campaign resume {campaign}")
    public let moreWaiting = MessageText(
        "run.more-waiting", zh: "…… 另有 {count} 步在等待；`campaign status {campaign}` 列出全部",
        en: "… and {count} more waiting; `campaign status {campaign}` lists them")
    public let continueLater = MessageText(
        "run.continue-later", zh: "稍后继续：campaign resume {campaign}；查看：campaign status {campaign}",
        en: "Continue later with: campaign resume {campaign}; see it with: campaign status {campaign}")
    public let continueLaterTimer = MessageText(
        "run.continue-later-timer", zh: "稍后继续：campaign resume {campaign}（下一个定时：{time}）；查看：campaign status {campaign}",
        en: "Continue later with: campaign resume {campaign} (next timer: {time}); see it with: campaign status {campaign}")
    public let retryAt = MessageText(
        "run.retry-at", zh: " —— 将于 {time} 重试", en: " — will try again at {time}")
    public let attempt = MessageText("run.attempt", zh: "（第 {number} 次尝试）", en: " (attempt {number})")
    public let fannedOut = MessageText(
        "run.fanned-out", zh: "{step}：{count} 个实例，每项一个", en: "{step}: {count} instance(s), one per item")
    public let interrupted = MessageText(
        "run.interrupted", zh: "{step}：上次被中断，重新运行", en: "{step}: interrupted earlier, running again")

    public let starting = MessageText("run.starting", zh: "开始 {campaign}{title}", en: "Starting {campaign}{title}")
    public let stepsAndWorkspace = MessageText(
        "run.steps-and-workspace", zh: "（共 {count} 步，工作区 {path}）", en: " ({count} steps, workspace {path})")
    public let resuming = MessageText("run.resuming", zh: "继续 {campaign}", en: "Resuming {campaign}")
    public let scheduled = MessageText(
        "run.scheduled", zh: "已定时 {campaign}{title}：在 {crons}（{zone}）启动一次运行。",
        en: "Scheduled {campaign}{title}: a run starts at {crons} ({zone}).")
    public let nextRun = MessageText("run.next-run", zh: "下次：{time}，活动名 {campaign}。", en: "Next: {time}, as campaign {campaign}.")
    public let whoStartsRuns = MessageText(
        "run.who-starts-runs", zh: "由 `campaign run-daemon`（或 `campaign serve`）启动各次运行；`campaign unschedule {campaign}` 停止定时。",
        en: "`campaign run-daemon` (or `campaign serve`) starts the runs; `campaign unschedule {campaign}` stops the schedule.")
    public let and = MessageText("run.and", zh: " 和 ", en: " and ")
}
