import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
import GRDB
#endif
import Testing
import WorkflowTesting

/// `campaign serve` as staff phones use it: the real binary on a loopback port, real HTTP.
@Suite struct ServerTests {
    final class Server {
        let process: Process
        let base: URL

        /// `openFiles` starts the server as a stock Linux shell would, with that soft limit on open
        /// files (1,024 by default on Debian).
        init(_ cli: CLIRunner, campaign: String, env: [String: String], openFiles: Int? = nil,
             checkpoint: String? = nil) throws {
            var lastError: Error?
            for _ in 0..<5 {
                let port = Int.random(in: 20_000..<32_000)   // below Linux's ephemeral ports (32768–60999), which outgoing connections take
                let process = cli.process(["serve", "--campaign", campaign, "--host", "127.0.0.1", "--port", "\(port)"]
                                            + (checkpoint.map { ["--checkpoint", $0] } ?? []), extraEnvironment: env)
                if let openFiles {
                    process.arguments = ["-c", "ulimit -S -n \(openFiles) && exec \"$0\" \"$@\"",
                                         CLIRunner.binary.path] + (process.arguments ?? [])
                    process.executableURL = URL(fileURLWithPath: "/bin/sh")
                }
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                let base = URL(string: "http://127.0.0.1:\(port)")!
                for _ in 0..<100 where process.isRunning {
                    if let (_, status) = try? Self.get(base.appendingPathComponent("health")), status == 200 {
                        self.process = process
                        self.base = base
                        return
                    }
                    Thread.sleep(forTimeInterval: 0.05)
                }
                process.terminate()
                lastError = URLError(.cannotConnectToHost)
            }
            throw lastError!
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
        }

        static func get(_ url: URL, token: String? = nil) throws -> (Data, Int) {
            var request = URLRequest(url: url)
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            return try send(request)
        }

        static func send(_ request: URLRequest) throws -> (Data, Int) {
            let box = ResultBox()
            let semaphore = DispatchSemaphore(value: 0)
            URLSession.shared.dataTask(with: request) { data, response, error in
                box.value = (data ?? Data(), (response as? HTTPURLResponse)?.statusCode ?? 0, error)
                semaphore.signal()
            }.resume()
            semaphore.wait()
            if let error = box.value?.2 { throw error }
            return (box.value!.0, box.value!.1)
        }

        func get(_ path: String, token: String?) throws -> (json: Any?, status: Int) {
            let (data, status) = try Self.get(base.appendingPathComponent(path), token: token)
            return (try? JSONSerialization.jsonObject(with: data), status)
        }

