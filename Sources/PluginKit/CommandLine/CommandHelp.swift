import Workflow

/// Help text in the reader's language: `campaign --help` and each command's summary line are
/// Chinese unless `CAMPAIGN_LANG=en` (help is printed before `--lang` is read). The man page is
/// generated in whichever language the generating process has.
public enum CommandHelp {
    public static func text(zh: String, en: String) -> String {
        Language.fromEnvironment() == .zh ? zh : en
    }
}
