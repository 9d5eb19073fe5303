import Foundation
import Ledger
import Workflow

/// The plugins a process carries, set once at start-up by `main` — as swift-log's `LoggingSystem`
/// is bootstrapped — so that commands, which ArgumentParser creates from types, can reach them.
/// Libraries and tests pass plugin lists explicitly instead.
public enum PluginSystem {
    private static let state = State()

    /// Sets the plugins of this process. Called once, before any command runs.
    public static func bootstrap(_ plugins: [CampaignPlugin]) {
        state.set(plugins)
    }

    /// The plugins of this process, in the order listed.
    public static var plugins: [CampaignPlugin] { state.get().plugins }

    /// Their steps and migrations, for the engine and the workspace.
    public static var registry: PluginRegistry { state.get().registry }

    /// Every list `campaign import KIND` can read.
    public static var importKinds: [ImportKind] { plugins.flatMap(\.importKinds) }

    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (plugins: [CampaignPlugin], registry: PluginRegistry)?

        func set(_ plugins: [CampaignPlugin]) {
            lock.withLock {
                precondition(value == nil, "PluginSystem.bootstrap may be called only once")
                value = (plugins, PluginRegistry(plugins.map(\.engine)))
            }
        }

        func get() -> (plugins: [CampaignPlugin], registry: PluginRegistry) {
            lock.withLock {
                guard let value else { preconditionFailure("PluginSystem.bootstrap was not called") }
                return value
            }
        }
    }
}