        func post(_ path: String, _ body: [String: Any], token: String?) throws -> (json: [String: Any], status: Int) {
            var request = URLRequest(url: base.appendingPathComponent(path))
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            let (data, status) = try Self.send(request)
            return ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:], status)
        }
    }

    final class ResultBox: @unchecked Sendable {
        var value: (Data, Int, Error?)?
    }

    /// The sample fair started on its day, with a staff member (Li) and a manager (Chen) and their tokens.
    static func fairDayWithStaff(_ dir: TemporaryDirectory) throws
        -> (cli: CLIRunner, env: [String: String], staff: String, manager: String) {
        let cli = CLIRunner(directory: dir)
        let env = ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]
        #expect(try cli.run("start", "workflows/spring-fair.yaml", env: env).status == 0)
        let staff = token(try cli.run("staff", "add", "Li").stdout)
        let manager = token(try cli.run("staff", "add", "Chen", "--role", "manager").stdout)
        return (cli, env, staff, manager)
    }

    static func token(_ output: String) -> String {
        output.split(separator: "\n").dropFirst().first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    @Test func boothStaffRecordOutcomesAndManagersSeeTheTally() throws {
        let dir = try TemporaryDirectory()
        let (cli, env, staff, manager) = try Self.fairDayWithStaff(dir)
        let server = try Server(cli, campaign: "spring-fair-2026", env: env)

        let postings = try server.get("api/postings", token: staff).json as? [[String: Any]] ?? []
        #expect(postings.count == 21)
        let code = try #require(postings.first?["code"] as? String)
        let id = "341222197009160001"
        // Placing someone who never came is refused unless said so, with how.
        let unseen = try server.post("api/outcomes", ["person": id, "posting": code, "stage": "成功就业"], token: staff)
        #expect(unseen.status == 400)
        #expect(((unseen.json["error"] as? [String: Any])?["message"] as? String)?
            .contains("was never checked in at spring-fair-2026") == true)
        #expect(try server.post("api/checkin", ["input": id, "gate": "north"], token: staff).json["result"] as? String
                == "accepted")
        let placed = try server.post("api/outcomes", ["person": id, "posting": code, "stage": "成功就业"], token: staff)
        #expect(placed.status == 200)
        #expect(placed.json["change"] as? String == "advanced")
        #expect(placed.json["to"] as? String == "placement")
        #expect(placed.json["id_number"] as? String == "341222********0001")
        let again = try server.post("api/outcomes", ["person": id, "posting": code, "stage": "interview"], token: staff)
        #expect(again.json["change"] as? String == "unchanged")
        // Only managers correct; refusals are 400 with the reason.
        let correction = ["person": id, "posting": code, "stage": "intent", "correct": true] as [String: Any]
        #expect(try server.post("api/outcomes", correction, token: staff).status == 403)
        let unknown = try server.post("api/outcomes", ["person": "11010519491231002X", "posting": code, "stage": "interview"],
                                      token: staff)
        #expect(unknown.status == 400)
        #expect(try server.post("api/outcomes", ["person": id, "posting": code, "stage": "maybe"], token: staff).status == 400)

        #expect(try server.get("api/manager/tally", token: staff).status == 403)
        let tally = try server.get("api/manager/tally", token: manager)
        #expect(tally.status == 200)
        let funnel = (tally.json as? [String: Any])?["funnel"] as? [String: Any]
        #expect(funnel?["placed"] as? Int == 1)
        #expect(funnel?["intents"] as? Int == 1)
        #expect(try server.post("api/outcomes", correction, token: manager).json["change"] as? String == "corrected")
        let after = (try server.get("api/manager/tally", token: manager).json as? [String: Any])?["funnel"] as? [String: Any]
        #expect(after?["placed"] as? Int == 0)
        let html = try Server.get(URL(string: server.base.absoluteString + "/api/manager/tally?format=html")!, token: manager)
        #expect(String(decoding: html.0, as: UTF8.self).contains("<svg class=\"funnel\""))
    }

    @Test func staffCheckInThroughTheAPIAndRolesAreEnforced() throws {
        let dir = try TemporaryDirectory()
        let (cli, env, staff, manager) = try Self.fairDayWithStaff(dir)
        let leaver = Self.token(try cli.run("staff", "add", "Zhou").stdout)
        #expect(staff.count == 26 && manager.count == 26)
        #expect(try cli.run("staff", "revoke", "Zhou").status == 0)
        #expect(try cli.run("staff", "add", "Li").status == 64)  // one token at a time

        let server = try Server(cli, campaign: "spring-fair-2026", env: env)
        let page = try Server.get(server.base)
        #expect(page.1 == 200)
        #expect(String(decoding: page.0, as: UTF8.self).contains("BarcodeDetector"))

        #expect(try server.get("api/counts", token: nil).status == 401)
        #expect(try server.get("api/counts", token: leaver).status == 401)  // revoked
        #expect(try server.get("api/counts", token: "not-a-token").status == 401)
        #expect(try server.get("api/manager/checkins", token: staff).status == 403)
        #expect(try server.get("api/manager/checkins", token: manager).status == 200)
        // Revoked while the server runs (#33): refused at the very next request, not two seconds on.
        let soon = Self.token(try cli.run("staff", "add", "Wu").stdout)
        #expect(try server.get("api/counts", token: soon).status == 200)
        #expect(try cli.run("staff", "revoke", "Wu").status == 0)
        #expect(try server.get("api/counts", token: soon).status == 401)

        // The API's description is served to anyone, without a token.
        let openAPI = try Server.get(URL(string: server.base.absoluteString + "/openapi.json")!)
        #expect(openAPI.1 == 200)
        #expect((try JSONSerialization.jsonObject(with: openAPI.0) as? [String: Any])?["openapi"] as? String == "3.1.0")

        let me = try server.get("api/me", token: staff).json as? [String: Any]
        #expect(me?["name"] as? String == "Li")
        #expect(me?["gates"] as? [String] == ["north", "south"])

        let id = "341222197009160001"
        let first = try server.post("api/checkin", ["input": id, "gate": "north", "nonce": "n-1"], token: staff)
        #expect(first.status == 200)
        #expect(first.json["result"] as? String == "accepted")
        #expect(first.json["id_number"] as? String == "341222********0001")
        let replay = try server.post("api/checkin", ["input": id, "gate": "north", "nonce": "n-1"], token: staff)
        #expect(replay.json["result"] as? String == "accepted")
        #expect(replay.json["replayed"] as? Bool == true)
        let second = try server.post("api/checkin", ["input": id, "gate": "south", "nonce": "n-2"], token: manager)
        #expect(second.json["result"] as? String == "repeat")
        #expect((second.json["reason"] as? String)?.contains("by Li") == true)

        // A body without the field, or with the wrong kind of value, is answered in words, not the decoder's.
        let empty = try server.post("api/checkin", [:], token: staff)
        #expect(empty.status == 400)
        #expect((empty.json["error"] as? [String: Any])?["message"] as? String == "the request has no 'input'",   // this client asks for English (Accept-Language)
                "\(empty.json)")
        let number = try server.post("api/checkin", ["input": 5], token: staff)
        #expect((number.json["error"] as? [String: Any])?["message"] as? String == "'input' must be text",
                "\(number.json)")

        let candidates = try server.get("api/lookup", token: staff)
        #expect(candidates.status == 400)  // no digits given
        let found = try Server.get(URL(string: server.base.absoluteString + "/api/lookup?q=0001")!, token: staff)
        let list = try JSONSerialization.jsonObject(with: found.0) as? [[String: Any]] ?? []
        #expect(list.contains { $0["id_number"] as? String == "341222********0001" })
        #expect(!String(decoding: found.0, as: UTF8.self).contains(id))

        // The desk registers and checks in, in one act, while the gate is open.
        let walkIn = try server.post("api/register", ["name": "赵强", "id_number": "522426199001010033", "gate": "south"],
                                     token: staff)
        #expect(walkIn.status == 200)
        #expect(walkIn.json["checked_in"] as? Bool == true)
        #expect(walkIn.json["attendance"] as? String == "checked in")
        let code = try #require(walkIn.json["code"] as? String)
        #expect(try server.post("api/checkin", ["input": code, "gate": "south"], token: staff).json["result"] as? String
                == "repeat")
        let bad = try server.post("api/register", ["name": "X", "id_number": "522426199001010034"], token: staff)
        #expect(bad.status == 400)
        // Worded for the page: the reason and what to do, no command-line option name.
        let message = (bad.json["error"] as? [String: Any])?["message"] as? String
        #expect(message == "the ID number 522426********0034 has the check character 4 where 3 is expected: "
                + "a digit was probably mistyped; check it against the ID card")
        let short = try Server.get(URL(string: server.base.absoluteString + "/api/lookup?q=01")!, token: staff)
        #expect(short.1 == 400)
        #expect(String(decoding: short.0, as: UTF8.self).contains("type at least the last four digits"))
        // In the page's language: a refusal is a catalogue entry, Chinese when asked (and by default).
        let shortInChinese = try Server.get(URL(string: server.base.absoluteString + "/api/lookup?q=01&lang=zh")!, token: staff)
        #expect(shortInChinese.1 == 400)
        #expect(String(decoding: shortInChinese.0, as: UTF8.self).contains("请至少输入身份证号或手机号的后四位"))

        let counts = try server.get("api/counts", token: staff).json as? [String: Any]
        #expect(counts?["attended"] as? Int == 2)
        #expect(counts?["by_gate"] as? [String: Int] == ["north": 1, "south": 1])

        // Each staff member's sign-in (a token's first use on this server) and each look-up are audited.
        let audit = try cli.run("audit").stdout
        let lines = audit.split(separator: "\n")
        #expect(lines.filter { $0.contains("登录") && $0.contains("Li ") }.count == 1, "\(audit)")
        #expect(lines.contains { $0.contains("Li ") && $0.contains("查询") && $0.contains("'0001':") && $0.contains("found") },
                "\(audit)")
    }
}

