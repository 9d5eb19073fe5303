import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Testing
import CampaignTesting
import WorkflowTesting

/// Eight `campaign serve` processes share one workspace; 64 HTTP clients check in the same
/// 10,000 registered people, a fifth of them twice: exactly 10,000 distinct check-ins, and every
/// second scan of a person is answered as a repeat.
@Suite struct CheckinLoadTests {
    static func post(_ url: URL, token: String, body: [String: String]) async throws -> [String: Any] {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
        let data: Data = try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, _, error in
                if let error { continuation.resume(throwing: error) } else { continuation.resume(returning: data ?? Data()) }
            }.resume()
        }
        return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    @Test(.timeLimit(.minutes(5))) func eightServersSixtyFourClientsCountEveryoneOnce() async throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let env = ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]
        var generator = LedgerGenerator(seed: 21)
        try generator.writePeopleCSV(to: dir.url.appendingPathComponent("people.csv"), count: 10_000)
        let yaml = try dir.write("fair.yaml", SampleCampaign.ledgerThenGate(name: "fair", gates: ["north", "south"]))
        #expect(try cli.run("start", yaml, env: env).status == 0)
        let token = ServerTests.token(try cli.run("staff", "add", "load").stdout)
        let ids = try await DatabaseQueue(path: cli.database).read { db in try String.fetchAll(db, sql: "SELECT id_number FROM person") }
        #expect(ids.count == 10_000)

        let servers = try (0..<8).map { _ in try ServerTests.Server(cli, campaign: "fair", env: env) }
        let scans = (ids + ids.prefix(2_000)).shuffled()
        let results = try await withThrowingTaskGroup(of: [String].self) { group in
            for client in 0..<64 {
                let mine = stride(from: client, to: scans.count, by: 64).map { scans[$0] }
                let url = servers[client % 8].base.appendingPathComponent("api/checkin")
                group.addTask {
                    var answers: [String] = []
                    for (i, input) in mine.enumerated() {
                        let reply = try await Self.post(url, token: token, body: [
                            "input": input, "gate": client % 2 == 0 ? "north" : "south", "nonce": "c\(client)-\(i)",
                        ])
                        answers.append(reply["result"] as? String ?? "error")
                    }
                    return answers
                }
            }
            var all: [String] = []
            for try await part in group { all += part }
            return all
        }
        #expect(results.count == 12_000)
        #expect(results.filter { $0 == "accepted" }.count == 10_000)
        #expect(results.filter { $0 == "repeat" }.count == 2_000)
        let distinct = try await DatabaseQueue(path: cli.database).read { db in
            try Int.fetchOne(db, sql: "SELECT count(DISTINCT person_id) FROM scan WHERE result = 'accepted'") ?? 0
        }
        #expect(distinct == 10_000)
        withExtendedLifetime(servers) {}
    }
}
