import BuiltinPlugins
import Foundation
import Workflow
import WorkflowTesting

/// What the benchmarks share: the built-in plugins, and a started campaign to import into.
enum BenchSupport {
    static let registry = BuiltinPlugins.registry

    /// Starts a campaign named `name` that waits for a signal, so imports can register people to it.
    static func startCampaign(_ name: String, in workspace: Workspace) async throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("\(name).yaml", "name: \(name)\nsteps:\n  - id: wait\n    uses: core.wait\n    with: { signal: true }\n")
        let engine = Engine(registry: registry, workspace: workspace, clock: SystemClock(),
                            options: EngineOptions(waitHorizon: .zero))
        _ = try await engine.start(try Validator(registry: registry).validate(path: path))
    }
}
