import BuiltinPlugins
import CampaignServer
import Checkin
import Foundation
import Ledger
import PluginKit
import Registration
import Testing
import Workflow

/// The words of the gate come from one catalogue, Chinese and English: every entry has both, with
/// the same placeholders, and no answer of the check-in plugin (or the look-ups it words) is
/// written outside it.
@Suite struct MessageCatalogueTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every plugin's part of the catalogue (the same entry may be listed by two plugins: check-in
    /// words the ledger's look-ups too).
    static let catalogue = Set(BuiltinPlugins.all.flatMap(\.catalogue) + PageWords.all + RunPageWords.all)

    @Test func everyEntryHasChineseAndEnglishWithTheSamePlaceholders() {
        var keys = Set<String>()
        for entry in Self.catalogue.sorted(by: { $0.key < $1.key }) {
            #expect(keys.insert(entry.key).inserted, "key \(entry.key) is used twice")
            #expect(!entry.zh.isEmpty && !entry.en.isEmpty, "\(entry.key) lacks a wording")
            // Chinese, or punctuation only (the `）` that closes a sentence around a status word).
            let words = entry.zh.replacingOccurrences(of: #"\{[a-z_]+\}"#, with: "", options: .regularExpression)
            #expect(entry.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
                    || !words.unicodeScalars.contains { CharacterSet.letters.contains($0) },
                    "\(entry.key): the Chinese text has no Chinese: \(entry.zh)")
            #expect(!entry.en.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
                    || Self.englishMayQuoteChinese.contains(entry.key),
                    "\(entry.key): the English text has Chinese in it: \(entry.en)")
            #expect(MessageText.placeholders(in: entry.zh) == MessageText.placeholders(in: entry.en),
                    "\(entry.key): the two wordings fill in different values")
        }
        #expect(keys.count >= 150)
    }

    /// English that names what a clerk types or sees in Chinese: a sheet's 未到场, 是否在岗, 面议.
    static let englishMayQuoteChinese: Set<String> = [
        "outcome.never-checked-in", "outcome.placement-needs-note", "outcome.not-a-stage", "import.scientific-id",
        "import.rounded-id", "import.not-salary", "transport.not-a-plate", "transport.left-without-date",
        "transport.employed-with-leave-date", "scheduling.not-yes-no", "import-file.save-as-xlsx", "import-file.headers-found", "transport.before-first-day", "transport.no-province", "journey.province-unknown", "registration-page.groups", "page.error.outcome.placement-needs-note",
        "definition.fan-out-single-value-hint", "validation.declare-list-hint", "tool.group-label-hint", "usage.not-a-plate", "import-kind.people", "import-kind.postings", "import-kind.outcomes",
        "import-kind.wishes", "import-kind.venue", "import-kind.passengers", "import-kind.vehicles", "import-kind.employment",
        "import-kind.leads", "import-kind.stream-metrics",
    ]

    /// A catalogue entry declared but in no plugin's `messages` would escape the check above.
    @Test func everyDeclaredEntryIsInAPluginsCatalogue() throws {
        let declaration = try Regex(#"MessageText\(\s*"([a-z0-9.-]+)""#)
        let listed = Set(Self.catalogue.map(\.key))
        var missing: [String] = []
        for file in try Self.swiftFiles(under: "Plugins") + Self.swiftFiles(under: "PluginKit") + Self.swiftFiles(under: "Workflow")
            + Self.swiftFiles(under: "Ledger") + Self.swiftFiles(under: "CampaignServer") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: declaration) where match.output[1].substring != "verbatim" {
                let key = String(match.output[1].substring ?? "")
                if !listed.contains(key) { missing.append("\(file.lastPathComponent): \(key)") }
            }
        }
        #expect(missing.isEmpty, "entries in no plugin's messages:\n\(missing.joined(separator: "\n"))")
    }

    /// Help stays beside its flag, where swift-argument-parser reads it once per process, as a pair
    /// `CommandHelp.text(zh:en:)`; each pair is held to the catalogue's rules: both wordings, Chinese
    /// in the Chinese, English words in the English — and every pair is found, none skipped.
    @Test func everyHelpTextHasChineseAndEnglish() throws {
        // A literal: a multi-line string, or one or more quoted pieces joined with +.
        let literal = #"("""(?s:.*?)"""|"(?:[^"\\\n]|\\.)*"(?:\s*\+\s*"(?:[^"\\\n]|\\.)*")*)"#
        let pair = try Regex(#"CommandHelp\.text\(\s*zh:\s*"# + literal + #"\s*,\s*en:\s*"# + literal + #"\s*\)"#)
        var calls = 0, pairs = 0
        for file in try Self.swiftFiles(under: "") {
            let text = try String(contentsOf: file, encoding: .utf8)
            calls += text.ranges(of: "CommandHelp.text(").count
            for match in text.matches(of: pair) {
                pairs += 1
                let zh = String(match.output[1].substring ?? ""), en = String(match.output[2].substring ?? "")
                let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
                        "\(file.lastPathComponent):\(line): the Chinese help has no Chinese: \(zh)")
                #expect(en.unicodeScalars.filter { CharacterSet.letters.contains($0) && $0.isASCII }.count >= 3,
                        "\(file.lastPathComponent):\(line): the English help has no English: \(en)")
            }
        }
        #expect(pairs == calls, "\(calls - pairs) help texts are not a pair of literals this test can read")
        #expect(pairs >= 150)
    }

    static func swiftFiles(under folder: String) throws -> [URL] {
        let root = sources.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
    }

    @Test func aMessageIsWordedInEitherLanguageAndSurvivesStorage() throws {
        let message = Message(LookupMessages.unknownID, ["id": "110105********002X"])
            + Message(CheckinMessages.walkInsWelcome)
        #expect(message.text(.zh) == "台账中没有身份证号为 110105********002X 的人员；请到服务台现场登记后再扫码")
        #expect(message.text(.en) == "no one with ID number 110105********002X is in the ledger; register them at the "
                + "desk (walk-ins are welcome), then scan again")
        let stored = try #require(Message(storedForm: message.storedForm, catalogue: Message.index(CheckinMessages.all + LookupMessages.all)))
        #expect(stored == message)
        #expect(Message(storedForm: #"[{"key":"no.such.key","values":{}}]"#, catalogue: Message.index(CheckinMessages.all + LookupMessages.all)) == nil)
    }

    /// The stored form is written by hand (each check-in stores one): any value survives, and a
    /// real JSON parser reads it.
    @Test func anyValueSurvivesTheHandWrittenStoredForm() throws {
        let awkward = "引号\"反斜杠\\换行\n回车\r制表\t\u{1}控制\u{1F}🚌 /slash"
        let message = Message(LookupMessages.unknownCode, ["code": awkward, "campaign": "fair"])
            + Message(CheckinMessages.walkInsWelcome)
        let stored = message.storedForm
        #expect(stored.hasPrefix(#"[{"key":"lookup.unknown-code","values":{"campaign":"fair","code":"#), "\(stored)")
        #expect(try JSONSerialization.jsonObject(with: Data(stored.utf8)) is [[String: Any]])
        #expect(Message(storedForm: stored, catalogue: Message.index(CheckinMessages.all + LookupMessages.all)) == message)
        #expect(Message(RunMessages.completed).storedForm == #"[{"key":"run.completed","values":{}}]"#)
    }

    @Test func languagesAreReadFromTagsEnvironmentAndHeaders() {
        #expect(Language(tag: "zh-CN") == .zh && Language(tag: "中文") == .zh && Language(tag: "EN-us") == .en)
        #expect(Language(tag: "fr") == nil)
        #expect(Language.fromEnvironment([:]) == .zh)
        #expect(Language.fromEnvironment(["CAMPAIGN_LANG": "en"]) == .en)
        #expect(Language.fromEnvironment(["CAMPAIGN_LANG": "klingon"]) == .zh)
        #expect(Language.accepting("fr-FR,en;q=0.8,zh;q=0.5") == .en)
        #expect(Language.accepting(nil) == .zh)
    }

    /// A reason written as a literal string in the check-in plugin or the look-ups would reach a
    /// clerk in one language only: every answer is a catalogue entry.
    @Test func noAnswerOfTheGateIsWrittenOutsideTheCatalogue() throws {
        let files = ["Plugins/Checkin/Scans.swift", "Plugins/Checkin/ScanAnswer.swift", "Plugins/Checkin/EnterpriseCheckIns.swift", "Plugins/Checkin/GateDesk.swift",
                     "Ledger/People/PersonLookup.swift", "Plugins/Registration/Routes/WalkInRoutes.swift",
                     "Plugins/Registration/Commands/RegisterCommand.swift"]
        // A string literal handed over as a reason: `reason = "…"`, `answer(.rejected, "…"`,
        // `LookupFailure("…"`, `return "…"` in a function that returns a reason.
        let pattern = try Regex(#"(reason\s*[=:]\s*"|t\.line\("[a-z]|answer\(\.[a-z_]+,\s*"|LookupFailure\("|Message\(\s*"|return\s+")"#)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(pattern) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                found.append("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.isEmpty, "reasons written outside the catalogue:\n\(found.joined(separator: "\n"))")
        // The scan finds what it looks for.
        #expect("            reason = \"checked in\"".contains(pattern))
        #expect("            return .notCheckedIn(reason: \"has closed\")".contains(pattern))
    }

    /// A refusal or a refused row written as a literal would reach a clerk in one language only:
    /// every one in every plugin (imports, walk-ins, outcomes, the routes) is a catalogue entry.
    @Test func noRefusalOrRefusedRowIsWrittenOutsideTheCatalogue() throws {
        // Across line breaks: `.at(row, "x", fields: fields,\n "…"`. A one-word code (`reason: "retention"`) is no sentence.
        let pattern = try Regex(#"(InputRefusal\(field:\s*[^,]+,\s*"|reason:\s*"(?![a-z-]+")|fields:\s*fields,\s*"|problem\("[a-z_]+",\s*"|CellProblem\([^)]*reason:\s*"|notes\.append\(")"#)
        var found: [String] = []
        for file in try Self.swiftFiles(under: "Plugins") + Self.swiftFiles(under: "PluginKit") + Self.swiftFiles(under: "Ledger") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                found.append("\(file.lastPathComponent):\(line): \(text[match.range])")
            }
        }
        #expect(found.isEmpty, "refusals written outside the catalogue:\n\(found.joined(separator: "\n"))")
        // The scan finds what it looks for.
        #expect(("return .failure(.at(row, \"seats\", fields: fields,\n" + "    \"'9' is not a number of seats\"))").contains(pattern))
        #expect(#"throw InputRefusal(field: "plate", "no such plate")"#.contains(pattern))
    }

    /// What `campaign validate` says about a definition — the file's shape, what steps use and read,
    /// expressions, cron lines, parameters checked by any plugin, external plugins — is worded from the
    /// catalogue: no diagnostic, parameter problem or expression error is written as a literal.
    @Test func noDiagnosticIsWrittenOutsideTheCatalogue() throws {
        // Across line breaks: `diagnostics.error(\n "…"`, `ParameterProblem(parameter: "x",\n "…"`.
        let pattern = try Regex(#"(diagnostics\.error\(\s*"|Diagnostic\(\.[a-z]+,\s*"|ParameterProblem\(parameter:\s*[^,]+,\s*"|ExpressionError\(message:|TypeMismatch\(\s*"|SpanProblem\(\s*")"#)
        var found: [String] = []
        for file in try Self.swiftFiles(under: "Plugins") + Self.swiftFiles(under: "PluginKit") + Self.swiftFiles(under: "Workflow")
            + Self.swiftFiles(under: "Ledger") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                found.append("\(file.lastPathComponent):\(line): \(text[match.range])")
            }
        }
        // ExpressionError keeps one initializer from plain words, for tests to compare with.
        found.removeAll { $0.hasPrefix("ExpressionParser.swift:") && $0.hasSuffix("ExpressionError(message:") }
        #expect(found.isEmpty, "diagnostics written outside the catalogue:\n\(found.joined(separator: "\n"))")
        // The scan finds what it looks for.
        #expect("diagnostics.error(\n    \"'steps' is empty\", at: node.location)".contains(pattern))
        #expect(#"return [ParameterProblem(parameter: "minutes", "'minutes' must be from 1 to 60")]"#.contains(pattern))
    }

    /// An error, a step's failure, an HTTP answer, an event in a run's history or a line a command
    /// prints, written as a literal sentence, would reach people in one language only: the scan finds
    /// them in every target people read (the engine, the plugins, the command line, the server).
    /// `WorkflowError.internal` (a bug, "please report it") and the benchmarks are for developers.
    @Test func noErrorEventOrPrintedLineIsWrittenOutsideTheCatalogue() throws {
        // A call that hands a sentence to a person, its string literal opening at the end of the match.
        let opening = try Regex(#"(WorkflowError\.(usage|invalidInput|unavailable)\(\s*"|WorkflowError\(\.[a-zA-Z]+,\s*"|StepFailure\(\s*"|HTTPError\([^)]*message:\s*"|message:\s*"|\.line\(\s*"|Terminal\.error\(\s*"|ValidationError\(\s*"|\bt\.(bold|dim|green|red|yellow)\(\s*"|ArgumentHelp\(\s*"|[(,]\s*help:\s*")"#)
        var found: [String] = []
        for folder in ["Workflow", "Plugins", "PluginKit", "campaign", "CampaignServer"] {
            for file in try Self.swiftFiles(under: folder) {
                let text = try String(contentsOf: file, encoding: .utf8)
                for match in text.matches(of: opening) {
                    let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                    let source = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
                    if source.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                    let words = Self.literalWords(text[match.range.upperBound...])
                    if words.contains(where: { $0.count >= 3 }) {
                        found.append("\(folder)/\(file.lastPathComponent):\(line): \(words.joined(separator: " "))")
                    }
                }
            }
        }
        #expect(found.isEmpty, "written outside the catalogue:\n\(found.joined(separator: "\n"))")
        // The scan finds what it looks for, and not what is only values.
        #expect(Self.literalWords(#"wrote \(count) entries")"#[...]) == ["wrote", "entries"])
        #expect(Self.literalWords(#"  \(t.bold(token)) \(Terminal.pad(row[0], 10))")"#[...]).isEmpty)
        #expect(Self.literalWords(#"\(time) ! \(reason)")"#[...]).isEmpty)
    }

    /// The English words of a string literal (from after its opening quote to its closing one),
    /// interpolations `\(…)` left out: what a person would read that is not a value.
    static func literalWords(_ rest: Substring) -> [String] {
        var plain = ""
        var depth = 0
        var index = rest.startIndex
        while index < rest.endIndex {
            let c = rest[index]
            let next = rest.index(after: index)
            if depth == 0 {
                if c == "\"" { break }
                if c == "\\", next < rest.endIndex, rest[next] == "(" {
                    depth = 1
                    index = rest.index(after: next)
                    continue
                }
                if c == "\\", next < rest.endIndex { index = rest.index(after: next); continue }
                plain.append(c)
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
            } else if c == "\"" {
                // A string inside an interpolation: skip to its end.
                var inner = next
                while inner < rest.endIndex, rest[inner] != "\"" { inner = rest.index(after: inner) }
                index = inner < rest.endIndex ? rest.index(after: inner) : inner
                continue
            }
            index = next
        }
        return plain.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init).filter { $0.count >= 3 }
    }

    /// A definition's errors read in Chinese by default and in English on request, the caret at the same place.
    @Test func aDiagnosticIsWordedInEitherLanguage() throws {
        let file = SourceFile(path: "fair.yaml", text: "name: fair\nsteps:\n  - id: a\n    uses: core.lgo\n")
        let (_, found) = Validator(registry: PluginRegistry([CorePlugin.plugin])).check(file: file)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.message == "plugin 'core' has no action 'lgo'")
        #expect(diagnostic.rendered(in: file, language: .zh).split(separator: "\n") == [
            "fair.yaml:4:16: 错误：插件“core”没有动作“lgo”", "        uses: core.lgo", "                   ^~~",
            "    提示：您是不是要找“core.log”？"])
        #expect(diagnostic.rendered(in: file, language: .en).hasPrefix("fair.yaml:4:16: error: plugin 'core' has no action 'lgo'"))
        #expect(diagnostic.rendered(in: file, language: .en).hasSuffix("help: did you mean 'core.log'?"))
        // A word inside a message is worded too: the kind of YAML node, the type a value should have.
        let shapes = SourceFile(path: "f.yaml", text: "name: f\nvars: [1]\nsteps:\n  - id: a\n    uses: core.wait\n    with: { for: [1] }\n")
        let (_, problems) = Validator(registry: PluginRegistry([CorePlugin.plugin])).check(file: shapes)
        let words = problems.map { $0.message(in: .zh) }
        #expect(words.contains("'vars' 应是变量名到值的映射，而这里是列表（以 '-' 开头的各行）"), "\(words)")
        #expect(words.contains("参数“for”应是时长，而不是列表"), "\(words)")
        #expect(problems.map(\.message).contains("parameter 'for' must be a duration, not list"))
    }

    /// `gate_names:` may only name gates that `gates:` lists.
    @Test func gateNamesMustNameListedGates() {
        let yaml = """
            name: fair
            steps:
              - id: gate
                uses: checkin.gate
                with: { gates: [north, south], gate_names: { north: 北门, east: 东门 } }
            """
        let (_, diagnostics) = Validator(registry: BuiltinPlugins.registry).check(file: SourceFile(path: "f.yaml", text: yaml))
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
                == ["5:48 'gate_names' names a gate 'east' that 'gates' does not list"])
    }
}
