import Foundation
import GRDB
import Plugins
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
        try await Task.sleep(for: .seconds(1))

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
        }
        let counts = try await DatabaseQueue(path: db).read { db -> (Int, Int, Int) in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*) AS scans, sum(result = 'accepted') AS accepted, sum(result = 'repeat') AS repeats
                FROM scan
                """)!
            return (row["scans"], row["accepted"] ?? 0, row["repeats"] ?? 0)
        }
        print("ledger after the run: \(counts.0) scans, \(counts.1) distinct people checked in, \(counts.2) repeats")
    }
}
