import Workflow

/// The words of the class-attendance panel of the staff page (课堂考勤).
public struct TrainingPageWords: MessageCatalogue {
    public static let shared = TrainingPageWords()

    public let attendance = MessageText("training-page.attendance", zh: "课堂考勤", en: "Class attendance")
    public let type = MessageText("training-page.type", zh: "刷胸卡，或输入身份证号、手机号", en: "Scan a badge, or type an ID or phone number")
    public let mark = MessageText("training-page.mark", zh: "记到", en: "Present")
    public let present = MessageText("training-page.present", zh: "已到", en: "Marked present")
    public let already = MessageText("training-page.already", zh: "本课已记到", en: "Already present")
    public let session = MessageText("training-page.session", zh: "课次", en: "Session")
    public let presentCount = MessageText("training-page.present-count", zh: "已到", en: "present")
}