/// Roles that match the work (#35): an enterprise's booth account records outcomes for its own
/// postings only and sees only them; the bureau's staff and managers see and record every one.
@Suite struct BoothAccountTests {
    @Test func aBoothTokenIsRefusedOnAnotherEnterprisesPosting() throws {
        let dir = try TemporaryDirectory()
        let (cli, env, staff, _) = try ServerTests.fairDayWithStaff(dir)
        let server = try ServerTests.Server(cli, campaign: "spring-fair-2026", env: env)
        let all = try server.get("api/postings", token: staff).json as? [[String: Any]] ?? []
        let own = try #require(all.first)
        let ownEnterprise = try #require(own["enterprise"] as? String)
        let other = try #require(all.first { $0["enterprise"] as? String != ownEnterprise })
        let unknown = try cli.run("staff", "add", "展位甲", "--enterprise", "没有这家企业")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("台账中没有企业“没有这家企业”"), "\(unknown.stderr)")
        let added = try cli.run("staff", "add", "展位甲", "--enterprise", ownEnterprise)
        #expect(added.status == 0, "\(added.stderr)")
        let booth = ServerTests.token(added.stdout)

        let me = try server.get("api/me", token: booth).json as? [String: Any] ?? [:]
        #expect(me["enterprise"] as? String == ownEnterprise)
        let seen = try server.get("api/postings", token: booth).json as? [[String: Any]] ?? []
        #expect(!seen.isEmpty && seen.allSatisfy { $0["enterprise"] as? String == ownEnterprise }, "\(seen)")
        #expect(seen.count < all.count)

