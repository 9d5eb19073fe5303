import Foundation
import Workflow

/// What swift-argument-parser prints itself — section headings, its help and version lines, its
/// errors — in the reader's language. Each entry's English is the parser's own wording (with
/// `{name}` where it puts a value), so its output is read back against the entries and said again
/// in Chinese: `Error: The value 'pdf' is invalid for '--format <format>'` becomes
/// `错误：“pdf”不是 --format <format> 的有效取值`. A line no entry matches is left as it is.
public struct ParserWords: MessageCatalogue {
    public static let shared = ParserWords()

    // Longer sentences first: they are matched in the order of the catalogue.
    public let invalidValueChoose = MessageText(
        "parser.invalid-value-choose", zh: "“{value}”不是 {option} 的有效取值。请从下列取值中选一个：",
        en: "The value '{value}' is invalid for '{option}'. Please provide one of the following:")
    public let invalidValue = MessageText("parser.invalid-value", zh: "“{value}”不是 {option} 的有效取值",
                                          en: "The value '{value}' is invalid for '{option}'")
    public let unknownOptionDidYouMean = MessageText(
        "parser.unknown-option-did-you-mean", zh: "没有选项 {option}。您是不是要找 {other}？",
        en: "Unknown option '{option}'. Did you mean '{other}'?")
    public let unknownOption = MessageText("parser.unknown-option", zh: "没有选项 {option}", en: "Unknown option '{option}'")
    public let unexpectedArguments = MessageText("parser.unexpected-arguments", zh: "多出 {count} 个参数：{arguments}",
                                                 en: "{count} unexpected arguments: {arguments}")
    public let unexpectedArgument = MessageText("parser.unexpected-argument", zh: "多出一个参数：{argument}",
                                                en: "Unexpected argument '{argument}'")
    public let missingArgument = MessageText("parser.missing-argument", zh: "缺少参数 {argument}",
                                             en: "Missing expected argument '{argument}'")
    public let missingValue = MessageText("parser.missing-value", zh: "选项 {option} 缺少取值", en: "Missing value for '{option}'")
    public let seeHelp = MessageText("parser.see-help", zh: "更多说明：{command} --help", en: "See '{command} --help' for more information.")
    public let seeSubcommandHelp = MessageText("parser.see-subcommand-help", zh: "各子命令的详细帮助：{command} help <子命令>",
                                               en: "See '{command} help <subcommand>' for detailed help.")
    public let showHelp = MessageText("parser.show-help", zh: "显示帮助。", en: "Show help information.")
    public let showVersion = MessageText("parser.show-version", zh: "显示版本号。", en: "Show the version.")
    public let error = MessageText("parser.error", zh: "错误：{rest}", en: "Error: {rest}")
    public let helpLine = MessageText("parser.help-line", zh: "帮助：{rest}", en: "Help: {rest}")
    public let usage = MessageText("parser.usage", zh: "用法：{rest}", en: "Usage: {rest}")
    public let usageHeading = MessageText("parser.usage-heading", zh: "用法：{rest}", en: "USAGE: {rest}")
    public let overview = MessageText("parser.overview", zh: "概述：{rest}", en: "OVERVIEW: {rest}")
    public let arguments = MessageText("parser.arguments", zh: "参数：", en: "ARGUMENTS:")
    public let options = MessageText("parser.options", zh: "选项：", en: "OPTIONS:")
    public let subcommands = MessageText("parser.subcommands", zh: "{group}子命令：", en: "{group}SUBCOMMANDS:")

    /// Entries that read a whole line (a heading) rather than a part of one.
    static let wholeLine: Set<String> = ["parser.arguments", "parser.options", "parser.subcommands", "parser.error",
                                         "parser.help-line", "parser.usage", "parser.usage-heading", "parser.overview"]

    /// The parser's output said in `language` (English: as it is).
    public static func translated(_ text: String, to language: Language) -> String {
        guard language == .zh else { return text }
        let patterns = all.map { entry in (entry, pattern(for: entry.en, whole: wholeLine.contains(entry.key))) }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = String(line)
            for (entry, pattern) in patterns {
                guard let pattern, let match = pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { continue }
                var values: [String: String] = [:]
                for (index, name) in names(in: entry.en).enumerated() {
                    if let range = Range(match.range(at: index + 1), in: line) { values[name] = String(line[range]) }
                }
                let range = Range(match.range, in: line)!
                line.replaceSubrange(range, with: entry.text(.zh, values))
            }
            return line
        }.joined(separator: "\n")
    }

    /// The language `campaign`'s own refusals speak: `--lang` on the command line, else `CAMPAIGN_LANG`.
    public static func language(arguments: [String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count, let given = Language(rawValue: arguments[index + 1]) { return given }
            if argument.hasPrefix("--lang="), let given = Language(rawValue: String(argument.dropFirst(7))) { return given }
        }
        return Language.fromEnvironment()
    }

    static func names(in template: String) -> [String] {
        template.matches(of: #/\{([a-z]+)\}/#).map { String($0.1) }
    }

    /// An English template as a pattern: its words literally, each `{name}` a lazy group.
    static func pattern(for template: String, whole: Bool) -> NSRegularExpression? {
        var regex = ""
        var rest = Substring(template)
        while let match = rest.firstMatch(of: #/\{([a-z]+)\}/#) {
            regex += NSRegularExpression.escapedPattern(for: String(rest[..<match.range.lowerBound]))
            regex += match.1 == "count" ? "(\\d+)" : whole && match.range.upperBound == rest.endIndex ? "(.*)" : "(.+?)"
            rest = rest[match.range.upperBound...]
        }
        regex += NSRegularExpression.escapedPattern(for: String(rest))
        return try? NSRegularExpression(pattern: whole ? "^" + regex + "$" : regex)
    }
}
