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
        let campaign = try BenchCommand.campaignBinary(alsoNeeding: "/usr/bin/wrk", from: "wrk")
        let dir = try TemporaryDirectory()
        let db = dir.databasePath
        func cli(_ arguments: [String]) throws -> String {
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
        var generator = LedgerGenerator(seed: 9)
        let ledger = dir.url.appendingPathComponent("people.csv")
        try generator.writePeopleCSV(to: ledger, count: people)
        let yaml = try dir.write("fair.yaml", SampleCampaign.ledgerThenGate(name: "bench", gates: ["north", "south"]))
        _ = try cli(["start", yaml])
        let token = try cli(["staff", "add", "bench"]).split(separator: "\n")[1].trimmingCharacters(in: .whitespaces)
        let ids = try await DatabaseQueue(path: db).read { db in try String.fetchAll(db, sql: "SELECT id_number FROM person") }
        let inputs = dir.url.appendingPathComponent("inputs.txt")
        try ids.joined(separator: "\n").write(to: inputs, atomically: true, encoding: .utf8)
        let script = try dir.write("checkin.lua", """
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

        let port = Int.random(in: 20000...60000)
        let server = Process()
        server.executableURL = campaign
        server.arguments = ["serve", "--campaign", "bench", "--host", "127.0.0.1", "--port", "\(port)", "--db", db]
        var env = ProcessInfo.processInfo.environment
        env["CAMPAIGN_NOW"] = "2026-03-01T09:00:00+08:00"
        server.environment = env
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        try await waitUntilListening(port: port, while: server)

        print("check-in benchmark — campaign serve, \(people) registered people, wrk 2 threads × 64 connections, \(seconds) s")
        for (label, extra) in [("POST /api/checkin", ["-s", script]), ("GET /health", [])] {
            let wrk = Process()
            wrk.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
            wrk.arguments = ["-t2", "-c64", "-d\(seconds)s", "--latency"] + extra + ["http://127.0.0.1:\(port)/" + (extra.isEmpty ? "health" : "")]
            let out = Pipe()
            wrk.standardOutput = out
            try wrk.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            wrk.waitUntilExit()
            let rate = text.split(separator: "\n").first { $0.hasPrefix("Requests/sec") } ?? "?"
            let p50 = text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("50%") } ?? "?"
            let p99 = text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("99%") } ?? "?"
            let errors = text.split(separator: "\n").filter { $0.contains("Non-2xx") || $0.contains("Socket errors") }
            print("\(label): \(rate.trimmingCharacters(in: .whitespaces)); latency p50 \(p50.split(separator: " ").last ?? ""), "
                  + "p99 \(p99.split(separator: " ").last ?? "")" + (errors.isEmpty ? "" : "; " + errors.joined(separator: "; ")))
            guard errors.isEmpty, rate != "?" else {
                throw WorkflowError.internal("\(label) did not answer every request: \(errors.joined(separator: "; "))")
            }
        }
        let counts = try await DatabaseQueue(path: db).read { db -> (Int, Int, Int, Int) in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*) AS scans, sum(result = 'accepted') AS accepted, sum(result = 'repeat') AS repeats,
                       count(DISTINCT CASE WHEN result = 'accepted' THEN person_id END) AS people
                FROM scan
                """)!
            return (row["scans"], row["accepted"] ?? 0, row["repeats"] ?? 0, row["people"])
        }
        print("ledger after the run: \(counts.0) scans, \(counts.1) distinct people checked in, \(counts.2) repeats")
        // The rule the load must not break: one accepted scan per person, and every scan either accepted or a repeat.
        guard counts.1 == counts.3, counts.1 + counts.2 == counts.0, counts.1 > 0 else {
            throw WorkflowError.internal("the scan ledger disagrees with itself: \(counts.0) scans, \(counts.1) accepted "
                                         + "for \(counts.3) people, \(counts.2) repeats")
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
