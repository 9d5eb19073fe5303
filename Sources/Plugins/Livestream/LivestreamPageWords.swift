import Workflow

/// The words of the call-back panel of the staff page (我的回访).
public struct LivestreamPageWords: MessageCatalogue {
    public static let shared = LivestreamPageWords()

    public let myCalls = MessageText("livestream-page.my-calls", zh: "我的回访", en: "My calls")
    public let reached = MessageText("livestream-page.reached", zh: "已接通", en: "Reached")
    public let notReached = MessageText("livestream-page.not-reached", zh: "未接通", en: "Not reached")
    public let wrongNumber = MessageText("livestream-page.wrong-number", zh: "空号", en: "Wrong number")
    public let notInterested = MessageText("livestream-page.not-interested", zh: "无意向", en: "Not interested")
    public let book = MessageText("livestream-page.book", zh: "约面试", en: "Book interview")
    public let recorded = MessageText("livestream-page.recorded", zh: "已记录", en: "Recorded")
    public let idNumber = MessageText("livestream-page.id-number", zh: "身份证号（线索只有手机号时必填）",
                                      en: "ID number (needed when the lead gave a phone only)")
    public let posting = MessageText("livestream-page.posting", zh: "岗位", en: "Posting")
    public let asSignedUp = MessageText("livestream-page.as-signed-up", zh: "按报名时填写的岗位", en: "As in the sign-up")
    public let confirmBooking = MessageText("livestream-page.confirm-booking", zh: "确认约面试", en: "Confirm the interview")

    // The refusals whose words for the command line name a flag, worded for this panel.
    public let notInLedger = MessageText(
        "page.error.calls.not-in-ledger", zh: "这条线索不在台账中：问一下身份证号，填在“身份证号”里，再点“确认约面试”",
        en: "The lead is not in the ledger: ask for their ID number, type it in “ID number”, then “Confirm the interview”")
    public let noPosting = MessageText(
        "page.error.calls.no-posting", zh: "报名中没有写本场的岗位：在“岗位”中选一个，再点“确认约面试”",
        en: "The sign-up names no posting of this stream: pick one in “Posting”, then “Confirm the interview”")
    public let noCall = MessageText(
        "page.error.calls.no-call", zh: "没有这个回访：刷新页面看当前的回访", en: "There is no such call: reload the page to see the calls now")
}
