import Foundation
import Workflow

/// Everything one engine test needs: its own folder and workspace, a virtual clock, a registry,
/// and a record of the run events — so tests run in parallel and a month passes in milliseconds.
public final class EngineHarness: Sendable {
    public let directory: TemporaryDirectory
    public let clock: VirtualClock
    public let registry: PluginRegistry
    public let workspace: Workspace
    public let events: EventRecorder

    public init(plugins: [Plugin]) throws {
        directory = try TemporaryDirectory()
        clock = VirtualClock()
        registry = PluginRegistry(plugins)
        workspace = try Workspace(path: directory.databasePath, registry: registry)
        events = EventRecorder()
    }

    /// An engine that, by default, waits out any timer (the virtual clock makes that instant).
    public func engine(maxConcurrency: Int = 4, waitHorizon: Duration = .seconds(365 * 86400)) -> Engine {
        let events = events
        return Engine(registry: registry, workspace: workspace, clock: clock,
                      options: EngineOptions(maxConcurrency: maxConcurrency, waitHorizon: waitHorizon),
                      observer: { events.append($0) })
    }

    /// Writes a definition into the test folder and validates it.
    public func workflow(_ yaml: String, file: String = "campaign.yaml") throws -> ValidatedWorkflow {
        let path = try directory.write(file, yaml)
        return try Validator(registry: registry).validate(path: path)
    }
}

/// Collects run events in order, for assertions.
public final class EventRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [RunEvent] = []

    public init() {}

    public func append(_ event: RunEvent) { lock.withLock { storage.append(event) } }
    public var all: [RunEvent] { lock.withLock { storage } }

    /// Step ids in the order they completed.
    public var completed: [String] {
        all.compactMap { if case .completed(let step, _, _) = $0 { step } else { nil } }
    }
}
