import Foundation
import GRDB
import Testing
import WorkflowTesting

/// Shredding an ended campaign's people through the real binary: every tally format gives the same
/// numbers before and after, no name, ID number or phone of theirs is left anywhere in the database
/// file (its WAL included), people of a campaign not shredded are kept, and a person registered again
/// is a new person.
@Suite struct ShredCLITests {
    static let fairDay = ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]
    static let autumn = ["CAMPAIGN_NOW": "2026-09-01T10:00:00+08:00"]
    static let walkIn = (name: "欧阳晓燕", id: "522426199001010033", phone: "13912345678")

    @Test func shreddingKeepsEveryTallyAndLeavesNoPersonalDataInTheFile() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: Self.fairDay).status == 0)
        let people = try Self.people(in: "workflows/data/people.csv")
        // At the gates: a walk-in, one typed ID number, one typed phone; an outcome whose note names the person.
        let walkIn = try cli.run("register", "--campaign", "spring-fair-2026", "--name", Self.walkIn.name, "--id-number",
                                 Self.walkIn.id, "--phone", Self.walkIn.phone, "--gate", "north", env: Self.fairDay)
        #expect(walkIn.status == 0, "\(walkIn.stderr)")
        #expect(try cli.run("checkin", people[0].id, "--campaign", "spring-fair-2026", "--gate", "north", env: Self.fairDay).status == 0)
        #expect(try cli.run("checkin", people[1].phone, "--campaign", "spring-fair-2026", "--gate", "south", env: Self.fairDay).status == 0)
        let noted = try cli.run("record", "placement", "--campaign", "spring-fair-2026", "--person", people[0].id, "--posting", "SF004",
                                "--note", "\(people[0].name)本人来电 \(people[0].phone) 确认入职", env: ["CAMPAIGN_NOW": "2026-03-10T10:00:00+08:00"])
        #expect(noted.status == 0, "\(noted.stderr)")
        #expect(try cli.run("cancel", "spring-fair-2026", "--by", "周科长", env: Self.autumn).status == 0)
        #expect(try cli.run("staff", "add", "周科长", "--role", "manager").status == 0)

        let everyone = people + [Self.walkIn]
        // The check can fail: before the shred the file holds them.
        #expect(try Self.traces(of: everyone, in: cli.database).count >= people.count)
        let before = try Self.tallies(cli, dir, tag: "before")

        let dry = try cli.run("shred", "--campaign", "spring-fair-2026", "--dry-run", env: Self.autumn)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("将销毁 spring-fair-2026 中 300 人的个人信息"), "\(dry.stdout)")
        #expect(!dry.stdout.contains(people[0].name), "a dry run masks: \(dry.stdout)")
        #expect(try Self.traces(of: everyone, in: cli.database).count >= people.count, "a dry run changes nothing")

        let shred = try cli.run("shred", "--campaign", "spring-fair-2026", "--by", "周科长", env: Self.autumn)
        #expect(shred.status == 0, "\(shred.stderr)")
        #expect(shred.stdout.contains("✓ 已销毁 spring-fair-2026 中 300 人的个人信息"), "\(shred.stdout)")

        let leftovers = try Self.traces(of: everyone, in: cli.database)
        #expect(leftovers.isEmpty, "still in the file: \(leftovers.prefix(10))")
        let after = try Self.tallies(cli, dir, tag: "after")
        for (format, text) in before {
            #expect(Self.withoutShredNote(after[format] ?? "") == Self.withoutShredNote(text), "\(format) changed")
        }
        #expect(after["table"]?.contains("个人信息已销毁：本报告所涉 300 人") == true, "\(after["table"] ?? "")")
        #expect(after["json"]?.contains("\"shredded\"") == true)

        // The audit log has it; a second shred is refused; the outcome is still counted, under a pseudonym.
        #expect(try cli.run("audit").stdout.contains("300 people shredded, 0 kept (manual)"))
        let again = try cli.run("shred", "--campaign", "spring-fair-2026", "--by", "周科长", env: Self.autumn)
        #expect(again.status == 64)
        #expect(again.stderr.contains("的个人信息已于 2026-09-01 10:00 由 周科长 销毁"), "\(again.stderr)")
        // A shredded campaign takes no one new, no outcome, and is not run again.
        let refusals = [
            ["import", "people", CLIRunner.packageRoot.appendingPathComponent("workflows/data/people.csv").path,
             "--campaign", "spring-fair-2026"],
            ["record", "interview", "--campaign", "spring-fair-2026", "--person", people[2].id, "--posting", "SF001"],
            ["register", "--campaign", "spring-fair-2026", "--name", "赵强", "--id-number", "522426199001010033"],
            ["retry", "spring-fair-2026", "gate"],
        ]
        for arguments in refusals {
            let refused = try cli.run(arguments: arguments, env: Self.autumn)
            #expect(refused.status == 64, "\(arguments[0]): \(refused.stderr)")
            #expect(refused.stderr.contains("spring-fair-2026 的个人信息已销毁（manual，周科长）：不能再添加人员"),
                    "\(arguments[0]): \(refused.stderr)")
        }

        // Nothing shredded comes back by itself; registered again in a later campaign, the walk-in is a new person.
        let shredded = "SELECT count(*) FROM person WHERE id_number LIKE '已销毁-%'"
        let walkInRows = "SELECT count(*) FROM person WHERE id_number = '\(Self.walkIn.id)'"
        let queue = try DatabaseQueue(path: cli.database)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: shredded) } == 300)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: walkInRows) } == 0)
        let autumn = try dir.write("autumn.yaml", "name: autumn-fair\nsteps:\n  - id: gate\n    uses: checkin.gate\n")
        #expect(try cli.run("start", autumn, env: Self.autumn).status == 0)
        let again2 = try cli.run("register", "--campaign", "autumn-fair", "--name", Self.walkIn.name, "--id-number",
                                 Self.walkIn.id, "--phone", Self.walkIn.phone, env: Self.autumn)
        #expect(again2.status == 0, "\(again2.stderr)")
        #expect(try queue.read { db in try Int.fetchOne(db, sql: walkInRows) } == 1)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: shredded) } == 300)
        let later = try Self.tallies(cli, dir, tag: "later")
        for (format, text) in before {
            #expect(Self.withoutShredNote(later[format] ?? "") == Self.withoutShredNote(text), "\(format) changed later")
        }
    }

    @Test func aLivestreamsLeadsAndCallNotesGoTooWhileItsFunnelStays() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let target = dir.url.appendingPathComponent("workflows")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("workflows"), to: target)
        try? FileManager.default.removeItem(at: target.appendingPathComponent("reports"))
        let campaign = "livestream-2026-03"
        #expect(try cli.run("start", target.appendingPathComponent("livestream.yaml").path,
                            env: ["CAMPAIGN_NOW": "2026-03-15T18:00:00+08:00"]).status == 0)
        #expect(try cli.run("resume", campaign, env: ["CAMPAIGN_NOW": "2026-03-15T21:40:00+08:00"]).status == 0)
        var leads: [Person] = []
        for file in ["快手-报名线索.csv", "抖音-报名线索.csv", "视频号-报名线索.csv"] {
            let text = try String(contentsOf: target.appendingPathComponent("data/livestream/\(file)"), encoding: .utf8)
            for line in text.split(whereSeparator: \.isNewline).dropFirst() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let id = cells.first { $0.count == 18 && $0.allSatisfy { $0.isNumber || $0 == "X" } } ?? ""
                let phone = cells.first { $0.count == 11 && $0.allSatisfy(\.isNumber) } ?? ""
                guard !phone.isEmpty else { continue }
                leads.append((cells[0].contains("*") ? "" : cells[0], id, phone))
            }
        }
        #expect(leads.count >= 25)
        // The ledger holds the county's people too: one who shares a lead's name but not its phone is
        // someone else, kept, so that name is not looked for.
        let leadPhones = Set(leads.map(\.phone))
        let namesakes = Set(try Self.people(in: "workflows/data/people.csv").filter { !leadPhones.contains($0.phone) }.map(\.name))
        leads = leads.map { namesakes.contains($0.name) ? ("", $0.id, $0.phone) : $0 }
        let noted = try cli.run("calls", "--campaign", campaign, "--record", "1", "--status", "reached", "--note",
                                "\(leads[0].name)说 \(leads[0].phone) 晚上打", env: ["CAMPAIGN_NOW": "2026-03-16T10:00:00+08:00"])
        #expect(noted.status == 0, "\(noted.stderr)")
        #expect(try cli.run("cancel", campaign, env: Self.autumn).status == 0)
        #expect(try cli.run("staff", "add", "周科长", "--role", "manager").status == 0)
        #expect(try Self.traces(of: leads, in: cli.database).count >= leads.count)
        let before = try cli.run("tally", campaign, "--format", "json", "--by", "platform", env: Self.autumn).stdout

        let shred = try cli.run("shred", "--campaign", campaign, "--by", "周科长", env: Self.autumn)
        #expect(shred.status == 0, "\(shred.stderr)")
        let leftovers = try Self.traces(of: leads, in: cli.database)
        #expect(leftovers.isEmpty, "still in the file: \(leftovers.prefix(10))")
        let after = try cli.run("tally", campaign, "--format", "json", "--by", "platform", env: Self.autumn).stdout
        #expect(Self.withoutShredNote(after) == Self.withoutShredNote(before))
        #expect(before.contains("\"leads\""), "\(before)")
    }

    @Test func peopleOfACampaignNotShreddedAreKeptUntilItIsShreddedToo() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let first = try dir.write("first.yaml", Self.smallFair("first-fair"))
        let second = try dir.write("second.yaml", Self.smallFair("second-fair"))
        #expect(try cli.run("start", first, env: Self.fairDay).status == 0)
        #expect(try cli.run("start", second, env: Self.fairDay).status == 0)
        #expect(try cli.run("staff", "add", "周科长", "--role", "manager").status == 0)
        #expect(try cli.run("staff", "add", "小李").status == 0)

        let running = try cli.run("shred", "--campaign", "first-fair", "--by", "周科长", env: Self.autumn)
        #expect(running.status == 64)
        #expect(running.stderr.contains("first-fair 仍是等待中"), "\(running.stderr)")
        #expect(running.stderr.contains("campaign cancel first-fair"))
        let unknown = try cli.run("shred", "--campaign", "first-fiar", "--dry-run")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("您是不是要找“first-fair”？"), "\(unknown.stderr)")

        #expect(try cli.run("cancel", "first-fair", env: Self.autumn).status == 0)
        let nobody = try cli.run("shred", "--campaign", "first-fair", env: Self.autumn)
        #expect(nobody.status == 64)
        #expect(nobody.stderr.contains("销毁个人信息须由管理员执行"), "\(nobody.stderr)")
        let clerk = try cli.run("shred", "--campaign", "first-fair", "--by", "小李", env: Self.autumn)
        #expect(clerk.status == 64)
        #expect(clerk.stderr.contains("不是管理员"), "\(clerk.stderr)")

        let kept = try cli.run("shred", "--campaign", "first-fair", "--by", "周科长", env: Self.autumn)
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("已销毁 first-fair 中 0 人的个人信息"), "\(kept.stdout)")
        #expect(kept.stdout.contains("保留了 299 名也在未销毁活动中登记的人员：second-fair 299"),
                "\(kept.stdout)")
        let people = try Self.people(in: "workflows/data/people.csv")
        #expect(try Self.traces(of: people, in: cli.database).count >= people.count)

        #expect(try cli.run("cancel", "second-fair", env: Self.autumn).status == 0)
        let last = try cli.run("shred", "--campaign", "second-fair", "--by", "周科长", env: Self.autumn)
        #expect(last.stdout.contains("已销毁 second-fair 中 299 人的个人信息"), "\(last.stdout)")
        #expect(try Self.traces(of: people, in: cli.database).isEmpty)
    }

    @Test(.timeLimit(.minutes(3))) func theDaemonShredsWhenTheRetentionPeriodEnds() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        let path = try dir.write("short.yaml", """
            name: short-fair
            retention: 30d
            steps:
              - id: ledger
                uses: registration.import-people
                with: { file: \(CLIRunner.packageRoot.path)/workflows/data/people.csv }
            """)
        let started = try cli.run("start", path, env: Self.fairDay)
        #expect(started.stdout.contains("已完成"), "\(started.stdout) \(started.stderr)")
        // Thirty days and a minute after the run ended.
        cli.environment["CAMPAIGN_NOW"] = "2026-03-31T09:01:00+08:00"
        let daemon = cli.process(["run-daemon", "--poll", "0.05"])
        let out = Pipe()
        daemon.standardOutput = out
        daemon.standardError = out
        try daemon.run()
        let deadline = Date().addingTimeInterval(90)
        var audit = try cli.run("audit")
        while !audit.stdout.contains("shred"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            audit = try cli.run("audit")
        }
        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(audit.stdout.contains("守护进程"), "\(audit.stdout)")
        #expect(audit.stdout.contains("299 people shredded, 0 kept (retention)"), "\(audit.stdout)")
        #expect(printed.contains("short-fair：保留期满，已销毁 299 人的个人信息"), "\(printed)")
        #expect(try Self.traces(of: try Self.people(in: "workflows/data/people.csv"), in: cli.database).isEmpty)
    }

    @Test func aRetentionThatIsNoDurationIsRefusedWhereItIsWritten() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let path = try dir.write("bad.yaml", """
            name: bad
            retention: half a year
            steps:
              - id: hello
                uses: core.log
                with: { message: hi }
            """)
        let checked = try cli.run("validate", path)
        #expect(checked.status == 65)
        #expect(checked.stderr.contains("bad.yaml:2:12"), "\(checked.stderr)")
        #expect(checked.stderr.contains("'retention'：“half a year”不是一段时长"), "\(checked.stderr)")
        let inEnglish = try cli.run("validate", path, "--lang", "en")
        #expect(inEnglish.stderr.contains("'retention': 'half a year' is not a duration"), "\(inEnglish.stderr)")
        let long = try dir.write("long.yaml", "name: long\nretention: 4000d\nsteps:\n  - id: hello\n    uses: core.log\n    with: { message: hi }\n")
        let refused = try cli.run("validate", long)
        #expect(refused.stderr.contains("超过了十年（3650d）"), "\(refused.stderr)")
    }

    // MARK: - Helpers

    static func smallFair(_ name: String) -> String {
        """
        name: \(name)
        steps:
          - id: ledger
            uses: registration.import-people
            with: { file: \(CLIRunner.packageRoot.path)/workflows/data/people.csv }
          - id: gate
            needs: ledger
            uses: checkin.gate
        """
    }

    typealias Person = (name: String, id: String, phone: String)

    /// The people of a sample ledger (姓名, 身份证号, 手机号), rows the import accepts.
    static func people(in file: String) throws -> [Person] {
        let text = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent(file), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line -> Person? in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 3, cells[1].count == 18, cells[2].count == 11 else { return nil }
            return (cells[0], cells[1], cells[2])
        }
    }

    /// Which of these people's names, ID numbers and phones the database file or its WAL holds, as
    /// bytes. A name that is also a place or a word of the sample's other files is not looked for.
    static func traces(of people: [Person], in database: String) throws -> [String] {
        let other = try ["workflows/data/enterprises.csv", "workflows/data/postings.csv", "workflows/data/wishes.csv",
                         "workflows/spring-fair.yaml"]
            .map { try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent($0), encoding: .utf8) }.joined()
        var files = [try Data(contentsOf: URL(fileURLWithPath: database))]
        if let wal = try? Data(contentsOf: URL(fileURLWithPath: database + "-wal")) { files.append(wal) }
        var found: [String] = []
        for person in people {
            for value in [person.name, person.id, person.phone] where !value.isEmpty && !(value == person.name && other.contains(value)) {
                let bytes = Data(value.utf8)
                if files.contains(where: { $0.range(of: bytes) != nil }) { found.append(value) }
            }
        }
        return found
    }

    /// The spring fair's tally in every format, with every breakdown.
    static func tallies(_ cli: CLIRunner, _ dir: TemporaryDirectory, tag: String) throws -> [String: String] {
        let by = ["--by", "township", "--by", "village", "--by", "group", "--by", "enterprise", "--by", "posting"]
        var out: [String: String] = [:]
        for format in ["table", "csv", "json"] {
            let run = try cli.run(arguments: ["tally", "spring-fair-2026", "--format", format] + by, env: Self.autumn)
            #expect(run.status == 0, "\(run.stderr)")
            out[format] = run.stdout
        }
        for format in ["html", "xlsx"] {
            let file = dir.url.appendingPathComponent("tally-\(tag).\(format)").path
            let run = try cli.run(arguments: ["tally", "spring-fair-2026", "--format", format, "--out", file] + by, env: Self.autumn)
            #expect(run.status == 0, "\(run.stderr)")
            out[format] = format == "html" ? try String(contentsOfFile: file, encoding: .utf8) : try Self.cells(of: file)
        }
        return out
    }

    /// Every cell of a workbook, sheet by sheet, read by openpyxl.
    static func cells(of workbook: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            for ws in wb.worksheets:
                print("##", ws.title)
                for row in ws.iter_rows(values_only=True):
                    print("\\t".join("" if v is None else str(v) for v in row))
            """, workbook]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openpyxl could not read \(workbook)")
        return String(decoding: data, as: UTF8.self)
    }

    /// The report without the lines that say its people were shredded (and the JSON's list of shreds).
    static func withoutShredNote(_ text: String) -> String {
        var text = text
        // The HTML note is a paragraph of its own, on the line of the funnel's section.
        while let start = text.range(of: "<p class=\"note shredded\">"),
              let end = text.range(of: "</p>", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        // A workbook's note stands in rows of its own below the funnel: those rows, empty cells and all, go.
        let lines = text.components(separatedBy: "\n").filter {
            !$0.contains("个人信息已销毁") && !$0.contains("Personal data shredded") && !($0.first == "\t" && $0.allSatisfy { $0 == "\t" })
        }
        if let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
            var trimmed = json
            trimmed["shredded"] = []
            if let data = try? JSONSerialization.data(withJSONObject: trimmed, options: [.sortedKeys, .prettyPrinted]) {
                return String(decoding: data, as: UTF8.self)
            }
        }
        return lines.joined(separator: "\n")
    }
}
