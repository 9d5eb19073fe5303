import Workflow

/// Why an outcome (an interview, an intent, a placement) was refused, in Chinese and English (the
/// message catalogue): the same words on the command line, the page and an import's reject file.
public struct OutcomeMessages: MessageCatalogue {
    public static let shared = OutcomeMessages()

    public let notADate = MessageText(
        "outcome.not-a-date", zh: "“{value}”不是日期；请写成 2026-03-05 这样", en: "'{value}' is not a date; write it like 2026-03-05")
    public let afterToday = MessageText(
        "outcome.after-today", zh: "{date} 晚于今天（{today}）；结果发生后再登记，写发生的那一天",
        en: "{date} is after today ({today}); record an outcome when it has happened, with the day it happened")
    public let beforeCampaign = MessageText(
        "outcome.before-campaign", zh: "{date} 早于 {campaign}（举办于 {held}；报名于 {registered}）；请核对年份和月份",
        en: "{date} is before {campaign} (held {held}; registered {registered}); check the year and the month")
    public let managerCorrects = MessageText(
        "outcome.manager-corrects", zh: "只有管理员可以更正结果：{staff} 是普通工作人员账号；请让一位管理员更正",
        en: "only a manager may correct an outcome: {staff} is a staff account; ask a manager to correct it")
    public let otherEnterprise = MessageText(
        "outcome.other-enterprise", zh: "{staff} 的账号属于{enterprise}，只能记录本企业岗位的结果；岗位 {posting} 属于{owner}",
        en: "{staff}'s account belongs to {enterprise} and records outcomes for its postings only; posting {posting} is {owner}'s")
    public let neverCheckedIn = MessageText(
        "outcome.never-checked-in",
        zh: "{person} 从未在 {campaign} 签到；要登记未到场者的就业，请注明（--not-attended，表格中写“未到场”）并备注如何就业",
        en: "{person} was never checked in at {campaign}; to record a placement of someone who did not come, say so "
            + "(--not-attended, 未到场 in a sheet) with a note on how they were placed")
    public let placementNeedsNote = MessageText(
        "outcome.placement-needs-note", zh: "未签到者的就业需要备注如何就业（--note，表格中的“备注”），例如：回访推荐",
        en: "a placement without a check-in needs a note on how they were placed (--note, 备注 in a sheet), e.g. 回访推荐")
    public let notRegistered = MessageText(
        "outcome.not-registered", zh: "{person} 未报名 {campaign}；请先报名（campaign register --campaign {campaign} …）",
        en: "{person} is not registered for {campaign}; register them first (campaign register --campaign {campaign} …)")
    public let noPostingGiven = MessageText(
        "outcome.no-posting-given", zh: "没有给出岗位；请填写岗位表中的岗位编号",
        en: "no posting given; give the posting code from the posting list")
    public let unknownPosting = MessageText(
        "outcome.unknown-posting", zh: "台账中没有编号为 {code} 的岗位；用 `campaign postings --campaign {campaign}` 查看编号",
        en: "no posting with code {code} is in the ledger; see the codes with `campaign postings --campaign {campaign}`")
    public let sharedPostingCode = MessageText(
        "outcome.shared-posting-code", zh: "编号 {code} 被 {count} 家企业的岗位使用（{postings}）；请改填企业名称和岗位名称",
        en: "the code {code} is used by {count} enterprises' postings ({postings}); give the enterprise and the title instead")
    public let postingNotOffered = MessageText(
        "outcome.posting-not-offered", zh: "岗位 {code}（{title}）不在 {campaign} 提供；导入岗位时加 --campaign {campaign} 以关联",
        en: "posting {code} ({title}) is not offered at {campaign}; import the postings with --campaign {campaign} to link them")
    public let noSuchTitle = MessageText(
        "outcome.no-such-title", zh: "{enterprise} 在 {campaign} 没有名为“{title}”的岗位；请对照岗位表核对",
        en: "{enterprise} offers no posting titled '{title}' at {campaign}; check the spelling against the posting list")
    public let severalTitles = MessageText(
        "outcome.several-titles", zh: "{enterprise} 有多个名为“{title}”的岗位；请填写岗位编号",
        en: "{enterprise} offers several postings titled '{title}'; give the posting code")
    public let notAStage = MessageText(
        "outcome.not-a-stage", zh: "“{value}”不是结果；请写 面试、达成意向、成功就业 或 稳定就业（interview, intent, placement, retained）",
        en: "'{value}' is not a stage; write 面试, 达成意向, 成功就业 or 稳定就业 (interview, intent, placement, retained)")
    public let noJobSeeker = MessageText(
        "outcome.no-job-seeker", zh: "此行没有求职者：请填写身份证号、参会证码或手机号",
        en: "the row names no job seeker: give the ID number, the badge code or the phone")
    public let noPosting = MessageText(
        "outcome.no-posting", zh: "此行没有岗位：请填写岗位编号，或企业名称和岗位名称",
        en: "the row names no posting: give the posting code, or the enterprise and the posting title")

