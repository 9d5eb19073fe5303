import Foundation

/// The languages people read `campaign` in: Chinese first, English for the rest.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en

    /// From `--lang`, `CAMPAIGN_LANG`, a page's switch or an `Accept-Language` header: `zh`, `zh-CN`,
    /// `中文`, `en`, `en-US`, `English`…; nil for anything else.
    public init?(tag: String) {
        let lowered = tag.trimmingCharacters(in: .whitespaces).lowercased()
        if lowered.hasPrefix("zh") || lowered == "中文" || lowered == "chinese" {
            self = .zh
        } else if lowered.hasPrefix("en") || lowered == "英文" {
            self = .en
        } else {
            return nil
        }
    }

    /// `CAMPAIGN_LANG` when it names a language, else Chinese. Read with getenv: every help text of
    /// every command asks at start-up, and copying the whole environment each time was a quarter of
    /// a short command's start.
    public static func fromEnvironment() -> Language {
        getenv("CAMPAIGN_LANG").flatMap { Language(tag: String(cString: $0)) } ?? .zh
    }

    /// `CAMPAIGN_LANG` in the given environment when it names a language, else Chinese.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        environment["CAMPAIGN_LANG"].flatMap(Language.init(tag:)) ?? .zh
    }

    /// The first language an `Accept-Language` header names that we speak (`en-US,en;q=0.9`), else Chinese.
    public static func accepting(_ header: String?) -> Language {
        guard let header else { return .zh }
        for part in header.split(separator: ",") {
            if let language = Language(tag: String(part.split(separator: ";")[0])) { return language }
        }
        return .zh
    }
}
