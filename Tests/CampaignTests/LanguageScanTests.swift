import Foundation
import Testing
import WorkflowTesting

/// One language at a time: every command a county runs — each plugin's, the engine's, the argument
/// parser's help and refusals — run over a workspace holding all five samples, once in Chinese and once
/// in English; the Chinese output holds no English word and the English none Chinese, besides codes,
/// the names of formats and products, and the definitions' and lists' own text (`LanguageScan`).
@Suite struct LanguageScanTests {
    /// The commands, `{person}` a registered job seeker of the fair (another per language, so each
    /// language sees a first check-in), `{out}` a file in the test's folder.
    static let commands: [[String]] = [
        ["--help"], ["tally", "--help"], ["status"], ["status", "spring-fair-2026"], ["history", "spring-fair-2026"],
        ["validate", "workflows/spring-fair.yaml"], ["postings", "--campaign", "spring-fair-2026"],
        ["checkin", "{person}", "--campaign", "spring-fair-2026", "--gate", "north"],
        ["checkin", "{person}", "--campaign", "spring-fair-2026", "--gate", "south"],
        ["checkin", "ZZZZ9999", "--campaign", "spring-fair-2026", "--gate", "north"],
        ["checkins", "--campaign", "spring-fair-2026"],
        ["attend-enterprise", "长丰服装", "--campaign", "spring-fair-2026"],
        ["record", "interview", "--campaign", "spring-fair-2026", "--person", "{person}", "--posting", "SF004"],
        ["outcomes", "--campaign", "spring-fair-2026"], ["interviews", "--campaign", "spring-fair-2026"],
        ["badges", "--campaign", "spring-fair-2026", "--out", "{out}.html"],
        ["tally", "spring-fair-2026"], ["tally", "spring-fair-2026", "--format", "xlsx", "--out", "{out}.xlsx"],
        ["tally", "spring-fair-2026", "--format", "pdff"],
        ["import", "people", "workflows/data/people.csv", "--campaign", "spring-fair-2026"],
        ["roster", "--campaign", "bus-transport-2026", "--dry-run"], ["buses", "--campaign", "bus-transport-2026"],
        ["subsidy", "--campaign", "bus-transport-2026", "--home-province", "贵州省", "--amount", "500"],
        ["calls", "--campaign", "livestream-2026-03", "--staff", "李娜"],
        ["training", "--campaign", "training-2026-zl01"], ["monitoring", "--campaign", "monitoring-20260401-0800"],
        ["staff", "list"], ["audit"], ["signal", "spring-fair-2026", "no-such-step"], ["resume", "spring-fair-2026"],
        ["tally", "--by", "villag", "spring-fair-2026"],
    ]

    @Test(.timeLimit(.minutes(5)))
    func noCommandSaysAWordOfTheOtherLanguage() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let workflows = dir.url.appendingPathComponent("workflows")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("workflows"), to: workflows)
        try? FileManager.default.removeItem(at: workflows.appendingPathComponent("reports"))
        for (sample, now) in [("spring-fair", "2026-03-01T09:00:00+08:00"), ("bus-transport", "2026-02-19T20:00:00+08:00"),
                              ("livestream", "2026-03-15T18:00:00+08:00"), ("training", "2026-04-20T10:00:00+08:00"),
                              ("monitoring", "2026-04-06T10:00:00+08:00")] {
            let started = try cli.run("start", "workflows/\(sample).yaml", env: ["CAMPAIGN_NOW": now])
            #expect(started.status == 0, "\(sample): \(started.stderr)")
        }
        #expect(try cli.run("staff", "add", "李娜").status == 0)
        let scan = try LanguageScan(folder: workflows)
        let people = try String(contentsOf: workflows.appendingPathComponent("data/people.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().prefix(2).map { String($0.split(separator: ",")[1]) }
        var findings: [String] = []
        var runs = 0
        for (index, command) in Self.commands.enumerated() {
            for (n, lang) in ["zh", "en"].enumerated() {
                let arguments = command.map {
                    $0.replacingOccurrences(of: "{person}", with: people[n])
                        .replacingOccurrences(of: "{out}", with: dir.url.appendingPathComponent("out-\(index)-\(lang)").path)
                }
                let result = try cli.run(arguments: arguments, env: ["CAMPAIGN_LANG": lang, "CAMPAIGN_NOW": "2026-03-01T10:00:00+08:00",
                                                                     "COLUMNS": "200"])
                runs += 1
                let output = result.stdout + "\n" + result.stderr
                let words = lang == "zh" ? scan.englishIn(output) : scan.chineseIn(output)
                if !words.isEmpty {
                    findings.append("campaign \(command.joined(separator: " ")) [\(lang)]: \(Array(Set(words)).sorted().prefix(12))")
                }
            }
        }
        #expect(runs == Self.commands.count * 2)
        #expect(findings.isEmpty, "\(findings.count) of \(runs) outputs say words of the other language:\n\(findings.joined(separator: "\n"))")
    }
}
