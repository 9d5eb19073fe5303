import Foundation

/// A campaign definition as written in YAML: what to do, in which order, under which conditions.
public struct WorkflowDefinition: Sendable {
    public var file: SourceFile
    /// Unique name of the campaign in the workspace, e.g. `spring-fair-2026`.
    public var name: String
    public var title: String?
    public var kind: CampaignKind
    /// Where `kind:` is written, for the validator's diagnostic when no plugin declares it.
    public var kindLocation: SourceLocation?
    /// The campaign's own time zone (`timezone:`): its dates are read in it and its times printed in
    /// it, wherever the machine running `campaign` is.
    public var timeZone: TimeZone
    /// The day the campaign is held (`date:`, `yyyy-MM-dd`): what periods select on. Without it, the
    /// day it was started stands in.
    public var heldOn: String?
    /// `retention:` — how long the personal data of the campaign's people is kept once the run has
    /// ended (`180d`); then the daemon shreds it (`campaign shred`). Nil: kept until a manager shreds it.
    public var retention: Duration?
    public var vars: [Variable]
    public var steps: [StepDefinition]
    /// `plugins:` — external plugins (programs speaking JSON on stdin/stdout) the steps may use.
    public var plugins: [PluginDeclaration] = []
    /// `on: schedule:` — when set, `campaign start` does not run the campaign but schedules it: the
    /// daemon starts one run at each time, named after the campaign and the time.
    public var schedules: [Schedule] = []
    /// `on: { run_current: true }`: `campaign start` also starts, at once, the run of the latest
    /// scheduled time that has already come (this month's, for a monthly campaign started on the 6th),
    /// instead of leaving the period to the next time.
    public var runsCurrentPeriod = false
    /// `inputs:` — when declared, the definition is a template: a campaign is made from it with
    /// `campaign start FILE --input NAME=VALUE` or an instance file that `uses:` it.
    public var inputs: [TemplateInput] = []
    /// The inputs' values once a campaign is made from the template (`${{ inputs.NAME }}`).
    public var inputValues: [String: Value] = [:]
    /// `name:`, `title:`, `date:` written with `${{ inputs.… }}`, filled in from the inputs.
    public var placeholders: [InputPlaceholder] = []

    public var isTemplate: Bool { !inputs.isEmpty }
    /// A campaign made from a template (its inputs filled in), not the template itself.
    public var madeFromTemplate = false
    /// The folder of the instance file (`uses: ../templates/fair.yaml`) the campaign was made by.
    public var instanceFolder: URL?
    /// Where its reports go: beside the instance file, else beside the definition.
    public var reportsDirectory: URL { instanceFolder ?? directory }

    /// One `cron:` of `on: schedule:` and where it is written.
    public struct Schedule: Sendable {
        public var cron: CronExpression
        public var location: SourceLocation
    }

    /// The folder of the definition file: relative paths in `with:` are resolved against it.
    public var directory: URL {
        URL(fileURLWithPath: file.path).deletingLastPathComponent()
    }

    public var variableValues: [String: Value] {
        Dictionary(vars.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// The variables with `--var` overrides applied; an override of a variable the campaign does not
    /// declare is a usage error.
    public func variableValues(overriding overrides: [String: Value]) throws -> [String: Value] {
        var values = variableValues
        for (name, value) in overrides {
            guard values[name] != nil else {
                throw WorkflowError.usage(WorkspaceMessages.noSuchVariable(["name": name]),
                                          hint: Suggestions.message(for: name, among: vars.map(\.name)))
            }
            values[name] = value
        }
        return values
    }

    public func step(_ id: String) -> StepDefinition? { steps.first { $0.id == id } }

    /// The time zone of a definition that declares none: China Standard Time, where these campaigns run.
    public static let defaultTimeZone = TimeZone(identifier: "Asia/Shanghai")!
}


/// One entry of `plugins:`: the name steps use (`uses: sms.send`) and the program behind it.
public struct PluginDeclaration: Sendable {
    public var name: String
    public var nameLocation: SourceLocation
    /// As written: absolute, or relative to the definition's folder.
    public var path: String
    public var pathLocation: SourceLocation
    /// `env:` — the names of the caller's environment variables the program is given (an API key it
    /// needs); it gets nothing else of the caller's environment but PATH, LANG, HOME and TMPDIR.
    public var env: [String] = []
}

public struct Variable: Sendable {
    public var name: String
    public var value: Value
    public var location: SourceLocation
}

/// One step: a plugin action with its parameters, dependencies and run policy.
public struct StepDefinition: Sendable {
    public var id: String
    public var idLocation: SourceLocation
    /// A human title shown in progress output; defaults to the id.
    public var name: String?
    public var uses: String
    public var usesLocation: SourceLocation
    public var with: [Parameter]
    public var needs: [Dependency]
    public var condition: Condition?
    public var retry: RetryPolicy
    public var timeout: Duration?
    /// `for_each:`: run the step once per item of a list.
    public var fanOut: FanOut?
    public var location: SourceLocation

    public var displayName: String { name ?? id }
    public var needIDs: [String] { needs.map(\.id) }

    public struct Parameter: Sendable {
        public var name: String
        public var nameLocation: SourceLocation
        public var node: SourceNode
    }

    public struct Dependency: Sendable {
        public var id: String
        public var location: SourceLocation
    }

    /// An `if:` condition: the expression and where its text starts in the file.
    public struct Condition: Sendable {
        public var source: String
        public var expression: Expression
        public var location: SourceLocation

        public init(source: String, expression: Expression, location: SourceLocation) {
            self.source = source
            self.expression = expression
            self.location = location
        }

        /// True when it asks how the needs ended (`failure()`, `always()`, …) instead of implying `success()`.
        public var usesStatusFunction: Bool { !expression.statusFunctions.isEmpty }
        /// True when it reads the fan-out item, so each instance decides it for itself.
        public var readsItem: Bool { expression.references.contains { $0.path.first == "item" } }
    }

    /// A step's `for_each:` (a list written out, or one `${{ }}` giving a list) and its `max-parallel:`.
    public struct FanOut: Sendable {
        public var node: SourceNode
        public var location: SourceLocation
        /// At most this many instances in progress (running or waiting) at once; nil: no limit.
        public var maxParallel: Int?
    }
}

/// How a failing step is tried again: `attempts` in all, waiting `backoff`, then `backoff × factor`, …
public struct RetryPolicy: Sendable, Equatable {
    public var attempts: Int
    public var backoff: Duration
    public var factor: Double
    public var maxBackoff: Duration

    public static let none = RetryPolicy(attempts: 1, backoff: .seconds(10), factor: 2, maxBackoff: .seconds(3600))

    public init(attempts: Int, backoff: Duration, factor: Double, maxBackoff: Duration) {
        self.attempts = attempts
        self.backoff = backoff
        self.factor = factor
        self.maxBackoff = maxBackoff
    }

    /// The wait before attempt `attempt + 1`, after `attempt` attempts failed (1-based).
    public func delay(afterAttempt attempt: Int) -> Duration {
        guard backoff > .zero else { return .zero }
        let seconds = backoff.seconds * pow(factor, Double(max(0, attempt - 1)))
        // Past the cap (or past any number: many attempts at a large factor) the wait is the cap.
        guard seconds.isFinite, seconds <= maxBackoff.seconds else { return maxBackoff }
        return .seconds(seconds)
    }
}

extension Duration {
    public var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
