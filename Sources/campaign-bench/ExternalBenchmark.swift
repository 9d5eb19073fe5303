import Foundation
import Workflow
import WorkflowTesting

/// `campaign-bench external`: what a step of an external plugin costs beyond a built-in one.
///
/// Three chains, run one after another in the same process: `core.log` (the baseline: a durable
/// step) and a shell-script no-op plugin, `steps` steps each, and a Python no-op plugin, a tenth as
/// many (each external step spawns the program, writes the JSON request, reads the JSON reply). Beside them, the floor: the
/// same number of bare spawns of the shell script with its request, without the engine.
enum ExternalBenchmark {
    static let description = """
        {"protocol": 1, "summary": "Does nothing.", "actions": [{"name": "run", "summary": "Nothing."}]}
        """
    static let shell = "#!/bin/sh\nif [ \"$1\" = describe ]; then\ncat <<'JSON'\n\(description)\nJSON\nexit 0\nfi\n"
        + "cat >/dev/null\necho '{\"status\": \"completed\"}'\n"
    static let python = "#!/usr/bin/env python3\nimport json, sys\nif sys.argv[1] == 'describe':\n"
        + "    print(json.dumps(json.loads('''\(description)''')))\nelse:\n    json.load(sys.stdin)\n"
        + "    print(json.dumps({'status': 'completed'}))\n"

    static func chain(_ count: Int, uses: String) -> String {
        var lines = ["name: chain", "plugins: { sh: noop.sh, py: noop.py }", "steps:"]
        for i in 0..<count {
            lines.append("  - id: s\(i)\n    uses: \(uses)" + (uses == "core.log" ? "\n    with: { message: s\(i) }" : "")
                         + (i > 0 ? "\n    needs: s\(i - 1)" : ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func measure(_ yaml: String, in dir: TemporaryDirectory, name: String) async throws -> Duration {
        let path = try dir.write("\(name).yaml", yaml)
        let registry = PluginRegistry([CorePlugin.plugin])
        let workflow = try Validator(registry: registry).validate(path: path)
        let workspace = try Workspace(path: dir.url.appendingPathComponent("\(name).sqlite").path, registry: registry)
        let engine = Engine(registry: registry, workspace: workspace)
        let started = ContinuousClock.now
        let summary = try await engine.start(workflow)
        let elapsed = ContinuousClock.now - started
        guard summary.run.status == .completed, summary.steps.allSatisfy({ $0.status == .succeeded }) else {
            throw WorkflowError.internal("the \(name) chain ended \(summary.run.status.rawValue)")
        }
        return elapsed
    }

    /// The floor: spawning the plugin with its request and reading its reply, `count` times, with
    /// nothing else around it (Foundation's `Process`, as the engine's runner uses it).
    static func bareSpawns(_ count: Int, program: URL) throws -> Duration {
        let request = Data(#"{"action":"run","protocol":1}"#.utf8)
        let started = ContinuousClock.now
        for _ in 0..<count {
            let process = Process()
            process.executableURL = program
            process.arguments = ["run"]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            // Not waitUntilExit(): on Linux it polls a run loop and adds tens of milliseconds.
            let exited = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in exited.signal() }
            try process.run()
            try input.fileHandleForWriting.write(contentsOf: request)
            try input.fileHandleForWriting.close()
            let reply = output.fileHandleForReading.readDataToEndOfFile()
            try output.fileHandleForReading.close()
            exited.wait()
            guard reply.starts(with: Data(#"{"status""#.utf8)) else { throw WorkflowError.internal("no reply") }
        }
        return ContinuousClock.now - started
    }

    static func run(steps: Int, repetitions: Int) async throws {
        let dir = try TemporaryDirectory()
        for (name, text) in [("noop.sh", shell), ("noop.py", python)] {
            let path = try dir.write(name, text)
            chmod(path, 0o755)
        }
        print("external plugin benchmark — chains where no two steps run at once; median of \(repetitions) runs, "
              + "each run measuring every shape in turn (ratios are taken within a run)")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores\n")
        // Python starts slowly (more so behind a version manager's shim): its chain is a tenth as long.
        let pythonSteps = max(1, steps / 10)
        let sh = dir.url.appendingPathComponent("noop.sh"), py = dir.url.appendingPathComponent("noop.py")
        var rows: [[String: Double]] = []
        for r in 0..<repetitions {
            var row: [String: Double] = [:]
            row["core"] = try await measure(chain(steps, uses: "core.log"), in: dir, name: "core-\(r)").seconds * 1000
                / Double(steps)
            row["sh"] = try await measure(chain(steps, uses: "sh.run"), in: dir, name: "sh-\(r)").seconds * 1000
                / Double(steps)
            row["shFloor"] = try bareSpawns(steps, program: sh).seconds * 1000 / Double(steps)
            row["py"] = try await measure(chain(pythonSteps, uses: "py.run"), in: dir, name: "py-\(r)").seconds * 1000
                / Double(pythonSteps)
            row["pyFloor"] = try bareSpawns(pythonSteps, program: py).seconds * 1000 / Double(pythonSteps)
            rows.append(row)
        }
        func median(_ value: ([String: Double]) -> Double) -> (median: Double, min: Double, max: Double) {
            let values = rows.map(value).sorted()
            return (values[values.count / 2], values.first!, values.last!)
        }
        for (label, key, length) in [("core.log", "core", steps), ("external, shell no-op", "sh", steps),
                                     ("bare spawn of the shell no-op with its JSON (no engine)", "shFloor", steps),
                                     ("external, python no-op", "py", pythonSteps),
                                     ("bare spawn of the python no-op with its JSON (no engine)", "pyFloor", pythonSteps)] {
            let m = median { $0[key]! }
            print(String(format: "%@ (%d steps): %.2f ms per step (min %.2f, max %.2f)", label, length, m.median, m.min, m.max))
        }
        print("")
        for (label, over, under) in [("shell no-op step ÷ core.log step", "sh", "core"),
                                     ("shell no-op step ÷ bare spawn", "sh", "shFloor"),
                                     ("python no-op step ÷ core.log step", "py", "core"),
                                     ("python no-op step ÷ bare spawn", "py", "pyFloor")] {
            let ratio = median { $0[over]! / $0[under]! }
            let extra = median { $0[over]! - $0[under]! }
            print(String(format: "%@: %.2f× (%.2f–%.2f), %+.2f ms per step", label, ratio.median, ratio.min, ratio.max,
                         extra.median))
            BenchFigures.record("external.\(over)÷\(under)", ratio.median, .lower, meaning: label)
        }
    }
}
