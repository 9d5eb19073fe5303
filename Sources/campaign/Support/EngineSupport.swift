import PluginKit
import Workflow

extension CommandSupport {
    /// The engine over a workspace, reporting each step as it runs.
    static func engine(_ workspace: Workspace, printer: RunPrinter) throws -> Engine {
        Engine(registry: PluginSystem.registry, workspace: workspace, clock: try clock(), logger: logger(),
               observer: { printer.event($0) })
    }
}
