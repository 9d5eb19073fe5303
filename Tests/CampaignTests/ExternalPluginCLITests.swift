import Foundation
import GRDB
import Testing
import WorkflowTesting

/// The example external plugins (examples/plugins/) driven by the real `campaign` binary: the
/// shell script's retryable refusal, the Python outbox's idempotency after a crash.
@Suite struct ExternalPluginCLITests {
    static let examples = CLIRunner.packageRoot.appendingPathComponent("examples/plugins")

    /// The sample definition and both plugins copied into a test folder (the outbox lands there).
    func copyExamples(into dir: TemporaryDirectory, editing: (String) -> String = { $0 }) throws -> String {
        for name in ["sms-outbox.py", "hall-check.sh"] {
            try FileManager.default.copyItem(at: Self.examples.appendingPathComponent(name),
                                             to: dir.url.appendingPathComponent(name))
        }
        let yaml = try String(contentsOf: Self.examples.appendingPathComponent("fair-reminders.yaml"), encoding: .utf8)
        return try dir.write("fair-reminders.yaml", editing(yaml))
    }

    func outbox(_ dir: TemporaryDirectory) -> [String] {
        let text = (try? String(contentsOf: dir.url.appendingPathComponent("sms-outbox.jsonl"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    @Test func theShellPluginRefusesUntilTheHallIsReadyThenTheOutboxGetsEachMessage() throws {
        let dir = try TemporaryDirectory()
        let yaml = try copyExamples(into: dir) { $0.replacingOccurrences(of: "attempts: 5, backoff: 2s",
                                                                         with: "attempts: 2, backoff: 1s") }
        let cli = CLIRunner(directory: dir)
        let listed = try cli.run("plugins", yaml)
        #expect(listed.stdout.contains("sms.send — Puts one message per phone number in the outbox"), "\(listed.stderr)")
        #expect(listed.stdout.contains("hall.ready — Completes when the marker file exists"))

        let notReady = try cli.run("start", yaml)
        #expect(notReady.status == 1, "\(notReady.stdout)\(notReady.stderr)")
        #expect(notReady.stdout.contains("会场未就绪 the hall is not ready (no hall-ready.txt yet)"), "\(notReady.stdout)")
        #expect(outbox(dir).isEmpty)

        _ = FileManager.default.createFile(atPath: dir.url.appendingPathComponent("hall-ready.txt").path, contents: Data())
        let ready = try cli.run("retry", "fair-reminders-2027", "hall-ready")
        #expect(ready.status == 0, "\(ready.stdout)\(ready.stderr)")
        #expect(ready.stdout.contains("已放入发件箱 3 条（之前已放入 0 条）"), "\(ready.stdout)")
        let lines = outbox(dir)
        #expect(lines.count == 3)
        #expect(lines.first?.contains("\"id\": \"fair-reminders-2027/1/remind#13800138000\"") == true, "\(lines)")
    }

    /// `campaign` killed while the plugin holds its reply back (after it wrote the outbox): the step
    /// is not done; `resume` runs it again with the same idempotency key, and the outbox keeps one
    /// line per message.
    @Test(.timeLimit(.minutes(5))) func killedDuringAnExternalStepResumeRunsItAgainWithTheSameKey() throws {
        let dir = try TemporaryDirectory()
        _ = FileManager.default.createFile(atPath: dir.url.appendingPathComponent("hall-ready.txt").path, contents: Data())
        let yaml = try copyExamples(into: dir) {
            $0.replacingOccurrences(of: "      to: ${{ vars.phones }}", with: "      to: ${{ vars.phones }}\n      hold: 1500")
        }
        let cli = CLIRunner(directory: dir)
        let process = cli.process(["start", yaml])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while outbox(dir).count < 3, process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
        #expect(process.isRunning, "the kill must land while the plugin holds its reply")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(outbox(dir).count == 3)

        let stored = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchOne(db, sql: "SELECT status FROM workflow_step WHERE step_id = 'remind'")
        }
        #expect(stored == "running", "never marked done without the plugin's reply")

        let resumed = try cli.run("resume", "fair-reminders-2027")
        #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
        #expect(resumed.stdout.contains("已放入发件箱 0 条（之前已放入 3 条）"), "\(resumed.stdout)")
        let lines = outbox(dir)
        #expect(lines.count == 3, "each message exactly once: \(lines)")
        #expect(Set(lines.map { $0.components(separatedBy: "\"to\"")[0] }).count == 3)
        #expect(lines.allSatisfy { $0.contains("fair-reminders-2027/1/remind#") })
        let history = try cli.run("history", "fair-reminders-2027")
        #expect(history.stdout.contains("sms: sms-outbox: 0 queued, 3 already queued (attempt 1)"), "\(history.stdout)")
    }

    /// A long chain of external steps does not leave the campaign process holding files: the
    /// plugin counts its parent's open descriptors at every step (Foundation's `Process` crashes
    /// once a process holds some thousands of them).
    @Test(.timeLimit(.minutes(5))) func aLongChainOfExternalStepsLeavesNoOpenFilesBehind() throws {
        let dir = try TemporaryDirectory()
        try Self.shellPlugin("count.sh", action: "count", in: dir, run: """
            cat >/dev/null
            ls /proc/$PPID/fd | wc -l >> open-files.txt
            echo '{"status": "completed"}'
            """)
        var lines = ["name: long", "plugins: { fd: count.sh }", "steps:"]
        for i in 0..<150 { lines.append("  - { id: s\(i), uses: fd.count\(i > 0 ? ", needs: s\(i - 1)" : "") }") }
        let yaml = try dir.write("long.yaml", lines.joined(separator: "\n") + "\n")
        let result = try CLIRunner(directory: dir).run("start", yaml)
        #expect(result.status == 0, "\(result.stderr)")
        let counts = try String(contentsOf: dir.url.appendingPathComponent("open-files.txt"), encoding: .utf8)
            .split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        #expect(counts.count == 150)
        #expect((counts.last ?? 0) - (counts.first ?? 0) < 10, "open files grew from \(counts.first ?? 0) to \(counts.last ?? 0)")
    }

    /// `timeout:` stops the plugin and everything it started: a helper in the background too.
    /// (Run through the binary: a test process whose thread pool other tests keep busy would
    /// measure their load, not the timeout.)
    @Test(.timeLimit(.minutes(5))) func aTimeoutKillsThePluginsWholeProcessGroup() throws {
        let dir = try TemporaryDirectory()
        try Self.shellPlugin("slow.sh", action: "run", in: dir, run: """
            cat >/dev/null
            sleep 300 &
            echo $! > helper.pid
            echo $$ > plugin.pid
            sleep 300
            """)
        let yaml = try dir.write("slow.yaml", """
            name: slow
            plugins: { slow: slow.sh }
            steps:
              - { id: wait, uses: slow.run, timeout: 1s }
            """)
        let result = try CLIRunner(directory: dir).run("start", yaml)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("超过 1 s 未完成，已停止（它的改动已撤销）"), "\(result.stdout)")
        for name in ["plugin.pid", "helper.pid"] {
            let text = try String(contentsOf: dir.url.appendingPathComponent(name), encoding: .utf8)
            let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
            #expect(Self.waitUntilGone(pid), "\(name) \(pid) still runs")
        }
    }

    /// A POSIX shell plugin with one action and no parameters; `run` answers `PROGRAM run`.
    static func shellPlugin(_ name: String, action: String, in dir: TemporaryDirectory, run: String) throws {
        let script = try dir.write(name, "#!/bin/sh\nif [ \"$1\" = describe ]; then\n"
                                   + "  echo '{\"protocol\": 1, \"actions\": [{\"name\": \"\(action)\"}]}'\n  exit 0\nfi\n"
                                   + run + "\n")
        chmod(script, 0o755)
    }

    /// Gone, or a zombie its new parent has not reaped yet: either way it runs no more.
    static func waitUntilGone(_ pid: Int32) -> Bool {
        for _ in 0..<250 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z" { return true }
            usleep(20_000)
        }
        return false
    }
}
