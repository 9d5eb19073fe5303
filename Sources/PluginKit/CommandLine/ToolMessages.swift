import Workflow

/// What the commands say when they are used the wrong way or cannot write a file, in Chinese and
/// English: the clock, staff names, exports, shredding, and the engine's own commands.
public struct ToolMessages: MessageCatalogue {
    public static let shared = ToolMessages()

    public let badNow = MessageText("tool.bad-now", zh: "CAMPAIGN_NOW='{text}' 不是日期和时间",
                                    en: "CAMPAIGN_NOW='{text}' is not a date and time")
    public let nowHint = MessageText("tool.now-hint", zh: "请写成 2026-03-01T08:00:00+08:00 这样",
                                     en: "write it like 2026-03-01T08:00:00+08:00")
    public let notStaff = MessageText("tool.not-staff", zh: "--staff：“{name}”不是本工作区的工作人员",
                                      en: "--staff: '{name}' is not a staff account of this workspace")
    public let addStaff = MessageText("tool.add-staff", zh: "用 campaign staff add NAME 添加一位",
                                      en: "add one with campaign staff add NAME")
    public let knownStaff = MessageText("tool.known-staff", zh: "工作人员：{names}（campaign staff list）",
                                        en: "staff: {names} (campaign staff list)")
    public let cannotWrite = MessageText("tool.cannot-write", zh: "无法写入“{path}”：{reason}",
                                         en: "cannot write '{path}': {reason}")
    public let checkFolder = MessageText("tool.check-folder", zh: "请检查文件夹是否存在且可写",
                                         en: "check that the folder exists and is writable")
    public let noFolder = MessageText("tool.no-folder", zh: "无法写入 {name}：文件夹 {folder} 不存在",
                                      en: "cannot write {name}: the folder {folder} does not exist")
    public let createIt = MessageText("tool.create-it", zh: "先创建它，或换一个位置", en: "create it, or choose another place")
    public let cannotCreate = MessageText("tool.cannot-create", zh: "无法创建 {path}", en: "cannot create {path}")
    public let checkWritable = MessageText("tool.check-writable", zh: "请检查文件夹是否可写", en: "check that the folder is writable")
    public let couldNotWrite = MessageText("tool.could-not-write", zh: "没能写完 {name}：{reason}",
                                           en: "could not write {name}: {reason}")
    public let diskNotFull = MessageText("tool.disk-not-full", zh: "请检查文件夹可写、磁盘未满",
                                         en: "check the folder is writable and the disk not full")
    public let stillRunning = MessageText("tool.still-running", zh: "{campaign} 仍是{status}：它的人员数据还在使用中，不能销毁个人信息",
                                          en: "{campaign} is still {status}: its people's data is in use")
    public let shredAfterEnd = MessageText(
        "tool.shred-after-end", zh: "等活动结束后再销毁；要现在结束它：campaign cancel {campaign}",
        en: "shred after the campaign has ended; to end it now: campaign cancel {campaign}")
    public let shreddedAlready = MessageText(
        "tool.shredded-already", zh: "{campaign} 的个人信息已于 {time} 由 {actor} 销毁",
        en: "{campaign}'s personal data was shredded already, on {time} by {actor}")
    public let nothingLeft = MessageText("tool.nothing-left", zh: "已没有可销毁的内容；campaign audit 可查看记录",
                                         en: "nothing is left to shred; campaign audit shows the record")
    public let shredByManager = MessageText("tool.shred-by-manager", zh: "销毁个人信息须由管理员执行：用 --by NAME 说明是谁",
                                            en: "shredding is a manager's act: say who does it with --by NAME")
    public let shredHint = MessageText(
        "tool.shred-hint", zh: "campaign shred --campaign {campaign} --by 您的名字（先用 --dry-run 查看会销毁什么）",
        en: "campaign shred --campaign {campaign} --by YOUR_NAME (see what would go first with --dry-run)")
    public let assignment = MessageText("tool.assignment", zh: "{flag} '{text}' 应写成 NAME=VALUE",
                                        en: "{flag} '{text}' must look like NAME=VALUE")
    public let alreadyStarted = MessageText("tool.already-started", zh: "“{name}”是已经开始的活动，不是定义文件",
                                            en: "'{name}' is a campaign already started, not a definition file")
    public let continueIt = MessageText(
        "tool.continue-it", zh: "继续它：campaign resume {name}（查看：campaign status {name}）",
        en: "continue it with: campaign resume {name} (see it with: campaign status {name})")
    public let unknownList = MessageText("tool.unknown-list", zh: "未知的名单“{kind}”", en: "unknown list '{kind}'")
    public let useLists = MessageText("tool.use-lists", zh: "可用：{names}", en: "use {names}")
    public let columnPair = MessageText("tool.column-pair", zh: "--column '{text}' 应写成 FIELD=HEADER",
                                        en: "--column '{text}' must look like FIELD=HEADER")
    public let groupLabelPair = MessageText("tool.group-label-pair", zh: "--group-label '{text}' 应写成 LABEL=GROUP",
                                            en: "--group-label '{text}' must look like LABEL=GROUP")
    public let groupLabelHint = MessageText("tool.group-label-hint", zh: "例如 --group-label 三类人员=monitored",
                                            en: "e.g. --group-label 三类人员=monitored")
    public let othersGoOn = MessageText("tool.others-go-on", zh: "（活动 {campaign} 保持原样；其他活动继续）",
                                        en: "(campaign {campaign} was left as it was; the others go on)")

    public let unmaskedRecorded = MessageText("tool.unmasked-recorded", zh: "（未脱敏，已记录）", en: " (UNMASKED, recorded)")
    public let maskedSuffix = MessageText("tool.masked-suffix", zh: "（已脱敏）", en: " (masked)")

    /// " (masked)" or " (UNMASKED, recorded)" after what an export wrote.
    public static func masking(_ unmasked: Bool) -> Message { unmasked ? unmaskedRecorded() : maskedSuffix() }
}
