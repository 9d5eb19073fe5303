import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Workflow
import WorkflowTesting

/// `campaign-bench engine`: the engine's own overhead on durable no-op steps.
///
/// Each step costs two durable transitions (start, then commit with its state change), each a
/// SQLite transaction in WAL mode on a real file. The figure reported is wall time per transition,
/// the median over several runs, for a 1,000-step chain (no concurrency possible) and a
/// 10,000-step DAG of width 100.
enum EngineBenchmark {
    struct NoOp: StepAction {
        static let descriptor = ActionDescriptor(name: "noop", summary: "Does nothing, durably.")

        func commit(_ db: Database, _ prepared: Void, input: NoInput, context: StepContext) throws -> StepOutcome {
            .succeeded
        }
    }

    static let registry = PluginRegistry(BuiltinPlugins.engines + [Plugin(name: "bench", summary: "", actions: [NoOp()])])

    static func chain(_ count: Int) -> String {
        var lines = ["name: chain-\(count)", "steps:"]
        for i in 0..<count {
            lines.append("  - id: s\(i)\n    uses: bench.noop" + (i > 0 ? "\n    needs: s\(i - 1)" : ""))
        }
        return lines.joined(separator: "\n")
    }

    /// `layers` layers of `width` steps; each step needs the step above it and the one above-right.
    static func dag(width: Int, layers: Int) -> String {
        var lines = ["name: dag-\(width)x\(layers)", "steps:"]
        for layer in 0..<layers {
            for column in 0..<width {
                var step = "  - id: s\(layer)_\(column)\n    uses: bench.noop"
                if layer > 0 {
                    step += "\n    needs: [s\(layer - 1)_\(column), s\(layer - 1)_\((column + 1) % width)]"
                }
                lines.append(step)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One step that fans out over `count` items (a variable's list), every instance a durable no-op.
    static func fanOut(_ count: Int) -> String {
        let items = (0..<count).map(String.init).joined(separator: ", ")
        return """
            name: fan-out-\(count)
            vars: { items: [\(items)] }
            steps:
              - id: each
                for_each: ${{ vars.items }}
                uses: bench.noop
            """
    }

    struct Measurement {
        var validate: Duration
        var run: Duration
        var steps: Int
        var perTransitionMs: Double { run.seconds * 1000 / Double(steps * 2) }
        var stepsPerSecond: Double { Double(steps) / run.seconds }
    }

    static func measure(_ yaml: String, concurrency: Int) async throws -> Measurement {
        let dir = try TemporaryDirectory()
        let path = try dir.write("bench.yaml", yaml)
        let clock = ContinuousClock()
        let validateStart = clock.now
        let workflow = try Validator(registry: registry).validate(path: path)
        let validate = clock.now - validateStart
        let workspace = try Workspace(path: dir.databasePath, registry: registry)
        let engine = Engine(registry: registry, workspace: workspace, clock: SystemClock(),
                            options: EngineOptions(maxConcurrency: concurrency))
        let runStart = clock.now
        let summary = try await engine.start(workflow)
        let run = clock.now - runStart
        guard summary.run.status == .completed else {
            throw WorkflowError.internal("benchmark run ended \(summary.run.status.rawValue)")
        }
        let units = summary.steps.filter { $0.isInstance && $0.status == .succeeded }.count
        if workflow.definition.steps.contains(where: { $0.fanOut != nil }), units == 0 {
            throw WorkflowError.internal("benchmark fan-out made no instances")
        }
        return Measurement(validate: validate, run: run, steps: units > 0 ? units : workflow.definition.steps.count)
    }

    /// `steps` sizes the DAG (width 100, or fewer when smaller) and the fan-out; the chain has a tenth
    /// as many steps. The fan-out's cost per instance is reported as a ratio to the chain's per step,
    /// both measured in this run (this machine's speed swings too much for absolute figures to compare).
    static func run(repetitions: Int, steps: Int) async throws {
        print("engine benchmark — durable no-op steps, 2 transitions each, WAL + synchronous=NORMAL")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; median of \(repetitions) runs\n")
        let width = min(100, steps), chainLength = max(1, steps / 10)
        let layers = max(1, steps / width)
        var medians: [String: Measurement] = [:]
        for (label, yaml) in [("\(chainLength.formatted())-step chain", chain(chainLength)),
                              ("\((width * layers).formatted())-step DAG, width \(width)", dag(width: width, layers: layers)),
                              ("\(steps.formatted())-instance fan-out", fanOut(steps))] {
            var results: [Measurement] = []
            for _ in 0..<repetitions { results.append(try await measure(yaml, concurrency: 4)) }
            results.sort { $0.perTransitionMs < $1.perTransitionMs }
            let median = results[results.count / 2]
            medians[label] = median
            print(label)
            print(String(format: "  per transition: median %.3f ms (min %.3f, max %.3f)", median.perTransitionMs,
                         results.first!.perTransitionMs, results.last!.perTransitionMs))
            print(String(format: "  per step: %.3f ms — %.0f steps/s; whole run %.2f s; validation %.0f ms",
                         median.perTransitionMs * 2, median.stepsPerSecond, median.run.seconds,
                         median.validate.seconds * 1000))
        }
        if let chain = medians["\(chainLength.formatted())-step chain"],
           let fan = medians["\(steps.formatted())-instance fan-out"] {
            print(String(format: "\nfan-out instance ÷ chain step: %.2f× (%.3f ms per instance, %.3f ms per step)",
                         fan.perTransitionMs / chain.perTransitionMs, fan.perTransitionMs * 2, chain.perTransitionMs * 2))
            BenchFigures.record("engine.fan-out", fan.perTransitionMs / chain.perTransitionMs, .lower,
                                meaning: "a fan-out instance ÷ a chain step")
            // A chain's step waits for the one before: its transition is a durable step's whole cost.
            BenchFigures.record("engine.transition-ms", chain.perTransitionMs, .lower, target: 0.12,
                                meaning: "a chain step's durable transition, ms (absolute: the issue's limit)")
        }
    }
}
