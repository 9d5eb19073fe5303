import Foundation
import Testing
import Workflow
import WorkflowTesting

/// External plugins: programs that answer `describe` and `run` with JSON become steps with the
/// same validation, outcomes and durability rules as the compiled-in ones.
@Suite struct ExternalPluginTests {
    let harness: EngineHarness

    init() throws {
        harness = try EngineHarness(plugins: [CorePlugin.plugin])
    }

    static let describeSend = """
        {"protocol": 1, "summary": "Test plugin.", "actions": [
          {"name": "send", "summary": "Sends.",
           "parameters": [{"name": "to", "type": "list of text", "required": true, "doc": "Phones."},
                          {"name": "count", "type": "integer", "default": 1, "doc": "How many."}],
           "outputs": [{"name": "sent", "doc": "How many were sent."}]}]}
        """

    /// A POSIX shell plugin in the test's folder: `describe` prints `describe`; `run` runs `run`.
    @discardableResult
    func plugin(_ name: String, describe: String = describeSend, run: String) throws -> String {
        let text = "#!/bin/sh\ncase \"$1\" in\ndescribe)\ncat <<'JSON'\n\(describe)\nJSON\n;;\nrun)\n\(run)\n;;\nesac\n"
        let path = try harness.directory.write(name, text)
        chmod(path, 0o755)
        return path
    }

    func errors(_ yaml: String) throws -> [String] {
        let path = try harness.directory.write("c.yaml", yaml)
        let (_, diagnostics) = Validator(registry: harness.registry).check(file: try SourceFile.read(path: path))
        return diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }

    func definition(_ steps: String, plugins: String = "ext: ext.sh") -> String {
        "name: c\nplugins:\n  \(plugins)\nsteps:\n\(steps)"
    }

    // MARK: - Validation

