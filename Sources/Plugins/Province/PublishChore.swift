import Foundation
import PluginKit
import Synchronization
import Workflow

/// The daemon's publishing (`run-daemon --publish-to URL --publish-every 1m`): every interval, a publish
/// like `campaign publish`'s, run in the background so neither the daemon's steps nor a gate wait for
/// the province's server; a round that finds the previous publish still going skips. Each finished
/// publish is said at the next round. A shredded campaign is published shredded at the next interval,
/// like any change.
final class PublishChore: Sendable {
    let workspace: Workspace
    let address: ProvinceAddress
    let every: TimeInterval
    private struct State {
        var last: Date?
        var running = false
        var said: [String] = []
    }
    private let state = Mutex(State())

    init(workspace: Workspace, address: ProvinceAddress, every: TimeInterval) {
        self.workspace = workspace
        self.address = address
        self.every = every
    }

    /// The chore for a daemon's settings: none without `publish-to` (or for a read-only workspace).
    static func make(_ settings: DaemonSettings) throws -> DaemonChore? {
        guard let to = settings.flags["publish-to"], !settings.workspace.isReadOnly else { return nil }
        let every = settings.flags["publish-every"].flatMap(TimeFormats.duration).map { Double($0.components.seconds) } ?? 60
        return PublishChore(workspace: settings.workspace, address: try ProvinceAddress(to), every: every).run
    }

    @Sendable func run(now: Date) async throws -> [String] {
        let start = state.withLock { state -> Bool in
            guard !state.running, state.last.map({ now.timeIntervalSince($0) >= every || now < $0 }) ?? true else { return false }
            state.last = now
            state.running = true
            return true
        }
        if start {
            let (workspace, address) = (workspace, address)
            Task.detached { [self] in
                let line: String
                do {
                    let publisher = Publisher(pool: workspace.pool, sections: PluginSystem.plugins.tallySections)
                    let outcome = try await ProvinceStore.using(address) { store in
                        try await publisher.publish(to: store, code: nil, name: nil, campaign: nil, now: now)
                    }
                    line = outcome.said.text(.fromEnvironment())
                } catch let error as WorkflowError {
                    line = error.message(in: .fromEnvironment())
                } catch {
                    line = String(describing: error)
                }
                self.state.withLock {
                    $0.running = false
                    $0.said.append(line)
                }
            }
        }
        return state.withLock { state in
            defer { state.said = [] }
            return state.said
        }
    }
}
