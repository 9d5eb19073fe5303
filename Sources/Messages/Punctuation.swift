/// The marks that join words, which differ by language: a Chinese list is joined by "、", a colon
/// is full width. Catalogue entries like any word, so no code chooses between two literals.
public struct Punctuation: MessageCatalogue {
    public static let shared = Punctuation()

    public let colon = MessageText("punctuation.colon", zh: "：", en: ": ")
    public let semicolon = MessageText("punctuation.semicolon", zh: "；", en: "; ")
    /// Between the clauses of a sentence.
    public let comma = MessageText("punctuation.comma", zh: "，", en: ", ")
    /// Between the items of a list (北门、南门).
    public let listComma = MessageText("punctuation.list-comma", zh: "、", en: ", ")
    /// Something with a remark after it: 招聘会（2026-03-01，县人力资源市场）.
    public let remark = MessageText("punctuation.remark", zh: "{what}（{remark}）", en: "{what} ({remark})")
}
