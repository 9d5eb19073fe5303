import Workflow

/// The words of the booth panel of the staff page, where enterprise staff record outcomes.
public struct OutcomePageWords: MessageCatalogue {
    public static let shared = OutcomePageWords()

    public let booth = MessageText("outcome-page.booth", zh: "招聘展位：记录面试、意向、录用", en: "Booth: record interviews, intents, placements")
    public let person = MessageText("outcome-page.person", zh: "求职者（胸牌码 / 身份证号 / 手机号）",
                                    en: "Job seeker (badge code / ID number / phone)")
    public let posting = MessageText("outcome-page.posting", zh: "岗位", en: "Posting")
    public let find = MessageText("outcome-page.find", zh: "搜索岗位编号、岗位或企业", en: "Search code, title or enterprise")
    public let stage = MessageText("outcome-page.stage", zh: "结果", en: "Outcome")
    public let interview = MessageText("outcome-page.interview", zh: "面试", en: "Interview")
    public let intent = MessageText("outcome-page.intent", zh: "达成意向", en: "Hiring intent")
    public let placement = MessageText("outcome-page.placement", zh: "成功就业", en: "Placed")
    public let retained = MessageText("outcome-page.retained", zh: "稳定就业", en: "Retained")
    public let note = MessageText("outcome-page.note", zh: "备注", en: "Note")
    public let record = MessageText("outcome-page.record", zh: "记录", en: "Record")
    public let advanced = MessageText("outcome-page.advanced", zh: "已记录", en: "Recorded")
    public let unchanged = MessageText("outcome-page.unchanged", zh: "无变化（已在该阶段或更后）",
                                       en: "No change (already at this stage or further)")
    public let corrected = MessageText("outcome-page.corrected", zh: "已更正", en: "Corrected")
    public let notAttended = MessageText("outcome-page.not-attended", zh: "未到场（没有在本场签到，例如回访推荐就业）",
                                         en: "Did not attend (never checked in here, e.g. placed after a call-back)")

    // The refusals whose words for the command line name a flag, worded for this form.
    public let neverCheckedIn = MessageText(
        "page.error.outcome.never-checked-in", zh: "此人没有在本场签到：要登记其就业，请勾选“未到场”，并在“备注”中写明如何就业",
        en: "This person never checked in here: to record their placement, tick “Did not attend” and say in “Note” how they were placed")
    public let placementNeedsNote = MessageText(
        "page.error.outcome.placement-needs-note", zh: "未到场者的就业需要在“备注”中写明如何就业，例如：回访推荐",
        en: "A placement without a check-in needs a “Note” on how they were placed, e.g. 回访推荐")
    public let notRegistered = MessageText(
        "page.error.outcome.not-registered", zh: "此人没有报名本场：请先在服务台现场登记，再记录结果",
        en: "This person is not registered for this fair: register them at the desk first, then record the outcome")
    public let unknownPosting = MessageText(
        "page.error.outcome.unknown-posting", zh: "没有这个岗位编号：请在“岗位”列表中选择", en: "No posting has this code: pick one from the “Posting” list")
    public let postingNotOffered = MessageText(
        "page.error.outcome.posting-not-offered", zh: "这个岗位不在本场提供：请在“岗位”列表中选择",
        en: "This posting is not offered at this fair: pick one from the “Posting” list")
}
