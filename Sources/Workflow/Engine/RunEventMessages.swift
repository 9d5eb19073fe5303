/// What the engine writes in a run's history and a step's state — why a step did not run, what
/// woke it, how an attempt failed — worded when written, in the language of the command (or
/// server) that drives the run: `--lang`, else `CAMPAIGN_LANG`, else Chinese.
public struct RunEventMessages: MessageCatalogue {
    public static let shared = RunEventMessages()

    public let notRunCancelled = MessageText("event.not-run-cancelled", zh: "未运行：活动已取消", en: "not run: the campaign was cancelled")
    public let notRunFailed = MessageText(
        "event.not-run-failed", zh: "未运行：{steps} 没有成功；对失败的步骤执行 `campaign retry` 后会重新决定",
        en: "not run: {steps} did not succeed; `campaign retry` of the failed step decides it again")
    public let skippedBecauseOne = MessageText("event.skipped-because-one", zh: "已跳过：{steps} 被跳过了",
                                               en: "skipped because {steps} was skipped")
    public let skippedBecauseMany = MessageText("event.skipped-because-many", zh: "已跳过：{steps} 都被跳过了",
                                                en: "skipped because {steps} were skipped")
    public let conditionFalse = MessageText("event.condition-false", zh: "已跳过：条件“{condition}”不成立",
                                            en: "skipped: condition '{condition}' is false")
    public let signalIgnored = MessageText("event.signal-ignored", zh: "这个步骤已不在等待", en: "the step was no longer waiting")
    public let signalled = MessageText("event.signalled", zh: "已收到通知", en: "signalled")
    public let signalledBy = MessageText("event.signalled-by", zh: "由 {who} 发出通知", en: "signalled by {who}")
    public let timeReached = MessageText("event.time-reached", zh: "时间已到（{time}）", en: "time reached ({time})")
    public let stoppedCancelled = MessageText("event.stopped-cancelled", zh: "已停止：活动已取消",
                                              en: "stopped: the campaign was cancelled")
    public let instancesCancelled = MessageText("event.instances-cancelled", zh: "已取消：{count} 个实例中有 {stopped} 个没有完成",
                                                en: "cancelled: {stopped} of its {count} instances did not finish")
    public let noInstanceRan = MessageText("event.no-instance-ran", zh: "{count} 个实例都没有运行", en: "none of its {count} instances ran")
    public let startedFrom = MessageText("event.started-from", zh: "从 {file} 开始", en: "started from {file}")
    public let retryRequested = MessageText("event.retry-requested", zh: "请求重试；之前的错误：{error}",
                                            en: "retry requested after: {error}")
    public let interrupted = MessageText("event.interrupted", zh: "这次尝试被中断了（进程停止）；正在重新运行",
                                         en: "the attempt was interrupted (the process stopped); running it again")
    public let cannotSave = MessageText("event.cannot-save", zh: "无法保存步骤的结果：{error}",
                                        en: "could not save the step's result: {error}")
    public let timedOut = MessageText("event.timed-out", zh: "超过 {limit} 未完成，已停止（它的改动已撤销）",
                                      en: "timed out after {limit} (its changes were undone)")
    public let parametersUnreadable = MessageText("event.parameters-unreadable", zh: "无法读取参数：{reason}",
                                                  en: "parameters could not be read: {reason}")
    public let fanOutNeedsList = MessageText("event.fan-out-needs-list", zh: "{location}：'for_each' 需要一个列表，但",
                                             en: "{location}: 'for_each' needs a list, but ")
    public let gaveTooMany = MessageText("event.gave-too-many", zh: "它给出了 {count} 项，超过了一个步骤最多能处理的 {limit} 项",
                                         en: "it gave {count} items, more than the {limit} a step may go over")
    public let gave = MessageText("event.gave", zh: "它给出的是{type}", en: "it gave {type}")
    public let instances = MessageText("event.instances", zh: "{count} 个实例", en: "{count} instances")
    public let oneInstance = MessageText("event.one-instance", zh: "1 个实例", en: "1 instance")
    public let parameterProblem = MessageText("event.parameter-problem", zh: "{location}：参数“{name}”{why}",
                                              en: "{location}: parameter '{name}' {why}")
    public let parameterMissing = MessageText("event.parameter-missing", zh: "{location}：参数“{name}”是必需的，但没有值",
                                              en: "{location}: parameter '{name}' is required but has no value")
    public let cronNoTime = MessageText("event.cron-no-time", zh: "'at'：cron 表达式“{text}”在今后五年内没有对应的时间",
                                        en: "'at': cron '{text}' names no time in the next five years")
    public let atCron = MessageText("event.at-cron", zh: "'at'：cron 表达式“{text}”：", en: "'at': cron '{text}': ")
    public let notDateTime = MessageText("event.not-date-time", zh: "“{text}”不是日期和时间；请写成 2026-03-01 08:00 这样",
                                         en: "'{text}' is not a date and time; write it like 2026-03-01 08:00")