    // The follow-up step's prompt.
    public let recordOutcomes = MessageText("outcome.record-outcomes", zh: "登记结果", en: "record outcomes")
    public let recordExample = MessageText(
        "outcome.record-example", zh: "；例如 campaign record placement --campaign {campaign} --person CODE --posting P…。结束跟踪：{command}",
        en: "; e.g. campaign record placement --campaign {campaign} --person CODE --posting P…. To end follow-up: {command}")
    public let endsByItself = MessageText("outcome.ends-by-itself", zh: "（或在 {time} 自动结束）", en: " (or it ends by itself at {time})")
}

/// What `campaign outcomes` prints: the list of people by outcome and one person's history.
public struct OutcomeListMessages: MessageCatalogue {
    public static let shared = OutcomeListMessages()

    public let recorded = MessageText("outcome-list.recorded", zh: "记录时间", en: "recorded")
    public let posting = MessageText("outcome-list.posting", zh: "岗位", en: "posting")
    public let from = MessageText("outcome-list.from", zh: "原结果", en: "from")
    public let to = MessageText("outcome-list.to", zh: "新结果", en: "to")
    public let date = MessageText("outcome-list.date", zh: "日期", en: "date")
    public let by = MessageText("outcome-list.by", zh: "记录人", en: "by")
    public let source = MessageText("outcome-list.source", zh: "来源", en: "source")
    public let note = MessageText("outcome-list.note", zh: "备注", en: "note")
    public let name = MessageText("outcome-list.name", zh: "姓名", en: "name")
    public let idNumber = MessageText("outcome-list.id-number", zh: "身份证号", en: "ID number")
    public let phone = MessageText("outcome-list.phone", zh: "手机号", en: "phone")
    public let township = MessageText("outcome-list.township", zh: "乡镇", en: "township")
    public let village = MessageText("outcome-list.village", zh: "村", en: "village")
    public let stage = MessageText("outcome-list.stage", zh: "结果", en: "stage")
    public let correction = MessageText("outcome-list.correction", zh: "（更正）", en: " (correction)")
    public let noOutcome = MessageText("outcome-list.no-outcome", zh: "{campaign} 中没有此人的结果记录",
                                       en: "no outcome recorded for this person in {campaign}")
    public let wrote = MessageText("outcome-list.wrote", zh: "已把 {count} 人写入 {file}（身份证号和手机号已打码）",
                                   en: "wrote {count} people to {file} (ID numbers and phones masked)")
    public let atStage = MessageText("outcome-list.at-stage", zh: "{count} 人达到“{stage}”或以上；身份证号和手机号已打码",
                                     en: "{count} people at {stage} or further; ID numbers and phones masked")

    // `campaign record`'s answer.
    public let advanced = MessageText("outcome-list.advanced", zh: "✓ {who}：{stage}，{at}", en: "✓ {who}: {stage} at {at}")
    public let was = MessageText("outcome-list.was", zh: "（之前为{stage}）", en: " — was {stage}")
    public let unchanged = MessageText("outcome-list.unchanged", zh: "• {who} 在 {at} 已经是{stage}；没有改变",
                                       en: "• {who} is already at {stage} for {at}; nothing changed")
    public let corrected = MessageText("outcome-list.corrected", zh: "↺ {who}：已更正 {from} → {to}，{at}（记入历史）",
                                       en: "↺ {who}: corrected {from} → {to} at {at} (kept in the history)")
}

extension OutcomeStage {
    /// The stage as a reader of `language` calls it: 成功就业 / placement.
    public func word(_ language: Language) -> String { language == .zh ? label : verb }
}
