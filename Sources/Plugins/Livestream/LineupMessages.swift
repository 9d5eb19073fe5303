import Workflow

/// What `livestream.lineup` fails with in the run's history, in Chinese and English.
public struct LineupMessages: MessageCatalogue {
    public static let shared = LineupMessages()

    public let notOffered = MessageText(
        "livestream.lineup-not-offered", zh: "{codes}：不是 {campaign} 提供的岗位（campaign postings --campaign {campaign} 可列出）",
        en: "{codes}: not postings {campaign} offers (campaign postings --campaign {campaign} lists them)")
    public let noPostings = MessageText(
        "livestream.lineup-no-postings", zh: "{campaign} 没有可介绍的岗位：请先导入岗位", en: "{campaign} offers no postings to present: import them first")
}
