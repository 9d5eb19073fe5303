import Workflow

/// What the livestream plugin says about the lists it reads and the calls it records, in Chinese
/// and English (the message catalogue).
public struct LivestreamMessages: MessageCatalogue {
    public static let shared = LivestreamMessages()

    public let noPhone = MessageText("livestream.no-phone", zh: "没有手机号：线索要靠电话回访",
                                     en: "no phone number: a lead is called back")
    public let notACount = MessageText("livestream.not-a-count", zh: "“{value}”不是数量", en: "'{value}' is not a count")
    public let noFigures = MessageText("livestream.no-figures", zh: "此行没有数据", en: "the row has no figures")
    public let notACallStatus = MessageText(
        "livestream.not-a-call-status",
        zh: "“{value}”不是回访结果；请用 reached、not-reached、wrong-number、not-interested 或 booked",
        en: "'{value}' is not reached, not-reached, wrong-number, not-interested or booked")

    public let nobodyToCall = MessageText("livestream.nobody-to-call", zh: "'staff' 里没有任何回访人员",
                                          en: "'staff' names nobody to call back")

    public let callsPrompt = MessageText(
        "livestream.calls-prompt",
        zh: "还有 {open}/{leads} 条线索待回访（已处理 {settled} 条）；工作人员用 campaign calls --campaign {campaign} --staff NAME 查看自己的回访。现在结束回访期：{command}",
        en: "{open} of {leads} leads to call back ({settled} settled); staff see theirs with: campaign calls --campaign {campaign} --staff NAME. To end the period now: {command}")
}
