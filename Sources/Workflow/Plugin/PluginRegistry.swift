import Foundation
import GRDB

/// A named, append-only schema change of a plugin (or of the engine), run once per workspace.
public struct Migration: Sendable {
    public var name: String
    public var apply: @Sendable (Database) throws -> Void

    public init(_ name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.apply = apply
    }
}

/// A plugin: a set of actions and the tables they own.
public struct Plugin: Sendable {
    public var name: String
    public var summary: String
    public var actions: [RegisteredAction]
    public var migrations: [Migration]
    /// The plugins whose tables this one's migrations build on (a foreign key to `person`, an index
    /// on it): all their migrations run before any of this plugin's. The order of migrations comes
    /// from these declarations, never from the order plugins are listed in.
    public var dependencies: [String]
    /// For an external plugin (`plugins:` in a definition): the program that answers for it.
    public var program: String?
    /// Full names this plugin's actions had before they moved here (`schedule.departures` →
    /// `departures`): definitions and runs that use the old name keep working, and `validate` warns.
    public var formerNames: [String: String]
    /// The campaign kinds (`kind:` of a definition) this plugin's campaigns are, e.g. `bus-transport`.
    public var campaignKinds: [CampaignKind]
    /// The tables whose rows a backup report counts for this plugin: the ones a county would miss.
    public var countedTables: [String]

    public init(name: String, summary: String, actions: [any StepAction], migrations: [Migration] = [],
                dependencies: [String] = [], formerNames: [String: String] = [:], campaignKinds: [CampaignKind] = [],
                countedTables: [String] = []) {
        self.name = name
        self.summary = summary
        self.actions = actions.map { RegisteredAction(plugin: name, action: $0) }
        self.migrations = migrations
        self.dependencies = dependencies
        self.formerNames = formerNames
        self.campaignKinds = campaignKinds
        self.countedTables = countedTables
    }
}

/// The compile-time list of plugins the binary carries, looked up by `plugin.action`.
public struct PluginRegistry: Sendable {
    public let plugins: [Plugin]
    private let actionsByName: [String: RegisteredAction]
    /// A former full name → the action's name now.
    public let renamed: [String: String]

    public init(_ plugins: [Plugin]) {
        self.plugins = plugins
        var byName: [String: RegisteredAction] = [:]
        var renamed: [String: String] = [:]
        for plugin in plugins {
            for action in plugin.actions { byName[action.fullName] = action }
        }
        for plugin in plugins {
            for (former, name) in plugin.formerNames {
                guard let action = byName["\(plugin.name).\(name)"], byName[former] == nil else { continue }
                byName[former] = action
                renamed[former] = action.fullName
            }
        }
        actionsByName = byName
        self.renamed = renamed
    }

    /// The action of that full name, or of the name it had before it moved.
    public func action(_ fullName: String) -> RegisteredAction? { actionsByName[fullName] }

    /// Every campaign kind a compiled-in plugin declares, and `other`.
    public var campaignKinds: [CampaignKind] {
        var kinds: [CampaignKind] = []
        for kind in plugins.flatMap(\.campaignKinds) + [.other] where !kinds.contains(kind) { kinds.append(kind) }
        return kinds
    }

    /// The tables a backup report counts: the engine's runs, then each plugin's, in migration order.
    public var countedTables: [String] {
        ["workflow_run"] + ((try? migrationOrder()) ?? plugins).flatMap(\.countedTables)
    }

    /// The plugins in the order their migrations must run: each after the plugins it depends on,
    /// ties broken by name so the order never depends on how the list was written. A dependency on
    /// a plugin that is not compiled in, or a cycle, is a bug in the plugin list.
    public func migrationOrder() throws -> [Plugin] {
        let byName = Dictionary(plugins.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for plugin in plugins {
            for dependency in plugin.dependencies where byName[dependency] == nil {
                throw WorkflowError.internal("plugin '\(plugin.name)' depends on '\(dependency)', which is not compiled in")
            }
        }
        var ordered: [Plugin] = []
        var placed = Set<String>()
        var remaining = plugins.sorted { $0.name < $1.name }
        while !remaining.isEmpty {
            guard let next = remaining.firstIndex(where: { $0.dependencies.allSatisfy(placed.contains) }) else {
                throw WorkflowError.internal("the plugins' dependencies form a cycle: "
                                             + remaining.map { "\($0.name) → \($0.dependencies.joined(separator: ", "))" }
                                                .joined(separator: "; "))
            }
            let plugin = remaining.remove(at: next)
            ordered.append(plugin)
            placed.insert(plugin.name)
        }
        return ordered
    }
    public func plugin(_ name: String) -> Plugin? { plugins.first { $0.name == name } }

    /// This registry with a definition's external plugins added.
    public func adding(_ external: [Plugin]) -> PluginRegistry {
        external.isEmpty ? self : PluginRegistry(plugins + external)
    }
    public var actionNames: [String] { plugins.flatMap { $0.actions.map(\.fullName) } }
}

/// An action with its type erased, so the engine can hold actions of different input types.
public struct RegisteredAction: Sendable {
    public let plugin: String
    public let descriptor: ActionDescriptor
    let box: any ErasedAction

    public var fullName: String { "\(plugin).\(descriptor.name)" }

    init<A: StepAction>(plugin: String, action: A) {
        self.plugin = plugin
        self.descriptor = action.configuredDescriptor
        self.box = ActionBox(action: action)
    }
}

protocol ErasedAction: Sendable {
    func decode(_ parameters: Value) throws -> any Sendable
    func prepare(_ input: any Sendable, context: StepContext) async throws -> any Sendable
    func commit(_ db: Database, _ prepared: any Sendable, input: any Sendable, context: StepContext) throws -> StepOutcome
    func wake(_ db: Database, _ wake: Wake, input: any Sendable, context: StepContext) throws -> StepOutcome
}

struct ActionBox<A: StepAction>: ErasedAction {
    let action: A

    func decode(_ parameters: Value) throws -> any Sendable {
        // An action that takes no parameters has nothing to decode (a twelfth of a chain step's time
        // went to writing its empty parameters as JSON and reading them back).
        if let none = NoInput() as? A.Input { return none }
        return try JSONDecoder().decode(A.Input.self, from: Data(parameters.jsonText().utf8))
    }

    func prepare(_ input: any Sendable, context: StepContext) async throws -> any Sendable {
        try await action.prepare(input as! A.Input, context: context)
    }

    func commit(_ db: Database, _ prepared: any Sendable, input: any Sendable, context: StepContext) throws -> StepOutcome {
        try action.commit(db, prepared as! A.Prepared, input: input as! A.Input, context: context)
    }

    func wake(_ db: Database, _ wake: Wake, input: any Sendable, context: StepContext) throws -> StepOutcome {
        try action.wake(db, wake, input: input as! A.Input, context: context)
    }
}
