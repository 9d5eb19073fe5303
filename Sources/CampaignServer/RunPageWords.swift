import Workflow

/// The run page's words, in Chinese and English; the states of steps and runs are `StatusWords`.
public struct RunPageWords: MessageCatalogue {
    public static let shared = RunPageWords()

    public let title = MessageText("run-page.title", zh: "活动运行", en: "Campaign runs")
    public let token = MessageText("run-page.token", zh: "令牌", en: "Token")
    public let signIn = MessageText("run-page.signin", zh: "登录", en: "Sign in")
    public let graph = MessageText("run-page.graph", zh: "步骤", en: "Steps")
    public let waits = MessageText("run-page.waits", zh: "等待中", en: "Waiting")
    public let history = MessageText("run-page.history", zh: "历史", en: "History")
    public let signal = MessageText("run-page.signal", zh: "完成，继续", en: "Done — continue")
    public let signalDay = MessageText("run-page.signalDay", zh: "{day} 的 {count} 项全部完成", en: "All {count} of {day} done")
    public let none = MessageText("run-page.none", zh: "没有等待的步骤", en: "No step is waiting")
    public let signalled = MessageText("run-page.signalled", zh: "已发出信号：", en: "Signalled: ")
    public let needOrganizer = MessageText("run-page.needOrganizer", zh: "只有组织者可以发出信号", en: "Only organizers can signal")
    public let signInFirst = MessageText("run-page.signInFirst", zh: "请用管理员或组织者的令牌登录",
                                         en: "Sign in with a manager's or organizer's token")
    public let waitsForTime = MessageText("run-page.waitsForTime", zh: "等到 ", en: "until ")
    public let cancel = MessageText("run-page.cancel", zh: "取消活动", en: "Cancel campaign")
    public let confirmCancel = MessageText(
        "run-page.confirmCancel", zh: "确定取消这场活动？进行中的步骤将停止，只运行 always() / cancelled() 步骤。",
        en: "Cancel this campaign? Steps in progress stop; only always() / cancelled() steps still run.")
    public let cancelledBy = MessageText("run-page.cancelledBy", zh: "已取消", en: "Cancelled")
}
