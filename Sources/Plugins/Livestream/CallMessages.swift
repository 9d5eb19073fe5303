import Workflow

/// What `campaign calls` and the call-back page say, in Chinese and English.
public struct CallMessages: MessageCatalogue {
    public static let shared = CallMessages()

    public let recordAs = MessageText(
        "calls.record-as", zh: "回访结果只能是 reached、not-reached、wrong-number、not-interested 或 booked",
        en: "a call is recorded as reached, not-reached, wrong-number, not-interested or booked")
    public let noCall = MessageText("calls.no-call", zh: "{campaign} 中没有回访 {id}", en: "no call {id} in {campaign}")
    public let callsList = MessageText("calls.calls-list", zh: "campaign calls --campaign {campaign} 会列出它们",
                                       en: "campaign calls --campaign {campaign} lists them")
    public let alreadyRecorded = MessageText("calls.already-recorded", zh: "回访 {id} 已经登记为 {status}",
                                             en: "call {id} was already recorded as {status}")
    public let comesBack = MessageText("calls.comes-back", zh: "没有联系上的线索会在重试间隔后作为新的回访出现",
                                       en: "a lead not reached comes back as a new call after the retry delay")
    public let someoneElses = MessageText("calls.someone-elses", zh: "回访 {id} 是 {owner} 的，不是 {staff} 的",
                                          en: "call {id} is {owner}'s, not {staff}'s")
    public let noName = MessageText("calls.no-name", zh: "这条线索没有姓名，无法加入台账；请导入带姓名的报名",
                                    en: "the lead has no name to add them to the ledger with; import the sign-up with it")
    public let notInLedger = MessageText("calls.not-in-ledger", zh: "这条线索不在台账中，所以不能为其登记面试",
                                         en: "the lead is not in the ledger, so no interview can be recorded for them")
    public let askID = MessageText("calls.ask-id", zh: "问一下他们的身份证号，加上 --id-number", en: "ask for their ID number and add --id-number")
    public let noPosting = MessageText("calls.no-posting", zh: "报名中没有写 {campaign} 的岗位（“{text}”）",
                                       en: "the sign-up names no posting of {campaign} ('{text}')")
    public let sayPosting = MessageText(
        "calls.say-posting", zh: "用 --posting CODE 说明是哪个岗位（campaign postings --campaign {campaign}）",
        en: "say which with --posting CODE (campaign postings --campaign {campaign})")
    public let recorded = MessageText("calls.recorded", zh: "✓ 回访 {call} {lead}：{status}", en: "✓ call {call} {lead}: {status}")
    public let interviewRecorded = MessageText("calls.interview-recorded", zh: "——已登记面试：{outcome}",
                                               en: " — interview recorded: {outcome}")
    public let headers = MessageText("calls.headers", zh: "回访|线索|手机|平台|岗位|第几次|工作人员|状态",
                                     en: "call|lead|phone|platforms|posting|attempt|staff|status")
    public let queued = MessageText("calls.queued", zh: "（待分配）", en: "(queued)")
    public let count = MessageText("calls.count", zh: "{count} 个回访；姓名和手机号已脱敏", en: "{count} calls; names and phones masked")
    public let toMake = MessageText("calls.to-make", zh: "{count} 个待回访；姓名和手机号已脱敏",
                                    en: "{count} calls to make; names and phones masked")

    /// What a call came to, as the call list and the phone show it.
    public let statusOpen = MessageText("calls.status-open", zh: "待拨打", en: "to call")
    public let statusReached = MessageText("calls.status-reached", zh: "已接通", en: "reached")
    public let statusNotReached = MessageText("calls.status-not-reached", zh: "未接通", en: "not reached")
    public let statusWrongNumber = MessageText("calls.status-wrong-number", zh: "空号/错号", en: "wrong number")
    public let statusNotInterested = MessageText("calls.status-not-interested", zh: "无意向", en: "not interested")
    public let statusBooked = MessageText("calls.status-booked", zh: "已约面试", en: "interview booked")
}
