import CampaignTesting
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import WorkflowTesting

/// The province view from the command line: two counties run the sample fair to different points,
/// each publishes to one PostgreSQL, and `campaign province tally` adds them up — equal to the sum
/// of their own `campaign tally` figures, each county's row equal to its own. A publisher killed with
/// SIGKILL at any moment leaves the province with a complete publish, never half of one.
@Suite(.enabled(if: PostgresTestServer.available, "needs Debian's postgresql (scripts/setup test installs it)"))
struct ProvinceJourneyTests {
    static let fairDay = ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]
    static let campaign = "spring-fair-2026"
    static let people = ["522426196601010009", "341222197009160001", "511923197506040007"]

    /// A county workspace with the sample fair started (it waits at its gate).
    func county() throws -> CLIRunner {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let start = try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports", env: Self.fairDay)
        #expect(start.status == 0, "\(start.stderr)")
        return cli
    }

    func checkIn(_ cli: CLIRunner, _ people: [String]) throws {
        for person in people {
            let scan = try cli.run("checkin", person, "--campaign", Self.campaign, "--gate", "north", env: Self.fairDay)
            #expect(scan.status == 0, "\(scan.stderr)")
        }
    }

    func json(_ result: CLIRunner.Result) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The county's own funnel, from its own `campaign tally --format json`.
    func ownFunnel(_ cli: CLIRunner) throws -> [String: Any] {
        try #require(try json(try cli.run("tally", Self.campaign, "--format", "json"))["funnel"] as? [String: Any])
    }

    func provinceTally(_ server: PostgresTestServer) throws -> [String: Any] {
        let cli = CLIRunner(directory: try TemporaryDirectory())
        return try json(try cli.run("province", "tally", "--db", server.address, "--by", "county,group", "--format", "json"))
    }

    func countyRow(_ report: [String: Any], _ code: String) throws -> [String: Any] {
        let breakdowns = try #require(report["breakdowns"] as? [[String: Any]])
        let counties = try #require(breakdowns.first { $0["by"] as? String == "county" })
        let rows = try #require(counties["rows"] as? [[String: Any]])
        return try #require(rows.first { $0["key"] as? String == code }?["counts"] as? [String: Any])
    }

    /// Every measure's figure of a counts object, blanks (null) included; rates and "of which" compared apart.
    func figures(_ counts: [String: Any]) -> [String: String] {
        counts.filter { $0.key != "rates" && $0.key != "of_which" }.mapValues { "\($0)" }
    }

    /// A JSON value's text with its keys in order, to compare nested objects.
    func sorted(_ value: Any?) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: try #require(value), options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func twoCountiesPublishAndTheProvinceAddsThemUp() throws {
        let server = try PostgresTestServer.start()
        defer { server.remove() }
        let quiet = try county()
        let busy = try county()
        try checkIn(busy, Self.people)

        let first = try quiet.run("publish", "--to", server.address, "--county", "522633", "--county-name", "从江县")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("已向省级数据库发布 522633（从江县）：1 个活动送达，0 个未变化"), "\(first.stdout)")
        #expect(first.stdout.contains("spring-fair-2026：第 1 版"), "\(first.stdout)")
        #expect(try busy.run("publish", "--to", server.address, "--county", "522632", "--county-name", "榕江县").status == 0)

        let report = try provinceTally(server)
        #expect(report["schema"] as? String == "campaign.tally/1")
        let funnel = try #require(report["funnel"] as? [String: Any])
        let own = [try ownFunnel(quiet), try ownFunnel(busy)]
        for key in ["registered", "attended", "interviewed", "intents", "placed"] {
            #expect(funnel[key] as? Int == (own[0][key] as? Int ?? 0) + (own[1][key] as? Int ?? 0), "\(key)")
        }
        #expect(funnel["attended"] as? Int == 3)
        #expect(figures(try countyRow(report, "522633")) == figures(own[0]))
        #expect(figures(try countyRow(report, "522632")) == figures(own[1]))
        #expect(try sorted(try countyRow(report, "522632")["of_which"]) == (try sorted(own[1]["of_which"])))
        let counties = try #require(report["counties"] as? [[String: Any]])
        #expect(counties.map { $0["name"] as? String } == ["榕江县", "从江县"])
        #expect(counties.allSatisfy { $0["as_of"] is String && $0["lag_seconds"] is Int })

        // The quiet county opens its gate later; only its row moves.
        try checkIn(quiet, [Self.people[0]])
        let again = try quiet.run("publish", "--to", server.address)
        #expect(again.stdout.contains("第 2 版"), "\(again.stdout)")
        let moved = try provinceTally(server)
        #expect(figures(try countyRow(moved, "522633")) == figures(try ownFunnel(quiet)))
        #expect(figures(try countyRow(moved, "522632")) == figures(own[1]))
        let busyBefore = try #require(counties.first { $0["code"] as? String == "522632" })
        let busyAfter = try #require((moved["counties"] as? [[String: Any]])?.first { $0["code"] as? String == "522632" })
        #expect(busyAfter["last_published_at"] as? String == busyBefore["last_published_at"] as? String)

        let table = try CLIRunner(directory: try TemporaryDirectory()).run("province", "tally", "--db", server.address,
                                                                            "--by", "county,township")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("2 个县（市、区）：榕江县 截至"), "\(table.stdout)")
        #expect(table.stdout.contains("按县（市、区）"), "\(table.stdout)")
        #expect(table.stdout.contains("从江县 青山乡"), "\(table.stdout)")
    }

    @Test func aPublisherKilledAtAnyMomentLeavesACompletePublish() throws {
        let server = try PostgresTestServer.start()
        defer { server.remove() }
        let cli = try county()
        #expect(try cli.run("publish", "--to", server.address, "--county", "522633", "--county-name", "从江县").status == 0)
        var cut = 0
        var states = [figures(try ownFunnel(cli))]
        for (round, delay) in [0.0, 0.05, 0.15, 0.4].enumerated() {
            try checkIn(cli, [Self.people[round % 3]])
            if round % 3 == 2 { try checkIn(cli, [Self.people[0]]) }
            states.append(figures(try ownFunnel(cli)))
            let publisher = cli.process(["publish", "--to", server.address])
            publisher.standardOutput = FileHandle.nullDevice
            publisher.standardError = FileHandle.nullDevice
            try publisher.run()
            Thread.sleep(forTimeInterval: delay)
            if publisher.isRunning {
                kill(publisher.processIdentifier, SIGKILL)
                cut += 1
            }
            publisher.waitUntilExit()
            // The province holds some complete publish of this county: one of the states it has been in.
            let held = figures(try countyRow(try provinceTally(server), "522633"))
            #expect(states.contains(held), "round \(round): \(held)")
        }
        #expect(cut >= 1, "no publisher was cut off: the test did not test")
        // The next publish delivers whatever was cut off: the province converges on the county's own figures.
        let last = try cli.run("publish", "--to", server.address)
        #expect(last.status == 0, "\(last.stderr)")
        #expect(figures(try countyRow(try provinceTally(server), "522633")) == figures(try ownFunnel(cli)))
    }

    @Test func withoutAnAddressOrAServerTheCommandsSayWhatToDo() throws {
        let cli = try county()
        let none = try cli.run("province", "tally")
        #expect(none.status == 64)
        #expect(none.stderr.contains("没有写省级数据库地址：用 --db 或环境变量 CAMPAIGN_PROVINCE_DB"), "\(none.stderr)")
        let down = try cli.run("publish", "--to", "postgresql:///postgres?host=/nonexistent&user=postgres", "--county", "522633",
                               "--county-name", "从江县", "--lang", "en")
        #expect(down.status == 69)
        #expect(down.stderr.contains("cannot reach the province's database at postgresql:///postgres?host=/nonexistent"), "\(down.stderr)")
        #expect(down.stderr.contains("goes with the next publish"), "\(down.stderr)")
        let key = try cli.run("publish", "--to", "postgresql:///postgres?host=/tmp", "--county", "522633", "--county-name", "从江县",
                              "--person-key", "/nonexistent/province.key")
        #expect(key.status == 64)
        #expect(key.stderr.contains("读不到省里发的密钥文件 /nonexistent/province.key"), "\(key.stderr)")
        #expect(key.stderr.contains("向省里索取密钥文件"), "\(key.stderr)")
        let code = try cli.run("publish", "--to", "postgresql:///postgres?host=/tmp", "--county", "5226", "--county-name", "x")
        #expect(code.status == 64)
        #expect(code.stderr.contains("县级行政区划代码应为 6 位数字"), "\(code.stderr)")
    }

    /// `province serve` on a loopback port: started, waited for, its process returned.
    func serve(_ server: PostgresTestServer, token: String) throws -> (Process, URL) {
        let cli = CLIRunner(directory: try TemporaryDirectory())
        for _ in 0..<5 {
            let port = Int.random(in: 20_000..<32_000)
            let process = cli.process(["province", "serve", "--db", server.address, "--port", "\(port)", "--token", token])
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let base = URL(string: "http://127.0.0.1:\(port)")!
            for _ in 0..<100 where process.isRunning {
                if let (_, status) = try? ServerTests.Server.get(base.appendingPathComponent("health")), status == 200 {
                    return (process, base)
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            process.terminate()
        }
        throw URLError(.cannotConnectToHost)
    }

    @Test func theProvincesPageShowsEveryCountyBehindItsToken() throws {
        let server = try PostgresTestServer.start()
        defer { server.remove() }
        let quiet = try county()
        let busy = try county()
        try checkIn(busy, Self.people)
        #expect(try quiet.run("publish", "--to", server.address, "--county", "522633", "--county-name", "从江县").status == 0)
        #expect(try busy.run("publish", "--to", server.address, "--county", "522632", "--county-name", "榕江县").status == 0)
        var (process, base) = try serve(server, token: "s3cret-token")
        let (refused, status) = try ServerTests.Server.get(base)
        #expect(status == 401)
        #expect(String(decoding: refused, as: UTF8.self).contains("需要口令"))
        let (page, ok) = try ServerTests.Server.get(URL(string: base.absoluteString + "/?token=s3cret-token")!)
        let html = String(decoding: page, as: UTF8.self)
        #expect(ok == 200)
        #expect(html.contains("各县发布情况") && html.contains("从江县") && html.contains("榕江县"), "\(html.prefix(600))")
        let (json, jsonStatus) = try ServerTests.Server.get(base.appendingPathComponent("tally.json"), token: "s3cret-token")
        #expect(jsonStatus == 200)
        let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect((report["funnel"] as? [String: Any])?["attended"] as? Int == 3)
        // Killed and started again: it only reads, so the page is whole and the same.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        (process, base) = try serve(server, token: "s3cret-token")
        defer { process.terminate(); process.waitUntilExit() }
        let (again, _) = try ServerTests.Server.get(base.appendingPathComponent("tally.json"), token: "s3cret-token")
        #expect(((try JSONSerialization.jsonObject(with: again) as? [String: Any])?["funnel"] as? [String: Any])?["attended"] as? Int == 3)
        let (workbook, xlsxStatus) = try ServerTests.Server.get(base.appendingPathComponent("tally.xlsx"), token: "s3cret-token")
        #expect(xlsxStatus == 200)
        #expect(workbook.prefix(2) == Data("PK".utf8))
    }

    @Test func theDaemonPublishesOnItsOwn() throws {
        let server = try PostgresTestServer.start()
        defer { server.remove() }
        let cli = try county()
        // The county is remembered from a first publish; the daemon then publishes what changes.
        #expect(try cli.run("publish", "--to", server.address, "--county", "522633", "--county-name", "从江县").status == 0)
        try checkIn(cli, [Self.people[0]])
        let daemon = cli.process(["run-daemon", "--publish-to", server.address, "--poll", "0.1"])
        let out = Pipe()
        daemon.standardOutput = out
        daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        var attended: Int?
        for _ in 0..<200 {
            attended = (try? countyRow(try provinceTally(server), "522633"))?["attended"] as? Int
            if attended == 1 { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        daemon.terminate()
        daemon.waitUntilExit()
        #expect(attended == 1)
        let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(said.contains("已向省级数据库发布 522633（从江县）：1 个活动送达"), "\(said)")
        let tooOften = try cli.run("run-daemon", "--publish-to", server.address, "--publish-every", "5s")
        #expect(tooOften.status == 64)
        #expect(tooOften.stderr.contains("--publish-every：5s 太频繁了"), "\(tooOften.stderr)")
    }
}
