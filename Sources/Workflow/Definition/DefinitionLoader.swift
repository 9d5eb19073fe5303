import Foundation

/// Reads a definition's YAML tree into a `WorkflowDefinition`, reporting every structural problem
/// (unknown or missing keys, wrong shapes, bad durations) instead of stopping at the first.
struct DefinitionLoader {
    static let topLevelKeys = ["name", "title", "description", "kind", "timezone", "date", "retention", "inputs", "vars", "on", "plugins",
                               "steps"]
    static let inputKeys = ["type", "required", "default", "doc", "description"]
    static let stepKeys = ["id", "name", "uses", "with", "needs", "if", "retry", "timeout", "for_each", "max-parallel"]
    static let retryKeys = ["attempts", "backoff", "factor", "max-backoff"]

    let file: SourceFile
    var diagnostics = DiagnosticList()

    init(file: SourceFile) {
        self.file = file
    }

    mutating func load(_ root: SourceNode?) -> WorkflowDefinition? {
        let start = file.location(line: 1, column: 1)
        guard let root else {
            diagnostics.error("the file is empty", at: start,
                              hint: "a campaign needs at least 'name:' and 'steps:'; copy one from workflows/")
            return nil
        }
        guard let entries = root.entries else {
            diagnostics.error("a campaign file must be a mapping of keys such as 'name:' and 'steps:', "
                              + "not \(root.kindName)", at: root.location)
            return nil
        }
        checkKeys(entries, allowed: Self.topLevelKeys, context: "campaign")
        var definition = WorkflowDefinition(file: file, name: "", title: nil, kind: .other,
                                            timeZone: WorkflowDefinition.defaultTimeZone, vars: [], steps: [])
        let map = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

        for key in ["name", "title", "date"] {
            guard let node = map[key]?.value, case .scalar(let s) = node.kind, s.text.contains("${{") else { continue }
            definition.placeholders.append(InputPlaceholder(key: key, text: s.text, location: file.contentStart(of: node)))
        }
        if let entry = map["inputs"] { definition.inputs = loadInputs(entry.value) }
        let placeholderKeys = Set(definition.placeholders.map(\.key))
        if let entry = map["name"], placeholderKeys.contains("name") {
            definition.name = entry.value.scalar?.text ?? ""
        } else if let entry = map["name"] {
            if let name = text(entry.value, key: "name") {
                if !Self.isCampaignName(name) {
                    diagnostics.error("campaign name '\(name)' cannot be empty or contain spaces or '/'",
                                      at: entry.value.location, length: name.count,
                                      hint: "use a short name such as spring-fair-2026; put the long one in 'title:'")
                }
                definition.name = name
            }
        } else {
            diagnostics.error("missing key 'name' (the campaign's unique short name)", at: root.location,
                              hint: "add a line such as 'name: spring-fair-2026'")
        }
        if let entry = map["title"] { definition.title = text(entry.value, key: "title") }
        for placeholder in definition.placeholders where definition.inputs.isEmpty {
            diagnostics.error("'\(placeholder.key)' uses ${{ }}, which only a template can: declare the values it reads "
                              + "under 'inputs:'", at: placeholder.location, length: placeholder.text.unicodeScalars.count,
                              hint: "inputs: { date: { type: date, required: true } }, then name: spring-fair-${{ inputs.date }}")
        }
        if let entry = map["description"] { _ = text(entry.value, key: "description") }
        if let entry = map["kind"], let kind = text(entry.value, key: "kind") {
            if let parsed = CampaignKind(rawValue: kind) {
                definition.kind = parsed
            } else {
                diagnostics.error("unknown campaign kind '\(kind)'", at: entry.value.location, length: kind.count,
                                  hint: Suggestions.hint(for: kind, among: CampaignKind.allCases.map(\.rawValue),
                                                         noun: "kinds"))
            }
        }
        if let entry = map["timezone"], let zone = text(entry.value, key: "timezone") {
            if let parsed = TimeZone(identifier: zone) {
                definition.timeZone = parsed
            } else {
                diagnostics.error("unknown time zone '\(zone)'", at: entry.value.location, length: zone.count,
                                  hint: "use an IANA name such as \(WorkflowDefinition.defaultTimeZone.identifier) "
                                    + "or Asia/Urumqi")
            }
        }
        if let entry = map["date"], !placeholderKeys.contains("date"), let text = text(entry.value, key: "date") {
            if let day = TimeFormats.day(text) {
                definition.heldOn = day
            } else {
                diagnostics.error("'date' must be the day the campaign is held, such as 2026-03-01 (found '\(text.prefix(40))')",
                                  at: entry.value.location, length: text.count,
                                  hint: "a real day between \(TimeFormats.campaignYears.lowerBound) and "
                                    + "\(TimeFormats.campaignYears.upperBound); periods (tally --from/--to) select on it")
            }
        }
        if let entry = map["retention"], let text = text(entry.value, key: "retention") {
            definition.retention = duration(text, at: entry.value.location, key: "retention", limit: Self.retentionLimit)
        }
        if let entry = map["vars"] { definition.vars = loadVars(entry.value) }
        if let entry = map["plugins"] { definition.plugins = loadPlugins(entry.value) }
        if let entry = map["on"] { definition.schedules = loadTriggers(entry.value) }
        if let entry = map["steps"] {
            definition.steps = loadSteps(entry.value)
        } else {
            diagnostics.error("missing key 'steps' (the list of things the campaign does)", at: root.location,
                              hint: "add 'steps:' with at least one '- id: …' and 'uses: plugin.action'")
        }
        return definition
    }

