/// One entry of the message catalogue: a stable key and its wording in each language, with
/// `{name}` placeholders filled in by a `Message`.
public struct MessageText: Sendable, Hashable {
    public let key: String
    public let zh: String
    public let en: String

    public init(_ key: String, zh: String, en: String) {
        self.key = key
        self.zh = zh
        self.en = en
    }

    public func template(_ language: Language) -> String { language == .zh ? zh : en }

    /// The entry worded in `language` with its placeholders filled: `TallyWords.periodIs.text(lang, ["period": p])`.
    public func text(_ language: Language, _ values: [String: String] = [:]) -> String {
        values.isEmpty ? template(language) : Message(self, values).text(language)
    }

    /// A table's column headers, written as one entry with "|" between them.
    public func columns(_ language: Language) -> [String] { template(language).split(separator: "|").map(String.init) }

    /// The entry with its values, as a message: `DefinitionMessages.unknownKind(["kind": kind])`.
    public func callAsFunction(_ values: [String: String] = [:], words: [String: Message] = [:]) -> Message {
        Message(self, values, words: words)
    }

    /// The placeholder names a template uses, e.g. ["time", "gate"].
    public static func placeholders(in template: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
