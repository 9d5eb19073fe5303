/// What the engine tells the person at the keyboard when a command about a run cannot be done —
/// an unknown campaign or step, a step that is not waiting or has not failed, a run busy elsewhere,
/// no workspace — in Chinese and English (the message catalogue).
public struct EngineMessages: MessageCatalogue {
    public static let shared = EngineMessages()

    public let didYouMean = MessageText("engine.did-you-mean", zh: "您是不是要找“{name}”？", en: "did you mean '{name}'?")
    public let known = MessageText("engine.known", zh: "已有：{names}", en: "known: {names}")
    public let noCampaign = MessageText(
        "engine.no-campaign", zh: "这个工作区里没有名为“{campaign}”的活动", en: "no campaign named '{campaign}' in this workspace")
    public let startOne = MessageText(
        "engine.start-one", zh: "用 `campaign start workflows/spring-fair.yaml` 开始一个",
        en: "start one with `campaign start workflows/spring-fair.yaml`")
    public let alreadyStarted = MessageText(
        "engine.already-started", zh: "活动“{campaign}”已于 {time} 开始（状态：", en: "campaign '{campaign}' was already started on {time} (status: ")
    public let alreadyStartedEnd = MessageText(
        "engine.already-started-end", zh: "）；再次开始会重复它的步骤", en: "); starting it again would repeat its steps")
    public let startedHint = MessageText(
        "engine.started-hint", zh: "用 `campaign status {campaign}` 查看进度，用 `campaign resume {campaign}` 继续；要重新运行请换一个新的 name:",
        en: "see where it stands with `campaign status {campaign}`, continue it with `campaign resume {campaign}`; to run it afresh give it a new 'name:'")
    public let noStep = MessageText("engine.no-step", zh: "活动“{campaign}”没有步骤“{step}”",
                                    en: "campaign '{campaign}' has no step '{step}'")
    public let runsPerItem = MessageText(
        "engine.runs-per-item", zh: "步骤“{step}”对每一项各运行一次；请说明要通知哪一个实例",
        en: "step '{step}' runs once per item; say which instance to signal")
    public let statusLists = MessageText("engine.status-lists", zh: "`campaign status {campaign}` 会列出它们",
                                         en: "`campaign status {campaign}` lists them")
    public let instancesWaiting = MessageText("engine.instances-waiting", zh: "正在等待通知的实例：{list}",
                                              en: "instances waiting for a signal: {list}")
    public let notWaiting = MessageText(
        "engine.not-waiting", zh: "步骤“{step}”没有在等待通知（它", en: "step '{step}' is not waiting for a signal (it is ")
    public let closingBracket = MessageText("engine.closing-bracket", zh: "）", en: ")")
    public let statusShows = MessageText("engine.status-shows", zh: "`campaign status {campaign}` 显示活动进行到哪里",
                                         en: "`campaign status {campaign}` shows where the run stands")
    public let stepsWaiting = MessageText("engine.steps-waiting", zh: "正在等待通知的步骤：{list}",
                                          en: "steps waiting for a signal: {list}")
    public let notFailed = MessageText(
        "engine.not-failed", zh: "步骤“{step}”没有失败（它", en: "step '{step}' has not failed (it is ")
    public let onlyFailedRetried = MessageText(
        "engine.only-failed-retried", zh: "）；只有失败的步骤可以重试", en: "); only failed steps can be retried")
    public let failedSteps = MessageText("engine.failed-steps", zh: "失败的步骤：{list}", en: "failed steps: {list}")
    public let alreadyCancelled = MessageText("engine.already-cancelled", zh: "活动“{campaign}”已经取消",
                                              en: "campaign '{campaign}' was already cancelled")
    public let cancelledOn = MessageText("engine.cancelled-on", zh: "（{time}）", en: " on {time}")
    public let whereItStands = MessageText("engine.where-it-stands", zh: "`campaign status {campaign}` 显示它进行到哪里",
                                           en: "`campaign status {campaign}` shows where it stands")
    public let alreadyCompleted = MessageText(
        "engine.already-completed", zh: "活动“{campaign}”已经完成；没有可取消的", en: "campaign '{campaign}' has already completed; there is nothing to cancel")
    public let historyShows = MessageText("engine.history-shows", zh: "`campaign history {campaign}` 显示它做了什么",
                                          en: "`campaign history {campaign}` shows what it did")
    public let noInstances = MessageText(
        "engine.no-instances", zh: "步骤“{step}”没有实例：它没有 for_each，或还没运行到那里",
        en: "step '{step}' has no instances: it has no 'for_each', or has not reached it yet")
    public let nameStepAlone = MessageText("engine.name-step-alone", zh: "只写步骤名：campaign signal {campaign} {step}",
                                           en: "name the step alone: campaign signal {campaign} {step}")
    public let noSuchInstance = MessageText(
        "engine.no-such-instance", zh: "步骤“{step}”没有实例“{item}”（它有 {count} 个，从 1 开始编号）",
        en: "step '{step}' has no instance '{item}' (it has {count}, numbered from 1)")
    public let noneWaitingFor = MessageText(
        "engine.none-waiting-for", zh: "步骤“{step}”没有与“{item}”相符且正在等待通知的实例",
        en: "step '{step}' has no instance for '{item}' waiting for a signal")
    public let severalInstances = MessageText(
        "engine.several-instances", zh: "“{item}”对应“{step}”的 {count} 个实例；请写实例的编号",
        en: "'{item}' matches {count} instances of '{step}'; give the instance's number")
    public let instancesList = MessageText("engine.instances-list", zh: "实例：{list}", en: "instances: {list}")
    public let busyHere = MessageText(
        "engine.busy-here", zh: "活动“{campaign}”正由本进程运行（守护进程或运行页面）",
        en: "campaign '{campaign}' is being run by this process right now (the daemon, or the run page)")
    public let waitAMoment = MessageText(
        "engine.wait-a-moment", zh: "稍等片刻再试；进度不会丢失", en: "wait a moment and try again; its progress is kept either way")
    public let busyElsewhere = MessageText(
        "engine.busy-elsewhere", zh: "活动“{campaign}”正由另一个进程（pid {pid}）运行",
        en: "campaign '{campaign}' is being run by another process (pid {pid}) right now")
    public let waitOrStop = MessageText(
        "engine.wait-or-stop", zh: "等它结束，或停止它；进度不会丢失", en: "wait for it to finish, or stop it; its progress is kept either way")

    // A waiting step's prompt.
    public let waiting = MessageText("engine.waiting", zh: "等待中", en: "waiting")
    public let waitingForPlugin = MessageText("engine.waiting-for-plugin", zh: "等待插件“{plugin}”",
                                              en: "waiting for plugin '{plugin}'")
    public let whenDone = MessageText("engine.when-done", zh: "——完成后运行：{command}", en: " — when done, run: {command}")
    public let orEndsAt = MessageText("engine.or-ends-at", zh: "（或在 {time} 自动结束）", en: " (or it ends by itself at {time})")
    public let untilTime = MessageText("engine.until-time", zh: "（直到 {time}）", en: " (until {time})")

    public let noLongerValidates = MessageText(
        "engine.no-longer-validates", zh: "活动“{campaign}”开始时所用的定义在这个版本的 campaign 中已不再有效：",
        en: "the definition campaign '{campaign}' was started with no longer validates with this version of campaign: ")
}
