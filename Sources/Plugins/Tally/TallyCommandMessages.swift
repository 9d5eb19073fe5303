import Workflow

/// What `campaign tally` says besides the report itself, in Chinese and English.
public struct TallyCommandMessages: MessageCatalogue {
    public static let shared = TallyCommandMessages()

    public let unknownBreakdown = MessageText("tally.unknown-breakdown", zh: "未知的分组“{name}”", en: "unknown breakdown '{name}'")
    public let useBreakdowns = MessageText("tally.use-breakdowns", zh: "可用：{names}", en: "use {names}")
    public let notADate = MessageText("tally.not-a-date", zh: "“{text}”不是日期", en: "'{text}' is not a date")
    public let writeDate = MessageText("tally.write-date", zh: "请写成 2026-03-01 这样", en: "write it like 2026-03-01")
    public let nameCampaigns = MessageText("tally.name-campaigns", zh: "请写出要统计的活动，或用 --all",
                                           en: "name the campaigns to tally, or use --all")
    public let nameCampaignsHint = MessageText(
        "tally.name-campaigns-hint", zh: "例如 campaign tally spring-fair-2026，或 campaign tally --all --from 2026-01-01",
        en: "e.g. campaign tally spring-fair-2026, or campaign tally --all --from 2026-01-01")
    public let folderMissing = MessageText(
        "tally.folder-missing", zh: "无法写入 {name}：文件夹 {folder} 不存在或不可写",
        en: "cannot write {name}: the folder {folder} does not exist or is not writable")
    public let chooseOut = MessageText("tally.choose-out", zh: "先创建它，或用 --out 换一个位置",
                                       en: "create it, or choose another place with --out")
    public let stale = MessageText(
        "tally.stale", zh: "注意：{time} 写出的报表（{files}）已经过时——此后有{changes}；请重新写出，例如 campaign tally {campaign} --format xlsx --out FILE",
        en: "note: the report written {time} ({files}) is out of date — {changes} since; write it again, e.g. campaign tally {campaign} --format xlsx --out FILE")
    public let wrote = MessageText("tally.wrote", zh: "已写出 {file}", en: "wrote {file}")
    public let wroteWithHeadline = MessageText("tally.wrote-with-headline", zh: "已写出 {file}：{headline}",
                                               en: "wrote {file}: {headline}")
}
