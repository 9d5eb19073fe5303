import CampaignTesting
import Foundation
import GRDB
import Workflow
import WorkflowTesting

/// `campaign-bench checkin`: check-ins per second and latency of `campaign serve` under 64
/// connections (wrk, from Debian), side by side with the same server's health endpoint: first scans
/// (each request a person not yet in — the gate rush) and repeat scans (the same people again) apart,
/// each as a ratio of `/health` in the same run. Needs the release `campaign` binary beside this one:
/// `swift build -c release` first.
enum CheckinBenchmark {
    static func run(people: Int, seconds: Int) async throws {
        let fair = try await Fair(people: people)
        defer { fair.server.terminate() }
        print("check-in benchmark — campaign serve, \(people) registered people, wrk 2 threads × 64 connections, \(seconds) s each")
        // The server's own CPU per request beside the rates: wrk shares the machine's cores, and its Lua
        // script (the check-in body) costs it more than a bare GET, so the rate alone mixes both.
        var cpu = fair.serverCPU()
        func spent(_ requests: Double, seconds: Int) -> Double {
            let now = fair.serverCPU()
            defer { cpu = now }
            return (now - cpu) / max(requests * Double(seconds), 1) * 1_000_000
        }
        let first = try fair.wrk(seconds: seconds, script: fair.script(repeatsOf: nil))
        let firstCPU = spent(first.requests, seconds: seconds)
        let (scans, accepted) = try await fair.counts()
        print("first scans   POST /api/checkin: \(first.rate); latency p50 \(first.p50), p99 \(first.p99); "
              + String(format: "server CPU %.0f µs a request", firstCPU) + " (\(accepted) of \(scans) scans were first scans)")
        let repeats = try fair.wrk(seconds: seconds, script: fair.script(repeatsOf: accepted))
        let repeatCPU = spent(repeats.requests, seconds: seconds)
        print("repeat scans  POST /api/checkin: \(repeats.rate); latency p50 \(repeats.p50), p99 \(repeats.p99); "
              + String(format: "server CPU %.0f µs a request", repeatCPU))
        let health = try fair.wrk(seconds: seconds, script: nil)
        let healthCPU = spent(health.requests, seconds: seconds)
        print("GET /health: \(health.rate); latency p50 \(health.p50), p99 \(health.p99); "
              + String(format: "server CPU %.0f µs a request", healthCPU))
        let ratio = { (rate: Double) in String(format: "%.2f×", rate / max(health.requests, 1)) }
        print("ratios to /health in this run: first scans \(ratio(first.requests)), repeat scans \(ratio(repeats.requests)); "
              + String(format: "server CPU a request %.1f× and %.1f× /health's", firstCPU / max(healthCPU, 0.001),
                       repeatCPU / max(healthCPU, 0.001)))
        BenchFigures.record("checkin.first", first.requests / max(health.requests, 1), .higher, target: 0.5,
                            meaning: "first scans a second ÷ GET /health's, same server")
        BenchFigures.record("checkin.repeat", repeats.requests / max(health.requests, 1), .higher, target: 0.6,
                            meaning: "repeat scans a second ÷ GET /health's")
        BenchFigures.record("checkin.first-p99-ms", Self.milliseconds(first.p99), .lower, target: 10,
                            meaning: "first scans' p99 latency at 64 connections, ms (absolute: the issue's limit)")
        try await fair.checkLedger()
    }

    /// wrk's latency ("14.60ms", "980.00us", "1.02s") in milliseconds.
    static func milliseconds(_ text: String) -> Double {
        let units: [(String, Double)] = [("ms", 1), ("us", 0.001), ("s", 1000)]
        for (unit, scale) in units where text.hasSuffix(unit) {
            return (Double(text.dropLast(unit.count)) ?? .nan) * scale
        }
        return .nan
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
        /// The registered people's ID numbers, one a line, for the wrk scripts.
        let inputs: URL
        /// Scans at random, first and repeat alike (the wear and TLS benchmarks use it).
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
            inputs = dir.url.appendingPathComponent("inputs.txt")
            try ids.joined(separator: "\n").write(to: inputs, atomically: true, encoding: .utf8)
            script = try Self.script(in: dir, name: "checkin.lua", inputs: inputs, token: token,
                                     pick: "(counter * 7919 + tid * 104729) % #inputs + 1")
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

        /// A wrk script that checks people in through two gates, `pick` choosing each request's person
        /// (Lua, from the thread's `counter` and `tid`). Each script's nonces are its own (named after
        /// it): a nonce seen before is a retried request, answered as the first time and not counted.
        static func script(in dir: TemporaryDirectory, name: String, inputs: URL, token: String, pick: String) throws -> String {
            try dir.write(name, """
                local inputs = {}
                for line in io.lines("\(inputs.path)") do inputs[#inputs + 1] = line end
                local counter = 0
                local thread_id = 0
                setup = function(thread) thread:set("tid", thread_id); thread_id = thread_id + 1 end
                request = function()
                  counter = counter + 1
                  local input = inputs[\(pick)]
                  local gate = (counter % 2 == 0) and "north" or "south"
                  local body = '{"input":"' .. input .. '","gate":"' .. gate .. '","nonce":"\(name)-' .. tid .. '-' .. counter .. '"}'
                  return wrk.format("POST", "/api/checkin", {["Content-Type"] = "application/json",
                                    ["Authorization"] = "Bearer \(token)"}, body)
                end
                """)
        }

        /// First scans: the two threads take the people in turn, each request a person not yet in (until
        /// the ledger runs out). Repeats of the first `repeatsOf` people (those the first run checked in:
        /// it took them in this same order), at random among them.
        func script(repeatsOf checkedIn: Int?) throws -> String {
            guard let checkedIn else {
                return try Self.script(in: dir, name: "first.lua", inputs: inputs, token: token,
                                       pick: "((counter - 1) * 2 + tid) % #inputs + 1")
            }
            return try Self.script(in: dir, name: "repeat.lua", inputs: inputs, token: token,
                                   pick: "(counter * 7919 + tid * 104729) % \(max(1, checkedIn)) + 1")
        }

        /// The server process's CPU seconds so far (user + system, from /proc), 0 where /proc is not there.
        func serverCPU() -> Double {
            guard let stat = try? String(contentsOfFile: "/proc/\(server.processIdentifier)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return 0 }
            // Fields after the command's name: state is the 3rd field, utime the 14th, stime the 15th.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
            return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
        }

        /// Scans so far, and how many of them were accepted (first scans).
        func counts() async throws -> (scans: Int, accepted: Int) {
            try await DatabaseQueue(path: db).read { db in
                let row = try Row.fetchOne(db, sql: "SELECT count(*) AS scans, sum(result = 'accepted') AS accepted FROM scan")!
                return (row["scans"], row["accepted"] ?? 0)
            }
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
