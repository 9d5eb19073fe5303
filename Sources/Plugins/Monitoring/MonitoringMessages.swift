import Workflow

/// What the monitoring plugin says about its sheets, months and help, in Chinese and English.
public struct MonitoringMessages: MessageCatalogue {
    public static let shared = MonitoringMessages()

    public let notAWorkingAnswer = MessageText("monitoring.not-a-working-answer",
                                               zh: "“{value}”看不出是否务工：请写“是”（务工）或“否”（未务工、在家）",
                                               en: "'{value}' does not say whether they work: write yes or no")
    public let notAnArea = MessageText("monitoring.not-an-area", zh: "务工人员要写务工地域：“{value}”不是县内、省内县外或省外",
                                       en: "a worker's area is needed: '{value}' is not county, province or out of province")
    public let notADay = MessageText("monitoring.not-a-day", zh: "“{value}”不是日期或月份（如 2026-02-15 或 2026-02）",
                                     en: "'{value}' is not a day or a month (e.g. 2026-02-15 or 2026-02)")
    public let notAWish = MessageText("monitoring.not-a-wish", zh: "“{value}”看不出有无就业意愿：请写“有”或“无”",
                                      en: "'{value}' does not say whether they want work: write yes or no")
    public let notInLedger = MessageText("monitoring.not-in-ledger", zh: "身份证号 {id} 不在台账中：监测对象应先导入台账",
                                         en: "ID number {id} is not in the ledger: import the monitored households into the ledger first")
    public let noMonth = MessageText("monitoring.no-month", zh: "{campaign} 还没有设定监测月份：先运行 monitoring.month 步骤",
                                     en: "{campaign} has no month yet: run a monitoring.month step first")
    public let notAMonth = MessageText("monitoring.not-a-month", zh: "“{value}”不是月份（如 2026-03）", en: "'{value}' is not a month (e.g. 2026-03)")
    public let baselineRejected = MessageText("monitoring.baseline-rejected", zh: "{file}：{count} 行未能作为上月基数导入",
                                              en: "{file}: {count} rows could not be read as the month before")
    public let sheetKind = MessageText("monitoring.kind.sheet", zh: "乡镇务工监测表（每月）", en: "a township's monthly monitoring sheet")
    public let nobodyToHelp = MessageText("monitoring.nobody-to-help", zh: "'staff' 里没有任何帮扶人员", en: "'staff' names nobody to help")
    public let helpPrompt = MessageText(
        "monitoring.help-prompt",
        zh: "{count} 人有就业意愿未就业，已分给帮扶人员；在工作人员页面“我的帮扶”中，或用 campaign monitoring --campaign {campaign} --record 身份证号 --result placed 登记结果。现在结束：{command}",
        en: "{count} people want work and have none, each given to a helper; record results under 'My help' on the staff page, or with campaign monitoring --campaign {campaign} --record ID --result placed. To end now: {command}")
    public let endsAt = MessageText("monitoring.ends-at", zh: "（{time} 自动结束）", en: " (ends by itself at {time})")
    public let notOnHelpList = MessageText("monitoring.not-on-help-list", zh: "此人不在本月的帮扶名单上",
                                           en: "this person is not on the month's help list")
    public let someoneElsesHelp = MessageText("monitoring.someone-elses-help", zh: "此人由 {staff} 帮扶：只有本人或管理员可以登记",
                                              en: "{staff} helps this person: only they or a manager may record it")
    public let notAResult = MessageText(
        "monitoring.not-a-result",
        zh: "“{value}”不是帮扶结果；请用 contacted、placed、public-job、trained、declined 或 unreachable",
        en: "'{value}' is not a result: use contacted, placed, public-job, trained, declined or unreachable")
    public let recorded = MessageText("monitoring.recorded", zh: "已登记：{name} — {result}", en: "Recorded: {name} — {result}")
}
