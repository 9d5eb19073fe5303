import CampaignTesting
import Foundation
import GRDB
import Workflow
import WorkflowTesting

/// `campaign-bench checkin`: check-ins per second and latency of `campaign serve` under 64
/// connections (wrk, from Debian), side by side with the same server's health endpoint.
/// Needs the release `campaign` binary beside this one: `swift build -c release` first.
enum CheckinBenchmark {
    static func run(people: Int, seconds: Int) async throws {
        let fair = try await Fair(people: people)
        defer { fair.server.terminate() }
        print("check-in benchmark — campaign serve, \(people) registered people, wrk 2 threads × 64 connections, \(seconds) s")
        for (label, script) in [("POST /api/checkin", Optional(fair.script)), ("GET /health", nil)] {
            let result = try fair.wrk(seconds: seconds, script: script)
            print("\(label): \(result.rate); latency p50 \(result.p50), p99 \(result.p99)")
        }
        try await fair.checkLedger()
    }

    /// A fair day under `campaign serve`: `people` registered, a staff token, and the wrk script that
    /// checks them in at random through two gates.
    struct Fair {
        let campaign: URL
        let dir: TemporaryDirectory
        let db: String
        let token: String
        let port: Int
        /// `serve --tls`'s https port (nil: plain http only).
        let securePort: Int?
        let script: String
        let server: Process

        init(people: Int, tls: Bool = false) async throws {
            campaign = try BenchCommand.campaignBinary(alsoNeeding: "/usr/bin/wrk", from: "wrk")
            dir = try TemporaryDirectory()
            db = dir.databasePath
            var generator = LedgerGenerator(seed: 9)
            let ledger = dir.url.appendingPathComponent("people.csv")
            try generator.writePeopleCSV(to: ledger, count: people)
            let yaml = try dir.write("fair.yaml", SampleCampaign.ledgerThenGate(name: "bench", gates: ["north", "south"]))
            _ = try Self.cli(campaign, ["start", yaml], db: db)
            token = try Self.cli(campaign, ["staff", "add", "bench"], db: db).split(separator: "\n")[1]
                .trimmingCharacters(in: .whitespaces)
            let ids = try await DatabaseQueue(path: db).read { db in try String.fetchAll(db, sql: "SELECT id_number FROM person") }
            let inputs = dir.url.appendingPathComponent("inputs.txt")
            try ids.joined(separator: "\n").write(to: inputs, atomically: true, encoding: .utf8)
            script = try dir.write("checkin.lua", """
                local inputs = {}
                for line in io.lines("\(inputs.path)") do inputs[#inputs + 1] = line end
                local counter = 0
                local thread_id = 0
                setup = function(thread) thread:set("tid", thread_id); thread_id = thread_id + 1 end
                request = function()
                  counter = counter + 1
                  local input = inputs[(counter * 7919 + tid * 104729) % #inputs + 1]
                  local gate = (counter % 2 == 0) and "north" or "south"
                  local body = '{"input":"' .. input .. '","gate":"' .. gate .. '","nonce":"' .. tid .. '-' .. counter .. '"}'
                  return wrk.format("POST", "/api/checkin", {["Content-Type"] = "application/json",
                                    ["Authorization"] = "Bearer \(token)"}, body)
                end
                """)
            port = Int.random(in: 20_000..<26_000)
            securePort = tls ? Int.random(in: 26_000..<32_000) : nil
            server = Process()
            server.executableURL = campaign
            server.arguments = ["serve", "--campaign", "bench", "--host", "127.0.0.1", "--port", "\(port)", "--db", db]
                + (securePort.map { ["--tls", "--tls-port", "\($0)"] } ?? [])
            var env = ProcessInfo.processInfo.environment
            env["CAMPAIGN_NOW"] = "2026-03-01T09:00:00+08:00"
            server.environment = env
            server.standardOutput = FileHandle.nullDevice
            try server.run()
            try await waitUntilListening(port: securePort ?? port, while: server)
        }

        static func cli(_ campaign: URL, _ arguments: [String], db: String) throws -> String {
            let process = Process()
            process.executableURL = campaign
            process.arguments = arguments + ["--db", db]
            var env = ProcessInfo.processInfo.environment
            env["NO_COLOR"] = "1"
            env["CAMPAIGN_NOW"] = "2026-03-01T09:00:00+08:00"
            process.environment = env
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }

        /// wrk for `seconds`: with the check-in script, or on /health without it. Requests per second,
        /// p50 and p99 as wrk prints them; an error if any request went unanswered.
        func wrk(seconds: Int, script: String?) throws -> (rate: String, requests: Double, p50: String, p99: String) {
            let wrk = Process()
            wrk.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
            wrk.arguments = ["-t2", "-c64", "-d\(seconds)s", "--latency"] + (script.map { ["-s", $0] } ?? [])
                + ["http://127.0.0.1:\(port)/" + (script == nil ? "health" : "")]
            let out = Pipe()
            wrk.standardOutput = out
            try wrk.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            wrk.waitUntilExit()
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let rate = lines.first { $0.hasPrefix("Requests/sec") } ?? "?"
            let p50 = lines.first { $0.hasPrefix("50%") }.flatMap { $0.split(separator: " ").last.map(String.init) } ?? "?"
            let p99 = lines.first { $0.hasPrefix("99%") }.flatMap { $0.split(separator: " ").last.map(String.init) } ?? "?"
            let errors = lines.filter { $0.contains("Non-2xx") || $0.contains("Socket errors") }
            guard errors.isEmpty, rate != "?" else {
                throw WorkflowError.internal("wrk: not every request was answered: \(errors.joined(separator: "; "))")
            }
            return (rate, Double(rate.split(separator: " ").last ?? "") ?? 0, p50, p99)
        }

        /// The rule the load must not break: one accepted scan per person, and every scan either
        /// accepted or a repeat.
        func checkLedger() async throws {
            let counts = try await DatabaseQueue(path: db).read { db -> (Int, Int, Int, Int) in
                let row = try Row.fetchOne(db, sql: """
                    SELECT count(*) AS scans, sum(result = 'accepted') AS accepted, sum(result = 'repeat') AS repeats,
                           count(DISTINCT CASE WHEN result = 'accepted' THEN person_id END) AS people
                    FROM scan
                    """)!
                return (row["scans"], row["accepted"] ?? 0, row["repeats"] ?? 0, row["people"])
            }
            print("ledger after the run: \(counts.0) scans, \(counts.1) distinct people checked in, \(counts.2) repeats")
            guard counts.1 == counts.3, counts.1 + counts.2 == counts.0, counts.1 > 0 else {
                throw WorkflowError.internal("the scan ledger disagrees with itself: \(counts.0) scans, \(counts.1) accepted "
                                             + "for \(counts.3) people, \(counts.2) repeats")
            }
        }
    }

    /// Polls the port until the server accepts a connection (a fixed sleep is too short on a busy machine).
    static func waitUntilListening(port: Int, while server: Process) async throws {
        for _ in 0..<400 where server.isRunning {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            close(fd)
            if connected { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw WorkflowError.unavailable("campaign serve did not start listening on port \(port)")
    }
}