    @Test func withIsCheckedAgainstTheDescribedSchemaAtItsLineAndColumn() async throws {
        try plugin("ext.sh", run: "cat >/dev/null; echo '{\"status\":\"completed\"}'")
        let found = try errors(definition("""
              - id: a
                uses: ext.send
                with:
                  count: many
                  colour: red
              - id: b
                uses: ext.sned
            """))
        #expect(found == [
            "6:11 'ext.send' needs parameter 'to' (list of text): Phones.",
            "8:14 parameter 'count' must be an integer, not text 'many'",
            "9:7 'ext.send' has no parameter 'colour'",
            "11:15 plugin 'ext' has no action 'sned'",
        ], "\(found)")
    }

    @Test func aPluginThatCannotBeDescribedIsAValidationErrorAtItsEntry() async throws {
        try plugin("garbage.sh", describe: "hello, I am a plugin", run: "")
        let garbage = try errors(definition("  - { id: a, uses: ext.send }", plugins: "ext: garbage.sh"))
        #expect(garbage.first?.hasPrefix("3:8 plugin 'ext': its `describe` answer is not the protocol's JSON (not JSON): "
                                          + "'hello, I am a plugin'") == true, "\(garbage)")
        // The step that uses it is not reported again as an unknown plugin's.
        #expect(garbage.count == 2 && garbage[1].contains("unknown plugin 'ext'"), "\(garbage)")

        let missing = try errors(definition("  - { id: a, uses: core.log, with: { message: x } }", plugins: "ext: ext.hs"))
        #expect(missing.count == 1 && missing[0].hasPrefix("3:8 plugin 'ext': its program ")
                && missing[0].hasSuffix("ext.hs does not exist"), "\(missing)")

        _ = try harness.directory.write("plain.sh", "#!/bin/sh\n")
        let notExecutable = try errors(definition("  - { id: a, uses: core.log, with: { message: x } }",
                                                  plugins: "ext: plain.sh"))
        #expect(notExecutable.first?.contains("plain.sh is not executable") == true, "\(notExecutable)")

        try plugin("old.sh", describe: "{\"protocol\": 2, \"actions\": []}", run: "")
        let version = try errors(definition("  - { id: a, uses: core.log, with: { message: x } }", plugins: "ext: old.sh"))
        #expect(version == ["3:8 plugin 'ext': it speaks protocol version 2; this campaign speaks version 1"])

        let failing = try harness.directory.write("fail.sh", "#!/bin/sh\necho 'no config file' >&2\nexit 3\n")
        chmod(failing, 0o755)
        let exit = try errors(definition("  - { id: a, uses: core.log, with: { message: x } }", plugins: "ext: fail.sh"))
        #expect(exit == ["3:8 plugin 'ext': `describe` exited with code 3: no config file"])

        let clash = try errors(definition("  - { id: a, uses: core.log, with: { message: x } }", plugins: "core: ext.sh"))
        #expect(clash == ["3:3 'core' is the name of a built-in plugin"])
    }

    // MARK: - Replies

    func run(_ yaml: String) async throws -> RunSummary {
        try await harness.engine().start(try harness.workflow(yaml))
    }

    func step(_ summary: RunSummary, _ id: String) -> StepRecord? { summary.steps.first { $0.stepId == id } }

    @Test func aCompletedReplyGivesOutputsDownstreamAndTheRequestCarriesTheStep() async throws {
        try plugin("ext.sh", run: """
            cat > request.json
            echo 'sending to 13800138000' >&2
            echo '{"status": "completed", "outputs": {"sent": 2}}'
            """)
        let summary = try await run(definition("""
              - id: notify
                uses: ext.send
                with: { to: ["13800138000", "13912345678"], count: "2" }
              - id: after
                needs: notify
                uses: core.log
                with: { message: "sent ${{ steps.notify.outputs.sent }}" }
            """) + "\nvars: { county: 岳西县 }\ntimezone: Asia/Urumqi\n")
        #expect(summary.run.status == .completed)
        #expect(step(summary, "after")?.outputs["message"] == .string("sent 2"))
        let request = try Value(jsonText: String(contentsOfFile: harness.directory.url.appendingPathComponent("request.json").path,
                                                 encoding: .utf8))
        guard case .object(let fields) = request else { Issue.record("not an object"); return }
        #expect(fields["protocol"] == .int(1))
        #expect(fields["action"] == .string("send"))
        #expect(fields["idempotency_key"] == .string("c/\(summary.run.id)/notify"))
        #expect(fields["attempt"] == .int(1))
        #expect(fields["with"] == .object(["to": .array([.string("13800138000"), .string("13912345678")]), "count": .int(2)]))
        #expect(fields["vars"] == .object(["county": .string("岳西县")]))
        #expect(fields["time_zone"] == .string("Asia/Urumqi"))
        #expect(fields["directory"] == .string(harness.directory.url.path))
        // stderr goes to the run's history, phone numbers masked.
        let history = try await harness.workspace.pool.read { db in
            try String.fetchAll(db, sql: "SELECT message FROM workflow_event WHERE kind = 'plugin-stderr'")
        }
        #expect(history == ["ext: sending to 138****8000"])
    }

    /// A plugin gets PATH, LANG, HOME, TMPDIR and what its entry names (`env:`), nothing else of the
    /// caller's environment (#33); what it returns is stored masked and without terminal escapes.
    @Test func aPluginGetsOnlyTheEnvironmentItsEntryNamesAndItsReplyIsCleaned() async throws {
        // Names of their own (letters: digits in an output would be masked), so parallel tests cannot collide.
        let tag = String((0..<8).map { _ in "ABCDEFGHIJKLMNOPQRSTUVWXYZ".randomElement()! })
        let secret = "CAMPAIGN_TEST_SECRET_\(tag)"
        let key = "CAMPAIGN_TEST_KEY_\(tag)"
        setenv(secret, "do-not-leak", 1)
        setenv(key, "the-plugins-own", 1)
        defer { unsetenv(secret); unsetenv(key) }
        try plugin("ext.sh", run: """
            cat >/dev/null
            names=$(env | cut -d= -f1 | sort | tr '\\n' ' ')
            echo '{"status": "completed", "outputs": {"sent": 1, "shown": "\\u001b[31mred\\u001b[0m \\u001b]0;pwned\\u0007call 13800138000", "env": "'"$names"'"}}'
            """)
        let summary = try await run(definition("""
              - id: notify
                uses: ext.send
                with: { to: ["13800138000"] }
            """, plugins: "ext: { program: ext.sh, env: [\(key)] }"))
        #expect(summary.run.status == .completed, "\(summary)")
        guard case .string(let names)? = step(summary, "notify")?.outputs["env"] else {
            Issue.record("no env output: \(String(describing: step(summary, "notify")?.outputs))"); return
        }
        let given = Set(names.split(separator: " ").map(String.init))
        #expect(given.contains(key) && given.contains("PATH") && given.contains("CAMPAIGN_PLUGIN_PROTOCOL"), "\(given)")
        #expect(!given.contains(secret), "\(given)")
        #expect(given.isSubset(of: ["PATH", "LANG", "LC_ALL", "HOME", "TMPDIR", "CAMPAIGN_PLUGIN_PROTOCOL", "PWD", "SHLVL", "_", key]),
                "\(given)")
        #expect(step(summary, "notify")?.outputs["shown"] == .string("red call 138****8000"))
        // A name that is not an environment variable's is an error at its line.
        let found = try errors(definition("  - id: a\n    uses: ext.send\n    with: { to: [\"1\"] }\n",
                                          plugins: "ext: { program: ext.sh, env: [my-key], colour: red }"))
        #expect(found == ["3:33 'my-key' is not an environment variable's name", "3:42 a plugin entry has no 'colour'"], "\(found)")
    }

    @Test func failedRepliesFailTheStepAndRetryableOnesAreTriedAgain() async throws {
        try plugin("ext.sh", run: """
            request=$(cat)
            case "$request" in
              *'"attempt":1,'*) echo '{"status": "failed", "retryable": true, "message": "gateway busy"}' ;;
              *) echo '{"status": "completed", "outputs": {"sent": 1}}' ;;
            esac
            """)
        let retried = try await run(definition("""
              - id: notify
                uses: ext.send
                with: { to: "13800138000" }
                retry: { attempts: 2, backoff: 1s }
            """))
        #expect(retried.run.status == .completed)
        #expect(step(retried, "notify")?.attempt == 2)

        let other = try EngineHarness(plugins: [CorePlugin.plugin])
        let path = try other.directory.write("ext.sh", "#!/bin/sh\n[ \"$1\" = describe ] && { cat <<'JSON'\n"
                                              + Self.describeSend + "\nJSON\nexit 0; }\ncat >/dev/null\n"
                                              + "echo '{\"status\": \"failed\", \"retryable\": false, \"message\": \"号码 13800138000 已停机\"}'\n")
        chmod(path, 0o755)
        let failed = try await other.engine().start(try other.workflow(definition("""
                  - id: notify
                    uses: ext.send
                    with: { to: "13800138000" }
                    retry: 3
                """)))
        #expect(failed.run.status == .failed)
        #expect(step(failed, "notify")?.attempt == 1, "not retryable: tried once")
        #expect(step(failed, "notify")?.error == "插件“ext”：号码 138****8000 已停机")
    }

    @Test func aWaitingReplyWaitsForItsSignal() async throws {
        try plugin("ext.sh", describe: """
            {"protocol": 1, "actions": [{"name": "approve", "waits": true}]}
            """, run: """
            cat >/dev/null
            echo '{"status": "waiting", "signal": true, "until": "2030-01-01 09:00", "prompt": "wait for the bureau"}'
            """)
        let yaml = definition("  - { id: approval, uses: ext.approve }\n  - { id: after, needs: approval, uses: core.log, "
                              + "with: { message: \"by ${{ steps.approval.outputs.ended_by }}\" } }")
        let engine = harness.engine(waitHorizon: .seconds(1))
        let waiting = try await engine.start(try harness.workflow(yaml))
        #expect(step(waiting, "approval")?.status == .waiting)
        // Worded in the process's language: Chinese here (no CAMPAIGN_LANG in the tests).
        #expect(step(waiting, "approval")?.prompt == "wait for the bureau——完成后运行：campaign signal c approval"
                + "（或在 2030-01-01 09:00 自动结束）")
        let done = try await engine.signal(campaign: "c", step: "approval", by: "王科长", note: nil)
        #expect(done.run.status == .completed)
        #expect(step(done, "after")?.outputs["message"] == .string("by signal"))
    }

    @Test func aGarbageReplyOrASilentExitFailsClearlyAndIsNotRetried() async throws {
        try plugin("ext.sh", run: "cat >/dev/null; echo 'Traceback: oops' >&2; echo 'OK sent!'")
        let garbage = try await run(definition("""
              - { id: notify, uses: ext.send, with: { to: "1" }, retry: 3 }
            """))
        #expect(step(garbage, "notify")?.status == .failed)
        #expect(step(garbage, "notify")?.attempt == 1)
        #expect(step(garbage, "notify")?.error == "插件“ext”的回答不是协议规定的 JSON（not JSON）：'OK sent!'——它说：Traceback: oops")

        let other = try EngineHarness(plugins: [CorePlugin.plugin])
        let path = try other.directory.write("ext.sh", "#!/bin/sh\n[ \"$1\" = describe ] && { cat <<'JSON'\n"
                                              + Self.describeSend + "\nJSON\nexit 0; }\necho boom >&2\nexit 3\n")
        chmod(path, 0o755)
        let silent = try await other.engine().start(try other.workflow(definition("  - { id: notify, uses: ext.send, with: { to: \"1\" } }")))
        #expect(step(silent, "notify")?.error == "插件“ext”以代码 3 退出，没有回答——它说：boom")

        let third = try EngineHarness(plugins: [CorePlugin.plugin])
        let odd = try third.directory.write("ext.sh", "#!/bin/sh\n[ \"$1\" = describe ] && { cat <<'JSON'\n"
                                             + Self.describeSend + "\nJSON\nexit 0; }\ncat >/dev/null\n"
                                             + "echo '{\"status\": \"done\"}'\n")
        chmod(odd, 0o755)
        let unknown = try await third.engine().start(try third.workflow(definition("  - { id: notify, uses: ext.send, with: { to: \"1\" } }")))
        #expect(step(unknown, "notify")?.error == "插件“ext”回答的状态是“done”；协议只有 completed、failed 和 waiting")
    }

    /// Each instance of a fan-out has a key of its own; the request names its item number.
    @Test func eachFanOutInstanceHasItsOwnIdempotencyKey() async throws {
        try plugin("ext.sh", run: """
            request=$(cat)
            printf '%s\\n' "$request" | sed -n 's/.*"idempotency_key":"\\([^"]*\\)".*"item":\\([0-9]*\\).*/\\1 \\2/p' >> keys.txt
            echo '{"status": "completed", "outputs": {"sent": 1}}'
            """)
        let summary = try await run(definition("""
              - { id: notify, uses: ext.send, for_each: [城关镇, 河口镇], with: { to: "${{ item }}" } }
            """))
        #expect(summary.run.status == .completed)
        let keys = try String(contentsOfFile: harness.directory.url.appendingPathComponent("keys.txt").path, encoding: .utf8)
            .split(separator: "\n").map(String.init).sorted()
        #expect(keys == ["c/\(summary.run.id)/notify[1] 1", "c/\(summary.run.id)/notify[2] 2"])
    }

    /// Where programs must not run (the fuzzer), `plugins:` is refused, not described.
    @Test func aValidatorThatRunsNoProgramsRefusesPlugins() throws {
        try plugin("ext.sh", run: "")
        let path = try harness.directory.write("c.yaml", definition("  - { id: a, uses: core.log, with: { message: x } }"))
        let (_, diagnostics) = Validator(registry: harness.registry, runsExternalPlugins: false)
            .check(file: try SourceFile.read(path: path))
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
                == ["3:3 external plugins are not run here"])
    }
}
