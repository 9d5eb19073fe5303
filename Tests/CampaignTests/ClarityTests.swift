import Foundation
import Testing
import WorkflowTesting

/// Small traps a new user falls into, each answered: a mistyped definition file, a campaign name given
/// to `start`, outputs left out of `status`, and `--version`.
@Suite struct ClarityTests {
    @Test func aMistypedFileOrACampaignNameGetsAPointer() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let typo = try cli.run("validate", "workflows/spring_fair.yaml")
        #expect(typo.status == 69)
        #expect(typo.stderr.contains("无法读取“workflows/spring_fair.yaml”"), "\(typo.stderr)")
        #expect(typo.stderr.contains("您是不是要找“workflows/spring-fair.yaml”？"), "\(typo.stderr)")
        let typoInEnglish = try cli.run("validate", "workflows/spring_fair.yaml", "--lang", "en")
        #expect(typoInEnglish.stderr.contains("cannot read 'workflows/spring_fair.yaml'"), "\(typoInEnglish.stderr)")
        #expect(typoInEnglish.stderr.contains("did you mean 'workflows/spring-fair.yaml'?"), "\(typoInEnglish.stderr)")
        let bare = try cli.run("validate", "spring-fair.yaml")
        #expect(bare.stderr.contains("您是不是要找“workflows/spring-fair.yaml”？"), "\(bare.stderr)")

        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]).status == 0)
        let again = try cli.run("start", "spring-fair-2026")
        #expect(again.status == 64)
        #expect(again.stderr.contains("“spring-fair-2026”是已经开始的活动，不是定义文件"), "\(again.stderr)")
        #expect(again.stderr.contains("继续它：campaign resume spring-fair-2026"))

        // Every output of a step, not the first few: the import's rows and reject file included.
        let status = try cli.run("status", "spring-fair-2026")
        let ledger = try #require(status.stdout.split(separator: "\n").first { $0.contains("import-people") })
        for key in ["cells_refused=", "inserted=299", "linked=299", "reject_file=", "rejected=2", "rows=301", "unchanged=0"] {
            #expect(ledger.contains(key), "\(key) missing from: \(ledger)")
        }
    }

    /// The shell completes campaign names and a campaign's step ids from the workspace (as the script
    /// `campaign --generate-completion-script bash` asks), and an empty folder completes nothing and gets no workspace.
    @Test func theShellCompletesCampaignsAndSteps() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let nothing = try cli.run("---completion", "status", "--", "positional@0", "2", "0", "campaign", "status", "")
        #expect(nothing.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: cli.database))
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]).status == 0)
        let names = try cli.run("---completion", "status", "--", "positional@0", "2", "2", "campaign", "status", "sp")
        #expect(names.stdout.split(separator: "\n") == ["spring-fair-2026"], "\(names.stdout) \(names.stderr)")
        let steps = try cli.run("---completion", "signal", "--", "positional@1", "3", "1", "campaign", "signal",
                                "spring-fair-2026", "g")
        #expect(steps.stdout.split(separator: "\n") == ["gate"], "\(steps.stdout) \(steps.stderr)")
        let script = try cli.run("--generate-completion-script", "bash")
        #expect(script.stdout.contains("---completion signal -- positional@1"))
    }

    @Test func theVersionIsPrinted() throws {
        let dir = try TemporaryDirectory()
        let run = try CLIRunner(directory: dir).run("--version")
        #expect(run.status == 0)
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("campaign 0."), "\(run.stdout)")
    }

    /// Help speaks Chinese unless CAMPAIGN_LANG asks for English: the overview, every command's line
    /// (the engine's and the plugins'), and a command's own help.
    @Test func helpIsInChineseOrEnglish() throws {
        let cli = CLIRunner(directory: try TemporaryDirectory())
        let chinese = try cli.run("--help")
        #expect(chinese.stdout.contains("用 YAML 定义运行公共就业服务活动"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("开始一个活动，并尽量往前推进。"))
        #expect(chinese.stdout.contains("在入口用参会证码、身份证号或手机号为人员签到。"))
        #expect(chinese.stdout.contains("退出码：0 成功"))
        let english = try cli.run("--help", env: ["CAMPAIGN_LANG": "en"])
        #expect(english.stdout.contains("Start a campaign and drive it as far as it can go."), "\(english.stdout)")
        #expect(english.stdout.contains("Check a person in at a gate by badge code"))
        #expect(english.stdout.contains("Exit codes: 0 ok"))
        #expect(try cli.run("status", "--help").stdout.contains("查看活动进度"))
    }

    /// Townships come in the county's order — where each first appears in its ledger — in every
    /// format, not by their numbers, so this year's report lists them as last year's did.
    @Test func townshipsComeInTheLedgersOrder() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]).status == 0)
        let ledger = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("workflows/data/people.csv"), encoding: .utf8)
        var firstSeen: [String] = []
        for line in ledger.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if cells.count > 3, !cells[3].isEmpty, !firstSeen.contains(cells[3]) { firstSeen.append(cells[3]) }
        }
        let json = try cli.run("tally", "spring-fair-2026", "--by", "township", "--format", "json")
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let rows = ((report?["breakdowns"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]]) ?? []
        let towns = rows.compactMap { $0["key"] as? String }
        #expect(towns.count >= 3, "\(json.stdout)")
        #expect(towns == firstSeen.filter(towns.contains), "\(towns) vs the ledger's \(firstSeen)")
    }

    /// `serve` on every network prints addresses staff can open — this machine's own, not a placeholder.
    @Test(.timeLimit(.minutes(5))) func servePrintsItsRealAddresses() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]).status == 0)
        let port = Int.random(in: 20_000..<32_000)
        let serve = cli.process(["serve", "--campaign", "spring-fair-2026", "--port", "\(port)", "--no-daemon"])
        let out = Pipe()
        serve.standardOutput = out
        serve.standardError = out
        try serve.run()
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains("Ctrl-C"), Date() < deadline {
            printed += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        kill(serve.processIdentifier, SIGTERM)
        serve.waitUntilExit()
        #expect(!printed.contains("<this machine"), "\(printed)")
        let address = try Regex("spring-fair-2026 签到页面：http://[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+:\(port)/")
        #expect(printed.contains(address), "\(printed)")
        // One tap to open: each address as a QR code a phone's camera reads off the screen.
        let scanLine = try Regex("用手机扫描下面的二维码打开 http://[0-9.]+:\(port)/：\n[█▀▄ ]+\n")
        #expect(printed.contains(scanLine), "\(printed)")
    }

    /// `staff add` prints a sign-in link to this machine's page and its QR code without being told the address.
    @Test func staffAddLinksToThisMachinesPage() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]).status == 0)
        let added = try cli.run("staff", "add", "Li")
        #expect(added.status == 0, "\(added.stderr)")
        let link = try Regex("http://[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+:8080/#token=[A-Za-z0-9_-]+")
        #expect(added.stdout.contains(link), "\(added.stdout)")
        #expect(added.stdout.contains("█"), "no QR code: \(added.stdout)")
        let told = try cli.run("staff", "add", "Wang", "--url", "http://fair.local:9000/")
        #expect(told.stdout.contains("http://fair.local:9000/#token="), "\(told.stdout)")
    }

    /// A badge says which fair it is for: title, day and venue under the name.
    @Test func badgesNameTheFairTheirDayAndVenue() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]).status == 0)
        let out = dir.url.appendingPathComponent("badges.html").path
        #expect(try cli.run("badges", "--campaign", "spring-fair-2026", "--out", out).status == 0)
        let page = try String(contentsOfFile: out, encoding: .utf8)
        let fair = "<div class=\"fair\">2026年春风行动专场招聘会 · 2026-03-01 · 县人力资源市场</div>"
        #expect(page.components(separatedBy: fair).count - 1 == 299, "\(page.prefix(2000))")
    }
}
