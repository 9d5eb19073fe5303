import Workflow

/// What the tally step says about its parameters, in Chinese and English.
public struct TallyStepMessages: MessageCatalogue {
    public static let shared = TallyStepMessages()

    public let unknownFormat = MessageText("tally.unknown-format", zh: "未知的格式“{format}”", en: "unknown format '{format}'")
    public let formatsHint = MessageText("tally.formats-hint", zh: "可用 xlsx、html、json、csv 或 pdf",
                                         en: "use xlsx, html, json, csv or pdf")
    public let unknownLanguage = MessageText("tally.unknown-language", zh: "未知的语言“{lang}”",
                                             en: "unknown language '{lang}'")
    public let languageHint = MessageText("tally.language-hint", zh: "可用 zh 或 en", en: "use zh or en")
}
