import Foundation
import ArgumentParser
import Workflow

/// `--lang zh|en`: the language a command words its answers in. Without it, `CAMPAIGN_LANG`;
/// without that, Chinese — the language of the people who use `campaign`.
public struct LanguageOptions: ParsableArguments, Sendable {
    public init() {}

    @Option(name: .long, help: ArgumentHelp(CommandHelp.text(zh: "回答所用的语言：zh（中文）或 en（默认：$CAMPAIGN_LANG，否则 zh）。", en: "Language of the answers: zh (Chinese) or en (default: $CAMPAIGN_LANG, else zh).")))
    public var lang: String?

    public func validate() throws {
        if let lang, Language(tag: lang) == nil {
            throw ValidationError(UsageMessages.notALanguage(["lang": lang]))
        }
    }

    public var language: Language {
        lang.flatMap(Language.init(tag:)) ?? Language.fromEnvironment()
    }

    /// The language, made the process's (`CAMPAIGN_LANG`) so that what the steps this command runs
    /// write in the run's history (an import's rejected rows) is in it too. Called once, first.
    public func adopt() -> Language {
        let chosen = language
        setenv("CAMPAIGN_LANG", chosen.rawValue, 1)
        return chosen
    }
}

/// A command with `@OptionGroup var languageOptions: LanguageOptions`: its language (`--lang`, else
/// `CAMPAIGN_LANG`, else Chinese), and the same as the `zh`/`en` text older code compares with.
public protocol ChoosesLanguage {
    var languageOptions: LanguageOptions { get }
}

extension ChoosesLanguage {
    public var language: Language { languageOptions.language }
    public var lang: String { language.rawValue }
}
