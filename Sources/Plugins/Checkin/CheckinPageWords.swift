import Workflow

/// The words of the check-in plugin's panels of the staff page: the gate, the scan, the count, the
/// look-up.
public struct CheckinPageWords: MessageCatalogue {
    public static let shared = CheckinPageWords()

    public let gate = MessageText("checkin-page.gate", zh: "闸口", en: "Gate")
    public let scanLabel = MessageText("checkin-page.scan-label", zh: "扫码或输入 身份证号 / 手机号 / 胸牌码，回车确认",
                                       en: "Scan or type the badge code / ID number / phone, then Enter")
    public let checkIn = MessageText("checkin-page.check-in", zh: "签到", en: "Check in")
    public let camera = MessageText("checkin-page.camera", zh: "摄像头扫码", en: "Scan with camera")
    public let photo = MessageText("checkin-page.photo", zh: "拍照扫码", en: "Take a photo of the badge")
    public let anyGate = MessageText("checkin-page.any-gate", zh: "（不分闸口）", en: "(any gate)")
    public let queuedCount = MessageText("checkin-page.queued-count", zh: "待发送 {count} 条", en: "{count} waiting to be sent")
    public let notSent = MessageText("checkin-page.not-sent", zh: "网络中断，尚未发送——恢复后自动重发",
                                     en: "no connection: not sent yet — sent again when it returns")
    public let reading = MessageText("checkin-page.reading", zh: "正在识别照片……", en: "Reading the photo…")
    public let photoNotSent = MessageText("checkin-page.photo-not-sent", zh: "网络中断，照片未发送——请重拍",
                                          en: "no connection: the photo was not sent — take it again")
    public let lookup = MessageText("checkin-page.lookup", zh: "按身份证或手机号后四位查找", en: "Find by the last four digits of ID or phone")
    public let find = MessageText("checkin-page.find", zh: "查找", en: "Find")
    public let attended = MessageText("checkin-page.attended", zh: "已签到", en: "Checked in")
    public let people = MessageText("checkin-page.people", zh: "人", en: "people")
    public let none = MessageText("checkin-page.none", zh: "没有找到", en: "Nobody found")
    public let pick = MessageText("checkin-page.pick", zh: "签到", en: "Check in")
    public let correct = MessageText("checkin-page.correct", zh: "更正", en: "Correct")
    public let newPhone = MessageText("checkin-page.new-phone", zh: "新手机号（不改就空着）", en: "New mobile (leave empty to keep)")
    public let newTownship = MessageText("checkin-page.new-township", zh: "乡镇（不改就空着）", en: "Township (leave empty to keep)")
    public let newVillage = MessageText("checkin-page.new-village", zh: "村（不改就空着）", en: "Village (leave empty to keep)")
    public let save = MessageText("checkin-page.save", zh: "保存更正", en: "Save the correction")
    public let corrected = MessageText("checkin-page.corrected", zh: "已更正", en: "Corrected")
    public let nothingChanged = MessageText("checkin-page.nothing-changed", zh: "与台账相同，没有改动", en: "The same as in the ledger: nothing changed")
    public let reprint = MessageText("checkin-page.reprint", zh: "补打胸牌", en: "Print the badge again")
}
