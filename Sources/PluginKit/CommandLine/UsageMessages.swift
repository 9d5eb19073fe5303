import ArgumentParser
import Workflow

/// What a command says when its options do not fit together, before it runs — in Chinese unless
/// `--lang en` / `CAMPAIGN_LANG=en`.
public struct UsageMessages: MessageCatalogue {
    public static let shared = UsageMessages()

    public let notALanguage = MessageText("usage.not-a-language", zh: "--lang：“{lang}”不是支持的语言；请用 zh 或 en",
                                          en: "--lang: '{lang}' is not a language campaign speaks; use zh or en")
    public let notADate = MessageText("usage.not-a-date", zh: "{flag}：“{text}”不是日期；请写成 {example} 这样",
                                      en: "{flag}: '{text}' is not a date; write it like {example}")
    public let campaignsOrAll = MessageText("usage.campaigns-or-all", zh: "请写出活动名或用 --all，不要同时用",
                                            en: "name campaigns or use --all, not both")
    public let listPlacedCSV = MessageText(
        "usage.list-placed-csv", zh: "--list-placed 放不进只有一张表的 CSV；请用 table、json、xlsx 或 html，或 `campaign outcomes --stage placement --csv FILE`",
        en: "--list-placed does not fit the one-table CSV; use table, json, xlsx or html, or `campaign outcomes --stage placement --csv FILE`")
    public let notADuration = MessageText("usage.not-a-duration", zh: "{flag}：“{text}”不是时长；请写成 6h 或 1d 这样",
                                          en: "{flag}: '{text}' is not a duration; write it like 6h or 1d")
    public let tooOften = MessageText("usage.too-often", zh: "{flag}：{text} 太频繁了；最多每分钟一次（1m）",
                                      en: "{flag}: {text} is too often; once a minute at most (1m)")
    public let atLeastOne = MessageText("usage.at-least-one", zh: "{flag} 至少为 1", en: "{flag} must be at least 1")
    public let inRange = MessageText("usage.in-range", zh: "{flag} 应在 {low} 到 {high} 之间", en: "{flag} must be from {low} to {high}")
    public let inRangeYuan = MessageText("usage.in-range-yuan", zh: "{flag} 应在 {low} 到 {high} 元之间",
                                         en: "{flag} must be from {low} to {high} yuan")
    public let giveAFile = MessageText("usage.give-a-file", zh: "请至少给出一个定义文件，例如 workflows/spring-fair.yaml",
                                       en: "give at least one definition file, e.g. workflows/spring-fair.yaml")
    public let unmaskedForSMS = MessageText("usage.unmasked-for-sms", zh: "--unmasked 只用于 --sms，并且需要 --by NAME：导出的管理员",
                                            en: "--unmasked is for --sms, and needs --by NAME: the manager who exports it")
    public let unmaskedNeedsXLSX = MessageText("usage.unmasked-needs-xlsx", zh: "--unmasked 需要 --xlsx FILE（或 --pdf FILE）和 --by NAME（管理员）",
                                               en: "--unmasked needs --xlsx FILE (or --pdf FILE) and --by NAME (a manager)")
    public let unmaskedNeedsBy = MessageText("usage.unmasked-needs-by", zh: "--unmasked 需要 --by NAME：导出的管理员",
                                             en: "--unmasked needs --by NAME: the manager who exports it")
    public let unmaskedForFiles = MessageText("usage.unmasked-for-files", zh: "--unmasked 只用于 --manifests、--csv 或 --xlsx",
                                              en: "--unmasked is for --manifests, --csv or --xlsx")
    public let notATime = MessageText("usage.not-a-time", zh: "{flag}“{text}”不是 06:00 这样的时刻",
                                      en: "{flag} '{text}' is not a time such as 06:00")
    public let notAPlate = MessageText("usage.not-a-plate", zh: "--plate“{text}”不是 贵A·12345 这样的车牌",
                                       en: "--plate '{text}' is not a plate such as 贵A·12345")
    public let everyNeedsItem = MessageText("usage.every-needs-item", zh: "--every 需要一个 ITEM（例如一天：2026-02-18），或改用 --day",
                                            en: "--every needs an ITEM (a day, say: 2026-02-18), or use --day")
    public let dayOrItem = MessageText("usage.day-or-item", zh: "--day 与 ITEM 只能二选一", en: "give --day or an ITEM, not both")
    public let recordNeedsStatus = MessageText(
        "usage.record-needs-status", zh: "--record 需要 --status reached、not-reached、wrong-number、not-interested 或 booked",
        en: "--record needs --status reached, not-reached, wrong-number, not-interested or booked")
    public let statusNeedsRecord = MessageText("usage.status-needs-record", zh: "--status 要和 --record CALL 一起用",
                                               en: "--status goes with --record CALL")
    public let noneNeedsCorrect = MessageText("usage.none-needs-correct", zh: "none 表示撤回一条记录，需要加 --correct",
                                              en: "'none' withdraws a record and needs --correct")
}

extension ValidationError {
    /// A usage error worded from the catalogue in the process's language (`CAMPAIGN_LANG`, else Chinese).
    public init(_ message: Message, language: Language = .fromEnvironment()) {
        self.init(message.text(language))
    }
}