        let id = "341222197009160001"
        #expect(try server.post("api/checkin", ["input": id, "gate": "north"], token: staff).json["result"] as? String == "accepted")
        let refused = try server.post("api/outcomes", ["person": id, "posting": other["code"] as? String ?? "", "stage": "interview"],
                                      token: booth)
        #expect(refused.status == 403)
        let error = refused.json["error"] as? [String: Any] ?? [:]
        #expect(error["code"] as? String == "outcome.other-enterprise")
        #expect((error["message"] as? String ?? "").contains("records outcomes for its postings only"), "\(error)")
        let recorded = try server.post("api/outcomes", ["person": id, "posting": own["code"] as? String ?? "", "stage": "interview"],
                                       token: booth)
        #expect(recorded.status == 200, "\(recorded.json)")
        // The bureau's own staff record for any enterprise.
        let any = try server.post("api/outcomes", ["person": id, "posting": other["code"] as? String ?? "", "stage": "interview"],
                                  token: staff)
        #expect(any.status == 200, "\(any.json)")
    }
}

/// The desk (#35): someone without their badge is found by the last digits of their ID number and
/// their badge printed again, one on its page; the reprint is in the audit log.
@Suite struct DeskReprintTests {
    @Test func aLostBadgeIsPrintedAgainAtTheDesk() throws {
        let dir = try TemporaryDirectory()
        let (cli, env, staff, _) = try ServerTests.fairDayWithStaff(dir)
        let server = try ServerTests.Server(cli, campaign: "spring-fair-2026", env: env)
        let (list, _) = try ServerTests.Server.get(URL(string: server.base.absoluteString + "/api/lookup?q=0001")!, token: staff)
        let found = try JSONSerialization.jsonObject(with: list) as? [[String: Any]] ?? []
        let person = try #require(found.first)
        let code = try #require(person["code"] as? String)
        let (data, status) = try ServerTests.Server.get(URL(string: server.base.absoluteString + "/api/badge?code=\(code)")!, token: staff)
        #expect(status == 200)
        let page = String(decoding: data, as: UTF8.self)
        #expect(page.contains(String(code.dropFirst(4))), "the badge carries its code")
        #expect(page.contains(person["name"] as? String ?? "?"), "the masked name")
        #expect(page.components(separatedBy: "<svg").count == 2, "one badge, one QR code")
        #expect(!page.contains("341222197009160001"))

        let (refused, refusedStatus) = try ServerTests.Server.get(URL(string: server.base.absoluteString + "/api/badge?code=NOPE1234")!,
                                                                  token: staff)
        #expect(refusedStatus == 400)
        #expect(String(decoding: refused, as: UTF8.self).contains("lookup.unknown-code"))
        let audit = try cli.run("audit")
        #expect(audit.stdout.contains("补打胸牌"), "\(audit.stdout)")
    }
}

