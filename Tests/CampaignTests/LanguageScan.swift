import Foundation

/// Finds the words of the other language in a command's output. Chinese output may hold English only
/// as codes (a campaign's name, a step's id, a flag, a path, `key=value`, a command to type), format
/// and product names from a short list, and the definitions' and lists' own text (a step named in
/// English, an enterprise's name); English output may hold Chinese only as the lists' and
/// definitions' own text (a person's, village's or enterprise's name, a gate's display name) and the
/// masked form of a name (张*).
struct LanguageScan {
    /// The definitions' and the lists' own text: YAML values (comments dropped) and CSV cells.
    let corpus: [String]

    /// Words that are names of formats, products or units, said as they are in either language.
    static let names: Set<String> = ["A4", "CSV", "XLSX", "XLS", "HTML", "PDF", "JSON", "QR", "ID", "BOM", "UTF",
                                     "SQLite", "PostgreSQL", "Chromium", "Excel", "LibreOffice", "WPS", "ICS", "SMS",
                                     "Mermaid", "DOT", "Graphviz", "Asia", "Shanghai", "WAL", "HTTP", "HTTPS", "URL",
                                     "CA", "TLS", "CODE", "NAME", "FILE", "DIR", "PLATE", "STAFF", "MANAGER", "CAMPAIGN",
                                     "STEP", "DAY", "TIME", "VALUE", "ROW", "PATH", "URL", "N", "OK", "iPhone", "Android",
                                     "cron", "Docker", "Markdown", "YAML",
                                     // Values typed after a flag: formats, languages.
                                     "table", "csv", "json", "xlsx", "html", "pdf", "zh", "en", "mermaid", "dot"]

    /// The target groups as a sheet holds them: the values to type, named so in either language.
    static let sheetValues = ["脱贫人口", "监测对象", "零就业家庭", "就业困难人员", "高校毕业生", "退役军人", "残疾人", "返乡农民工",
                              "农村低收入人口"]

    init(folder: URL) throws {
        var phrases: Set<String> = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            switch file.pathExtension {
            case "yaml":
                for line in text.split(separator: "\n") {
                    let content = line.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
                    guard let colon = content.firstIndex(of: ":") else { continue }
                    let value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                        .replacing(/\$\{\{[^}]*\}\}/, with: ",")   // an expression parts the text around it
                        .trimmingCharacters(in: CharacterSet(charactersIn: "\"'[]{}"))
                    for part in value.components(separatedBy: CharacterSet(charactersIn: ",[]{}")) {
                        let phrase = part.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                        if phrase.count >= 2 { phrases.insert(phrase) }
                        // `north: 北门`: the value of an inline mapping.
                        if let inner = phrase.split(separator: ":").last.map({ $0.trimmingCharacters(in: .whitespaces) }),
                           inner.count >= 2 { phrases.insert(inner) }
                    }
                }
            case "csv":
                for cell in text.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: CharacterSet(charactersIn: ",\n\r")) {
                    let phrase = cell.trimmingCharacters(in: .whitespaces)
                    if phrase.count >= 2 { phrases.insert(phrase) }
                }
            default: continue
            }
        }
        corpus = phrases.sorted { $0.count > $1.count }
    }

    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFFEF).contains(scalar.value)
    }

    /// The output with the definitions' and lists' own text taken out.
    func withoutCorpus(_ text: String) -> String {
        var text = text
        // "_" marks what was taken out as code, so a word is never cut out of a path or a name.
        for phrase in corpus where text.contains(phrase) { text = text.replacingOccurrences(of: phrase, with: "_") }
        return text
    }

    /// Chinese words in English output.
    func chineseIn(_ output: String) -> [String] {
        var text = withoutCorpus(output).replacing(/\p{Han}\*+/, with: " ")   // a masked name
        for value in Self.sheetValues { text = text.replacingOccurrences(of: value, with: " ") }
        var found: [String] = [], run = ""
        for scalar in text.unicodeScalars {
            if Self.isChinese(scalar) { run.unicodeScalars.append(scalar) } else if !run.isEmpty { found.append(run); run = "" }
        }
        if !run.isEmpty { found.append(run) }
        return found
    }

    /// English words in Chinese output.
    func englishIn(_ output: String) -> [String] {
        // Commands to type (`campaign resume spring-fair-2026`) are code, up to the next Chinese word.
        var text = withoutCorpus(output).replacing(/campaign( [^\p{Han}，。；：、（）()“”]*)?/, with: " ")
        // A help listing's command names (`  checkin   按胸牌码…`) are what one types.
        text = text.replacing(/(?m)^\s+[a-z][a-z-]*(\s{2,}|$)/, with: " ")
        text = text.replacing(/https?:\/\/\S+/, with: " ")
        // Placeholders (`<campaign>`), JSON (a step's outputs), what the user typed (“pdff”), calls (`always()`).
        text = text.replacing(/<[^<>\n]*>/, with: " ").replacing(/\{[^\n]*\}/, with: " ")
            .replacing(/“[^”\n]*”/, with: " ").replacing(/[A-Za-z]+\(\)/, with: " ")
        var found: [String] = []
        for token in text.split(whereSeparator: { $0.isWhitespace || Self.isChinese($0.unicodeScalars.first!) || "，。；：、（）()“”「」【】《》,;!?|·—→←…'\"`<>".contains($0) }) {
            // Code: a flag, a path, an id with - or _, key=value, anything with a digit or @.
            if token.contains(where: { "-_/.=@$:{}[]#*+~%&\\".contains($0) || $0.isNumber }) { continue }
            for word in token.split(whereSeparator: { !$0.isLetter }) where word.count >= 2 && word.allSatisfy(\.isASCII) {
                if !Self.names.contains(String(word)) { found.append(String(word)) }
            }
        }
        return found
    }
}
