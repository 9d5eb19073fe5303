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
}