/// The desk corrects a phone or a township (#35): a manager's act, refused to staff, kept in the audit
/// log masked; a phone that is no mobile number is refused in words.
@Suite struct DeskCorrectionTests {
    @Test func aManagerCorrectsAPhoneAndATownshipAndTheLogSaysSo() throws {
        let dir = try TemporaryDirectory()
        let (cli, env, staff, manager) = try ServerTests.fairDayWithStaff(dir)
        let server = try ServerTests.Server(cli, campaign: "spring-fair-2026", env: env)
        let (list, _) = try ServerTests.Server.get(URL(string: server.base.absoluteString + "/api/lookup?q=0001")!, token: staff)
        let code = try #require((try JSONSerialization.jsonObject(with: list) as? [[String: Any]])?.first?["code"] as? String)
        let body: [String: Any] = ["code": code, "phone": "139 0000 1111", "township": "河西镇"]

        let refused = try server.post("api/people/correct", body, token: staff)
        #expect(refused.status == 403)
        #expect((refused.json["error"] as? [String: Any])?["code"] as? String == "ledger.manager-corrects-people")
        let badPhone = try server.post("api/people/correct", ["code": code, "phone": "12345"], token: manager)
        #expect(badPhone.status == 400, "\(badPhone.json)")

        let done = try server.post("api/people/correct", body, token: manager)
        #expect(done.status == 200, "\(done.json)")
        let changed = done.json["changed"] as? [String] ?? []
        #expect(changed.count == 2 && changed[0].hasSuffix("→ 139****1111") && changed[1].hasSuffix("→ 河西镇"), "\(changed)")
        let again = try server.post("api/people/correct", body, token: manager)
        #expect((again.json["changed"] as? [String])?.isEmpty == true)

        let (phone, township) = try DatabaseQueue(path: cli.database).read { db in
            let row = try Row.fetchOne(db, sql: "SELECT phone, township FROM person WHERE id_number = '341222197009160001'")
            return (row?["phone"] as String?, row?["township"] as String?)
        }
        #expect(phone == "13900001111" && township == "河西镇")
        let audit = try cli.run("audit").stdout
        #expect(audit.contains("更正个人信息") && audit.contains("139****1111") && !audit.contains("13900001111"), "\(audit)")
    }
}

/// Roles that match the work (#35): a bus escort's account scans at its own bus's door only, however
/// its plate was typed; another bus's door is refused (403) with why.
@Suite struct EscortAccountTests {
    @Test func anEscortScansAtTheirOwnBusDoorOnly() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        cli.environment["CAMPAIGN_NOW"] = "2026-02-20T05:30:00+08:00"
        #expect(try cli.run("start", try TransportJourneyTests.sample(dir)).status == 0)
        let (a, _) = try TransportJourneyTests.passenger(1)
        let plate = try TransportJourneyTests.plate(of: a, db: cli.database)
        let typed = plate.replacingOccurrences(of: "·", with: "").lowercased()   // as someone types it
        let escort = ServerTests.token(try cli.run("staff", "add", "押车员甲", "--vehicle", typed).stdout)
        let server = try ServerTests.Server(cli, campaign: TransportJourneyTests.campaign, env: [:], checkpoint: "board")
        #expect((try server.get("api/me", token: escort).json as? [String: Any])?["vehicle"] as? String == typed.uppercased())

        let elsewhere = try server.post("api/checkin", ["input": a, "gate": "贵Z·99999"], token: escort)
        #expect(elsewhere.status == 403)
        let error = elsewhere.json["error"] as? [String: Any] ?? [:]
        #expect(error["code"] as? String == "checkin.other-vehicle")
        #expect((error["message"] as? String ?? "").contains("scans at that bus's door only"), "\(error)")
        let own = try server.post("api/checkin", ["input": a, "gate": plate], token: escort)
        #expect(own.status == 200, "\(own.json)")
        #expect(own.json["result"] as? String == "accepted", "\(own.json)")
    }
}
