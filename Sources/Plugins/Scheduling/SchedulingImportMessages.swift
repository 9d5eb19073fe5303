import Workflow

/// What the scheduling plugin says about the venue plans and wish lists it reads, in Chinese and
/// English (the message catalogue).
public struct SchedulingImportMessages: MessageCatalogue {
    public static let shared = SchedulingImportMessages()

    public let boothField = MessageText("scheduling.field.booth", zh: "展位号", en: "the booth number")
    public let notABooth = MessageText("scheduling.not-a-booth", zh: "“{value}”不是不超过 12 个字符的展位号",
                                       en: "'{value}' is not a booth number of up to 12 characters")
    public let notAPosition = MessageText("scheduling.not-a-position", zh: "“{value}”不是 0 到 200 之间的位置",
                                          en: "'{value}' is not a position from 0 to 200")
    public let notYesNo = MessageText("scheduling.not-yes-no", zh: "“{value}”不是“是”或“否”", en: "'{value}' is not 是 or 否")
    public let boothTaken = MessageText(
        "scheduling.booth-taken", zh: "展位 {booth} 与展位 {other} 在同一位置（第 {x} 列，第 {y} 行）",
        en: "booth {booth} stands where booth {other} stands (column {x}, row {y})")
    public let noPostingCode = MessageText("scheduling.no-posting-code", zh: "没有岗位编号", en: "no posting code")
    public let notARank = MessageText("scheduling.not-a-rank", zh: "“{value}”不是 1 到 9 的志愿序号",
                                      en: "'{value}' is not a wish's rank from 1 to 9")
    public let postingNotOffered = MessageText("scheduling.posting-not-offered", zh: "岗位 {posting} 不在 {campaign} 提供",
                                               en: "posting {posting} is not offered at {campaign}")
    public let postingCodeShared = MessageText(
        "scheduling.posting-code-shared", zh: "{campaign} 有 {count} 家企业的岗位编号都是 {posting}；请用 `campaign postings` 显示的编号",
        en: "{count} enterprises at {campaign} number a posting {posting}; use the code `campaign postings` shows")
    public let noSuchPosting = MessageText("scheduling.no-such-posting", zh: "没有编号为 {posting} 的岗位",
                                           en: "no posting has the code {posting}")
}
