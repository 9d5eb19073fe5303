import Workflow

/// What `livestream.lineup` fails with in the run's history, in Chinese and English.
public struct LineupMessages: MessageCatalogue {
    public static let shared = LineupMessages()

    public let notOffered = MessageText(
        "livestream.lineup-not-offered", zh: "{codes}：不是 {campaign} 提供的岗位（campaign postings --campaign {campaign} 可列出）",
        en: "{codes}: not postings {campaign} offers (campaign postings --campaign {campaign} lists them)")
    public let noPostings = MessageText(
        "livestream.lineup-no-postings", zh: "{campaign} 没有可介绍的岗位：请先导入岗位", en: "{campaign} offers no postings to present: import them first")
    public let tooLong = MessageText(
        "livestream.lineup-too-long",
        zh: "{postings} 个岗位每个 {minutes} 分钟共需 {needed} 分钟，直播只有 {length} 分钟：最多讲 {fits} 个岗位，或把每个岗位缩短到 {each} 分钟",
        en: "{postings} postings at {minutes} minutes need {needed} minutes; the stream is {length}: present at most {fits}, "
            + "or give each {each} minutes")
}
