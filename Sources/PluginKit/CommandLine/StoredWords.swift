import Workflow

/// Text a run kept — a waiting step's prompt, a history entry — said in the reader's language when it
/// was kept as catalogue words (`Message.storedForm`); as it was written otherwise (a prompt a
/// definition gave, an entry from before words were kept, a word no plugin knows any more).
public enum StoredWords {
    /// Every plugin's words and the command line's, by key.
    static let index = Message.index(PluginSystem.plugins.flatMap(\.catalogue) + CommandLineCatalogue.all)

    public static func text(_ form: String?, else written: String?, _ language: Language) -> String? {
        guard let form, let message = Message(storedForm: form, catalogue: index) else { return written }
        return message.text(language)
    }
}
