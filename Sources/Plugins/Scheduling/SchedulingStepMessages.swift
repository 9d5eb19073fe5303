import Workflow

/// What the scheduling steps (booths, interviews) note or fail
/// with in the run's history, in Chinese and English (the message catalogue).
public struct SchedulingStepMessages: MessageCatalogue {
    public static let shared = SchedulingStepMessages()

    public let wishesLeftAside = MessageText(
        "scheduling.wishes-left-aside", zh: "{count} 个志愿所填的岗位已不在 {campaign} 提供；已搁置",
        en: "{count} wishes name postings no longer offered at {campaign}; left aside")
    public let noEnterprises = MessageText(
        "scheduling.no-enterprises", zh: "{campaign} 还没有邀请企业：请先导入企业", en: "{campaign} has invited no enterprise yet: import its enterprises first")
    public let notInvited = MessageText(
        "scheduling.not-invited", zh: "{names}：不在 {campaign} 邀请的企业之中（按名称或统一社会信用代码）",
        en: "{names}: not among the enterprises {campaign} invited (name or credit code)")

    public let notASpan = MessageText("scheduling.not-a-span", zh: "“{text}”不是 09:00-15:00 这样的时段",
                                      en: "'{text}' is not a span of the day such as 09:00-15:00")
    public let endsBeforeStart = MessageText("scheduling.ends-before-start", zh: "“{text}”的结束早于开始",
                                             en: "'{text}' ends before it starts")
}