    // MARK: - Parts

    /// `inputs: { date: { type: date, required: true, doc: 招聘会日期 }, township: { default: 城关镇 } }`
    private mutating func loadInputs(_ node: SourceNode) -> [TemplateInput] {
        guard let entries = node.entries else {
            diagnostics.error("'inputs' must be a mapping of input names to their type, default and doc, not "
                              + "\(node.kindName)", at: node.location,
                              hint: "inputs: { date: { type: date, required: true } }")
            return []
        }
        return entries.compactMap { entry -> TemplateInput? in
            guard isIdentifier(entry.key) else {
                diagnostics.error("input name '\(entry.key)' can only hold letters, digits, '_' and '-'",
                                  at: entry.keyLocation, length: entry.key.count)
                return nil
            }
            var input = TemplateInput(name: entry.key, kind: .text, required: false, defaultValue: nil, doc: nil,
                                      location: entry.keyLocation)
            guard let fields = entry.value.entries else {
                // Shorthand: `township: 城关镇` is a text input with that default.
                input.defaultValue = entry.value.value
                return input
            }
            checkKeys(fields, allowed: Self.inputKeys, context: "input '\(entry.key)'")
            for field in fields {
                switch field.key {
                case "type":
                    let raw = field.value.scalar?.text ?? ""
                    if let kind = TemplateInput.Kind(rawValue: raw) { input.kind = kind } else {
                        diagnostics.error("unknown input type '\(raw)'", at: field.value.location, length: max(1, raw.count),
                                          hint: Suggestions.hint(for: raw, among: TemplateInput.Kind.allCases.map(\.rawValue),
                                                                 noun: "types")
                                            ?? "types: " + TemplateInput.Kind.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                case "required":
                    if case .bool(let b) = field.value.value { input.required = b } else {
                        diagnostics.error("'required' is true or false", at: field.value.location)
                    }
                case "default": input.defaultValue = field.value.value
                case "doc", "description": input.doc = field.value.scalar?.text
                default: break
                }
            }
            return input
        }
    }

    /// `on: { schedule: [ { cron: "0 9 * * 1#1" }, … ] }`, as GitHub Actions writes it.
    private mutating func loadTriggers(_ node: SourceNode) -> [WorkflowDefinition.Schedule] {
        guard let entries = node.entries else {
            diagnostics.error("'on' must be a mapping such as 'schedule:', not \(node.kindName)", at: node.location,
                              hint: "on: { schedule: [ { cron: \"0 9 * * 1\" } ] }")
            return []
        }
        checkKeys(entries, allowed: ["schedule"], context: "on")
        guard let schedule = entries.first(where: { $0.key == "schedule" })?.value else { return [] }
        guard let items = schedule.items, !items.isEmpty else {
            diagnostics.error("'schedule' must be a list of '- cron: …' entries", at: schedule.location,
                              hint: "schedule: [ { cron: \"0 9 * * 1\" } ]")
            return []
        }
        return items.compactMap { item -> WorkflowDefinition.Schedule? in
            guard let fields = item.entries else {
                diagnostics.error("each schedule is a mapping with 'cron:', not \(item.kindName)", at: item.location)
                return nil
            }
            checkKeys(fields, allowed: ["cron"], context: "schedule")
            guard let cronNode = fields.first(where: { $0.key == "cron" })?.value,
                  let text = text(cronNode, key: "cron") else {
                diagnostics.error("this schedule has no 'cron:'", at: item.location,
                                  hint: "e.g. cron: \"0 9 * * *\" (every day at 09:00)")
                return nil
            }
            let start = file.contentStart(of: cronNode)
            do {
                return .init(cron: try CronExpression(text), location: start)
            } catch let problem as CronExpression.Problem {
                diagnostics.error("cron '\(text)': \(problem.message)", at: start.advanced(by: problem.offset),
                                  hint: problem.hint)
                return nil
            } catch {
                return nil
            }
        }
    }

    /// `plugins: { sms: plugins/sms-outbox.py }`: external plugins by the name steps use, and the
    /// program that answers for them (relative to the definition's folder).
    private mutating func loadPlugins(_ node: SourceNode) -> [PluginDeclaration] {
        guard let entries = node.entries else {
            diagnostics.error("'plugins' must be a mapping of plugin names to their programs, not \(node.kindName)",
                              at: node.location, hint: "plugins: { sms: plugins/sms-outbox.py }")
            return []
        }
        return entries.compactMap { entry in
            guard isIdentifier(entry.key) else {
                diagnostics.error("plugin name '\(entry.key)' can only hold letters, digits, '_' and '-'",
                                  at: entry.keyLocation, length: entry.key.count)
                return nil
            }
            guard let path = entry.value.scalar?.text, !path.isEmpty, entry.value.entries == nil else {
                diagnostics.error("plugin '\(entry.key)' must name its program: a path relative to this file",
                                  at: entry.value.location, hint: "\(entry.key): plugins/\(entry.key).py")
                return nil
            }
            return PluginDeclaration(name: entry.key, nameLocation: entry.keyLocation, path: path,
                                     pathLocation: file.contentStart(of: entry.value))
        }
    }

    private mutating func loadVars(_ node: SourceNode) -> [Variable] {
        guard let entries = node.entries else {
            diagnostics.error("'vars' must be a mapping of names to values, not \(node.kindName)", at: node.location)
            return []
        }
        return entries.compactMap { entry in
            guard isIdentifier(entry.key) else {
                diagnostics.error("variable name '\(entry.key)' can only hold letters, digits, '_' and '-'",
                                  at: entry.keyLocation, length: entry.key.count)
                return nil
            }
            return Variable(name: entry.key, value: entry.value.value, location: entry.keyLocation)
        }
    }

    private mutating func loadSteps(_ node: SourceNode) -> [StepDefinition] {
        guard let items = node.items else {
            diagnostics.error("'steps' must be a list, each item starting with '- id:', not \(node.kindName)",
                              at: node.location)
            return []
        }
        if items.isEmpty {
            diagnostics.error("'steps' is empty", at: node.location, hint: "a campaign needs at least one step")
        }
        return items.compactMap { loadStep($0) }
    }

    private mutating func loadStep(_ node: SourceNode) -> StepDefinition? {
        guard let entries = node.entries else {
            diagnostics.error("a step must be a mapping with 'id:' and 'uses:', not \(node.kindName)", at: node.location)
            return nil
        }
        checkKeys(entries, allowed: Self.stepKeys, context: "step")
        let map = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var step = StepDefinition(id: "", idLocation: node.location, name: nil, uses: "", usesLocation: node.location,
                                  with: [], needs: [], condition: nil, retry: .none, timeout: nil, fanOut: nil,
                                  location: node.location)
        if let entry = map["id"], let id = text(entry.value, key: "id") {
            step.id = id
            step.idLocation = entry.value.location
            if !isIdentifier(id) {
                diagnostics.error("step id '\(id)' can only hold letters, digits, '_' and '-' and must not start "
                                  + "with a digit", at: entry.value.location, length: id.count,
                                  hint: "expressions refer to it as steps.<id>.outputs…")
            }
        } else if map["id"] == nil {
            diagnostics.error("step is missing 'id'", at: node.location, hint: "add 'id: a-short-name' to the step")
        }
        if let entry = map["name"] { step.name = text(entry.value, key: "name") }
        if let entry = map["uses"], let uses = text(entry.value, key: "uses") {
            step.uses = uses
            step.usesLocation = entry.value.location
        } else if map["uses"] == nil {
            diagnostics.error("step '\(step.id)' is missing 'uses' (the plugin action it runs)", at: node.location,
                              hint: "add for example 'uses: core.log'; `campaign plugins` lists the actions")
        }
        if let entry = map["with"] {
            if let params = entry.value.entries {
                step.with = params.map { .init(name: $0.key, nameLocation: $0.keyLocation, node: $0.value) }
            } else if case .scalar(let s) = entry.value.kind, s.isPlain, s.text.isEmpty {
                step.with = []
            } else {
                diagnostics.error("'with' must be a mapping of parameter names to values, not \(entry.value.kindName)",
                                  at: entry.value.location)
            }
        }
        if let entry = map["needs"] { step.needs = loadNeeds(entry.value) }
        if let entry = map["if"] { step.condition = loadCondition(entry.value) }
        if let entry = map["retry"] { step.retry = loadRetry(entry.value) }
        if let entry = map["timeout"], let text = text(entry.value, key: "timeout") {
            step.timeout = duration(text, at: entry.value.location, key: "timeout", limit: Self.timeoutLimit)
        }
        if let entry = map["for_each"] { step.fanOut = loadFanOut(entry.value) }
        if let entry = map["max-parallel"] {
            let raw = entry.value.scalar?.text ?? ""
            if step.fanOut == nil, map["for_each"] == nil {
                diagnostics.error("'max-parallel' limits the instances of a 'for_each' step, and this step has none",
                                  at: entry.keyLocation, length: entry.key.count,
                                  hint: "add 'for_each:' with the list to go over, or remove 'max-parallel'")
            } else if let n = Int(raw), (1...Self.fanOutLimit).contains(n) {
                step.fanOut?.maxParallel = n
            } else {
                diagnostics.error("'max-parallel' must be a whole number from 1 to \(Self.fanOutLimit), not '\(raw.prefix(40))'",
                                  at: entry.value.location, length: max(1, raw.count),
                                  hint: "how many instances may be in progress at once, e.g. max-parallel: 4")
            }
        }
        return step
    }

    /// `for_each:` is a list written out, or one `${{ }}` that gives a list when the step is reached.
    private mutating func loadFanOut(_ node: SourceNode) -> StepDefinition.FanOut? {
        switch node.kind {
        case .sequence(let items):
            if items.count > Self.fanOutLimit {
                diagnostics.error("'for_each' lists \(items.count) items; at most \(Self.fanOutLimit) are allowed",
                                  at: node.location, hint: "split the campaign, or go over a shorter list")
                return nil
            }
            return .init(node: node, location: node.location, maxParallel: nil)
        case .scalar(let s) where s.text.contains("${{"):
            guard let template = try? Template.parse(s.text), template.isSingleExpression else {
                diagnostics.error("'for_each' must be one ${{ }} that gives a list, with nothing around it",
                                  at: file.contentStart(of: node), length: s.text.unicodeScalars.count,
                                  hint: "for example for_each: ${{ vars.batches }}")
                return nil
            }
            return .init(node: node, location: file.contentStart(of: node), maxParallel: nil)
        case .scalar(let s):
            diagnostics.error("'for_each' must be a list (or ${{ }} giving one), not the single value '\(s.text.prefix(40))'",
                              at: node.location, length: max(1, s.text.count),
                              hint: "write the items as a YAML list, e.g. for_each: [城关镇, 河口镇], or for_each: ${{ vars.batches }}")
            return nil
        case .mapping:
            diagnostics.error("'for_each' must be a list (or ${{ }} giving one), not a mapping", at: node.location,
                              hint: "write the items as a YAML list, each item may be a mapping")
            return nil
        }
    }

    private mutating func loadNeeds(_ node: SourceNode) -> [StepDefinition.Dependency] {
        switch node.kind {
        case .scalar(let s):
            return [.init(id: s.text, location: node.location)]
        case .sequence(let items):
            return items.compactMap { item in
                guard case .scalar(let s) = item.kind else {
                    diagnostics.error("each entry of 'needs' must be a step id", at: item.location)
                    return nil
                }
                return .init(id: s.text, location: item.location)
            }
        case .mapping:
            diagnostics.error("'needs' must be a step id or a list of step ids, not a mapping", at: node.location)
            return []
        }
    }

    private mutating func loadCondition(_ node: SourceNode) -> StepDefinition.Condition? {
        guard case .scalar(let scalar) = node.kind else {
            diagnostics.error("'if' must be a condition such as ${{ vars.walk_ins }}, not \(node.kindName)",
                              at: node.location)
            return nil
        }
        let start = file.contentStart(of: node)
        let source = scalar.text
        if source.contains("${{") {
            let template: Template
            do {
                template = try Template.parse(source)
            } catch {
                diagnostics.error("invalid expression: \(error.message)", at: start.advanced(by: error.offset),
                                  hint: error.hint)
                return nil
            }
            let outside = template.parts.compactMap { part -> String? in
                if case .text(let t) = part, !t.trimmingCharacters(in: .whitespaces).isEmpty { return t }
                return nil
            }
            guard outside.isEmpty, let (expression, offset) = template.expressions.first, template.expressions.count == 1
            else {
                diagnostics.error("text outside ${{ }} in 'if' makes the condition a non-empty text, which is "
                                  + "always true", at: start, length: source.unicodeScalars.count,
                                  hint: "put the whole condition inside one ${{ }}, e.g. ${{ vars.a == 'x' }}")
                return nil
            }
            return .init(source: source, expression: expression, location: start.advanced(by: offset))
        }
        if !scalar.isPlain || SourceNode.resolvePlain(source).stringValue != nil || source.isEmpty {
            do {
                return .init(source: source, expression: try ExpressionParser.parse(source), location: start)
            } catch {
                diagnostics.error("invalid expression: \(error.message)", at: start.advanced(by: error.offset),
                                  hint: error.hint)
                return nil
            }
        }
        return .init(source: source, expression: .literal(SourceNode.resolvePlain(source)), location: start)
    }

    private mutating func loadRetry(_ node: SourceNode) -> RetryPolicy {
        var policy = RetryPolicy(attempts: 3, backoff: .seconds(10), factor: 2, maxBackoff: .seconds(3600))
        if case .scalar(let s) = node.kind {
            guard let n = Int(s.text), (1...Self.attemptsLimit).contains(n) else {
                diagnostics.error("'retry' must be a number of attempts (1 to \(Self.attemptsLimit)) or a mapping with "
                                  + "'attempts', 'backoff' and 'factor'", at: node.location)
                return policy
            }
            policy.attempts = n
            return policy
        }
        guard let entries = node.entries else {
            diagnostics.error("'retry' must be a number or a mapping, not \(node.kindName)", at: node.location)
            return policy
        }
        checkKeys(entries, allowed: Self.retryKeys, context: "retry")
        for entry in entries {
            let raw = entry.value.scalar?.text ?? ""
            switch entry.key {
            case "attempts":
                if let n = Int(raw), (1...Self.attemptsLimit).contains(n) { policy.attempts = n } else {
                    diagnostics.error("'attempts' must be a whole number from 1 to \(Self.attemptsLimit) (it counts the "
                                      + "first try)",
                                      at: entry.value.location, length: raw.count)
                }
            case "backoff":
                if let d = duration(raw, at: entry.value.location, key: "backoff", limit: Self.backoffLimit) {
                    policy.backoff = d
                }
            case "max-backoff":
                if let d = duration(raw, at: entry.value.location, key: "max-backoff", limit: Self.backoffLimit) {
                    policy.maxBackoff = d
                }
            case "factor":
                if let f = Double(raw), f >= 1, f <= Self.factorLimit { policy.factor = f } else {
                    diagnostics.error("'factor' must be a number from 1 to \(Int(Self.factorLimit)) (2 doubles the wait "
                                      + "each time)",
                                      at: entry.value.location, length: raw.count)
                }
            default: break
            }
        }
        return policy
    }

    // MARK: - Helpers

    private mutating func checkKeys(_ entries: [SourceNode.Entry], allowed: [String], context: String) {
        for entry in entries where !allowed.contains(entry.key) {
            diagnostics.error("unknown key '\(entry.key)' in \(context)", at: entry.keyLocation, length: entry.key.count,
                              hint: Suggestions.hint(for: entry.key, among: allowed, noun: "keys"))
        }
    }

    private mutating func text(_ node: SourceNode, key: String) -> String? {
        guard case .scalar(let s) = node.kind else {
            diagnostics.error("'\(key)' must be a single value, not \(node.kindName)", at: node.location)
            return nil
        }
        return s.text
    }

    /// A duration no longer than `limit` (a timeout: a year; a retry's wait: a day).
    private mutating func duration(_ text: String, at location: SourceLocation, key: String,
                                   limit: (Duration, String)) -> Duration? {
        if let problem = TimeFormats.durationProblem(text) {
            diagnostics.error("'\(key)': \(problem)", at: location, length: text.count)
            return nil
        }
        guard let d = TimeFormats.duration(text), d <= limit.0 else {
            diagnostics.error("'\(key)' is \(text), longer than \(limit.1)", at: location, length: text.count,
                              hint: "at most \(limit.1)")
            return nil
        }
        return d
    }

    /// A campaign name is one word: it names the run in commands, files and reports.
    static func isCampaignName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains(where: { $0.isWhitespace || $0 == "/" })
    }

    static let timeoutLimit = (Duration.seconds(365 * 86400), "a year (365d)")
    /// Personal data kept past ten years serves no campaign's purpose (and no one would notice it).
    static let retentionLimit = (Duration.seconds(3650 * 86400), "ten years (3650d)")
    static let backoffLimit = (Duration.seconds(86400), "a day (1d)")
    static let attemptsLimit = 100
    /// The most instances one `for_each` step may make (a season's bus batches are a few dozen).
    static let fanOutLimit = 100_000
    static let factorLimit = 10.0

    private func isIdentifier(_ text: String) -> Bool { Self.isIdentifier(text) }

    /// A name steps, variables, inputs and plugins may have: letters, digits, '_' and '-', not starting with a digit.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0 == "-" || $0.properties.isAlphabetic
            || ("0"..."9").contains($0) }
    }
}
