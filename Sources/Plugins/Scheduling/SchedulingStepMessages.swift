import Workflow

/// What the scheduling steps (booths, interviews, departures, a livestream's line-up) note or fail
/// with in the run's history, in Chinese and English (the message catalogue).
public enum SchedulingStepMessages {
    public static let wishesLeftAside = MessageText(
        "scheduling.wishes-left-aside", zh: "{count} 个志愿所填的岗位已不在 {campaign} 提供；已搁置",
        en: "{count} wishes name postings no longer offered at {campaign}; left aside")
    public static let beforeFirstDay = MessageText(
        "scheduling.before-first-day",
        zh: "{count} 名乘客希望在第一个出发日之前出发；保留他们自己的日期（请增加出发日，或更正他们的出发日期）",
        en: "{count} passengers wish to leave before the first departure day; they keep their own day (add a departure day, "
            + "or correct their 出发日期)")
    public static let noVehicles = MessageText(
        "scheduling.no-vehicles", zh: "{campaign} 还没有车辆，无法确定每辆车能坐多少人：请先导入车辆，或给出 capacity",
        en: "{campaign} has no vehicles to tell a bus's size: import them first, or give 'capacity'")
    public static let notOffered = MessageText(
        "scheduling.not-offered", zh: "{codes}：不是 {campaign} 提供的岗位（campaign postings --campaign {campaign} 可列出）",
        en: "{codes}: not postings {campaign} offers (campaign postings --campaign {campaign} lists them)")
    public static let noPostings = MessageText(
        "scheduling.no-postings", zh: "{campaign} 没有可介绍的岗位：请先导入岗位", en: "{campaign} offers no postings to present: import them first")
    public static let noEnterprises = MessageText(
        "scheduling.no-enterprises", zh: "{campaign} 还没有邀请企业：请先导入企业", en: "{campaign} has invited no enterprise yet: import its enterprises first")
    public static let notInvited = MessageText(
        "scheduling.not-invited", zh: "{names}：不在 {campaign} 邀请的企业之中（按名称或统一社会信用代码）",
        en: "{names}: not among the enterprises {campaign} invited (name or credit code)")

    public static let notASpan = MessageText("scheduling.not-a-span", zh: "“{text}”不是 09:00-15:00 这样的时段",
                                             en: "'{text}' is not a span of the day such as 09:00-15:00")
    public static let endsBeforeStart = MessageText("scheduling.ends-before-start", zh: "“{text}”的结束早于开始",
                                                    en: "'{text}' ends before it starts")

    public static let all = [notASpan, endsBeforeStart, wishesLeftAside, beforeFirstDay, noVehicles, notOffered, noPostings, noEnterprises, notInvited]
}
