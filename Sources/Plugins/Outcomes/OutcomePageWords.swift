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
}
