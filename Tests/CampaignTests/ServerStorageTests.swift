import BuiltinPlugins
@testable import CampaignServer
import CampaignTesting
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Ledger
import Logging
import PluginKit
import Testing
import Workflow

/// `serve` when the workspace's disk refuses a write: a 503 that says what happened, with a code
/// the page words in the staff's language — not an empty 500.
@Suite struct ServerStorageTests {
    @Test func aWorkspaceThatRefusesWritesAnswers503WithACodeThePageKnows() async throws {
        let h = try await LedgerHarness()
        _ = try await h.importFile(.people, try h.file("people.csv", "姓名,身份证号,手机号\n张伟,11010519491231002X,13800138000\n"))
        let token = try await h.pool.write { db in try StaffAccounts.add(db, name: "Li", role: .staff, now: Date()) }
        let server = StaffServer(environment: ServerEnvironment(workspace: h.engine.workspace, campaign: "fair",
                                                                checkpoint: "gate", clock: h.engine.clock,
                                                                plugins: BuiltinPlugins.all))
        let port = Int.random(in: 20_000..<32_000)   // below Linux's ephemeral ports (32768–60999), which outgoing connections take
        let running = Task { try await server.run(host: "127.0.0.1", port: port, logger: Logger(label: "test")) }
        defer { running.cancel() }
        let base = "http://127.0.0.1:\(port)"
        var health = 0
        for _ in 0..<200 where health != 200 {  // polling until it listens
            health = (try? await Self.send(base + "/health").status) ?? 0
            if health != 200 { try await Task.sleep(for: .milliseconds(20)) }
        }
        // The writer now refuses every write, as SQLite does on a read-only file or mount.
        try await h.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 1") }
        let body = try JSONSerialization.data(withJSONObject: ["input": "11010519491231002X", "gate": "north", "nonce": "n1"])
        let answer = try await Self.send(base + "/api/checkin", token: token, body: body)
        #expect(answer.status == 503)
        let error = try #require((try JSONSerialization.jsonObject(with: answer.body) as? [String: Any])?["error"]
                                 as? [String: Any])
        #expect(error["code"] as? String == "storage_read_only")
        #expect(error["message"] as? String == "the workspace is read-only, so nothing can be saved to it")
        #expect(try await h.count("scan") == 0)

        // Writable again: the same scan goes through.
        try await h.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 0") }
        let retry = try await Self.send(base + "/api/checkin", token: token, body: body)
        #expect(retry.status == 200)
        #expect(try await h.count("scan") == 1)
    }

    @Test func thePageWordsEveryStorageCodeInChineseAndEnglish() {
        let words = Dictionary(uniqueKeysWithValues: PageWords.all.map { ($0.key, $0) })
        for code in StorageFailure.allCases.map(\.code) + ["sign_in_throttled"] {
            // The page looks an answer's code up as page.error.CODE, underscores written as hyphens.
            let entry = words["page.error." + code.replacingOccurrences(of: "_", with: "-")]
            #expect(entry != nil, "\(code) has no wording on the page")
            #expect(entry?.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } == true, "\(code) has no Chinese")
            #expect(entry?.en.isEmpty == false, "\(code) has no English")
        }
        let page = StaffPage.html(plugins: BuiltinPlugins.all)
        #expect(page.contains(#""page.error." + error.code.replace(/_/g, "-")"#))
        #expect(page.contains(#""page.error.storage-full":{"en":"The server's disk is full"#))
    }

    static func send(_ url: String, token: String? = nil, body: Data? = nil) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: url)!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpMethod = "POST"
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }
}
