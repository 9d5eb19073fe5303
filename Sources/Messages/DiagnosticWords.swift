/// The words around every diagnostic: its severity and the "help:" before a hint.
public struct DiagnosticWords: MessageCatalogue {
    public static let shared = DiagnosticWords()

    public let error = MessageText("diagnostic.error", zh: "错误", en: "error")
    public let warning = MessageText("diagnostic.warning", zh: "警告", en: "warning")
    public let note = MessageText("diagnostic.note", zh: "注", en: "note")
    public let help = MessageText("diagnostic.help", zh: "提示：", en: "help: ")
    public let errorCount = MessageText("diagnostic.error-count", zh: "{path}：{count} 处错误",
                                        en: "{path}: {count} errors")
    public let oneError = MessageText("diagnostic.one-error", zh: "{path}：1 处错误", en: "{path}: 1 error")

    /// "spring-fair.yaml: 3 errors".
    public static func count(_ count: Int, in path: String) -> Message {
        count == 1 ? oneError(["path": path]) : errorCount(["path": path, "count": "\(count)"])
    }
}
