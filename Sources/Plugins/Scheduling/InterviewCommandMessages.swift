import Workflow

/// What `campaign interviews` prints, in Chinese and English.
public struct InterviewCommandMessages: MessageCatalogue {
    public static let shared = InterviewCommandMessages()

    public let unmetHeaders = MessageText("interviews.unmet-headers", zh: "求职者|身份证号|岗位|志愿|原因",
                                          en: "job seeker|ID number|posting|wish|reason")
    public let headers = MessageText("interviews.headers", zh: "时间|展位|岗位|面试官|求职者|身份证号|志愿",
                                     en: "time|booth|posting|interviewer|job seeker|ID number|wish")
    public let wroteSMS = MessageText("interviews.wrote-sms", zh: "已写出 {count} 条短信（{segments} 条计费短信）到 {file}",
                                      en: "wrote {count} messages ({segments} SMS segments) to {file}")
    public let smsPreview = MessageText("interviews.sms-preview", zh: "（已脱敏：仅供预览；要发送请加 --unmasked --by 管理员）",
                                        en: " (masked: a preview; --unmasked --by MANAGER to send)")
    public let wroteBook = MessageText("interviews.wrote-book", zh: "已写出 {interviews} 场面试和 {unmet} 个未安排的志愿到 {file}（已脱敏）",
                                       en: "wrote {interviews} interviews and {unmet} wishes left out to {file} (masked)")
    public let wroteSlips = MessageText("interviews.wrote-slips", zh: "已写出 {count} 张面试通知单到 {file}（姓名和身份证号已脱敏）",
                                        en: "wrote {count} slips to {file} (names and ID numbers masked)")
    public let wroteCalendars = MessageText(
        "interviews.wrote-calendars", zh: "已写出 {count} 份日历到 {folder}（每个展位、面试官和求职者各一份；姓名已脱敏）",
        en: "wrote {count} calendars to {folder} (one per booth, per interviewer and per job seeker; names masked)")
    public let interviews = MessageText("interviews.interviews", zh: "场面试", en: "interviews")
    public let wishesLeftOut = MessageText("interviews.wishes-left-out", zh: "个未安排的志愿", en: "wishes left out")
    public let wroteRows = MessageText("interviews.wrote-rows", zh: "已写出 {count} {noun}到 {file}（身份证号已脱敏）",
                                       en: "wrote {count} {noun} to {file} (ID numbers masked)")
    public let rows = MessageText("interviews.rows", zh: "{count} {noun}；身份证号已脱敏", en: "{count} {noun}; ID numbers masked")
}