    // An external plugin's answer.
    public let itSaid = MessageText("event.it-said", zh: "——它说：{text}", en: " — it said: {text}")
    public let overflowed = MessageText("event.overflowed", zh: "插件“{plugin}”在标准输出上打印了超过 {limit} MB；已被停止",
                                        en: "plugin '{plugin}' printed more than {limit} MB on stdout; it was stopped")
    public let noAnswer = MessageText(
        "event.no-answer", zh: "插件“{plugin}”在 {limit} 内没有回答，它启动的所有进程都已停止（请给这个步骤设置 'timeout:'）",
        en: "plugin '{plugin}' did not answer within {limit} and was stopped with every process it started (give the step a 'timeout:')")
    public let killed = MessageText("event.killed", zh: "插件“{plugin}”在回答之前被信号 {signal} 终止",
                                    en: "plugin '{plugin}' was killed by signal {signal} before it answered")
    public let exitedSilently = MessageText("event.exited-silently", zh: "插件“{plugin}”以代码 {code} 退出，没有回答",
                                            en: "plugin '{plugin}' exited with code {code} without a reply")
    public let notProtocol = MessageText(
        "event.not-protocol", zh: "插件“{plugin}”的回答不是协议规定的 JSON（{reason}）：{answer}",
        en: "plugin '{plugin}' answered with something that is not the protocol's JSON ({reason}): {answer}")
    public let pluginFailed = MessageText("event.plugin-failed", zh: "插件“{plugin}”：{message}", en: "plugin '{plugin}': {message}")
    public let failedWithoutReason = MessageText("event.failed-without-reason", zh: "失败了，没有说明原因",
                                                 en: "failed without saying why")
    public let unknownStatus = MessageText(
        "event.unknown-status", zh: "插件“{plugin}”回答的状态是“{status}”；协议只有 completed、failed 和 waiting",
        en: "plugin '{plugin}' answered status '{status}'; the protocol knows completed, failed and waiting")
    public let badUntil = MessageText(
        "event.bad-until", zh: "插件“{plugin}”要求等到“{text}”，这不是时间（请按活动时区写 2026-03-01 17:00，或带时差的 ISO 8601）",
        en: "plugin '{plugin}' asked to wait until '{text}', which is not a time (write 2026-03-01 17:00 in the campaign's time zone, or ISO 8601 with an offset)")
    public let waitForNothing = MessageText("event.wait-for-nothing", zh: "插件“{plugin}”要求等待，却没说等什么：请给出 'until' 或 'signal: true'",
                                            en: "plugin '{plugin}' asked to wait for nothing: give 'until' or 'signal: true'")
}

extension Message {
    /// The message in the language of this process: what a run writes for people to read later.
    public var inProcessLanguage: String { text(.fromEnvironment()) }
}
