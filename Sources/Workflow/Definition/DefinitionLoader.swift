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
            diagnostics.error(DefinitionMessages.fileEmpty(), at: start, hint: DefinitionMessages.fileEmptyHint())
            return nil
        }
        guard let entries = root.entries else {
            diagnostics.error(DefinitionMessages.notMapping() + root.kindWord, at: root.location)
            return nil
        }
        checkKeys(entries, allowed: Self.topLevelKeys, context: DefinitionMessages.contextCampaign())
        var definition = WorkflowDefinition(file: file, name: "", title: nil, kind: .other,
                                            timeZone: WorkflowDefinition.defaultTimeZone, vars: [], steps: [])
        let map = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

        for key in ["name", "title", "date"] {
            guard let node = map[key]?.value, case .scalar(let s) = node.kind, s.text.contains("${{") else { continue }
            definition.placeholders.append(InputPlaceholder(key: key, text: s.text, location: file.contentStart(of: node)))
        }
        // A variable built from inputs (`venue: ${{ inputs.venue }}`) is filled in when a campaign is made,
        // like the name: a report never prints the template's own syntax.
        for entry in map["vars"]?.value.entries ?? [] {
            guard case .scalar(let s) = entry.value.kind, s.text.contains("${{") else { continue }
            definition.placeholders.append(InputPlaceholder(key: "vars.\(entry.key)", text: s.text,
                                                            location: file.contentStart(of: entry.value)))
        }
        if let entry = map["inputs"] { definition.inputs = loadInputs(entry.value) }
        let placeholderKeys = Set(definition.placeholders.map(\.key))
        loadName(map["name"], placeholder: placeholderKeys.contains("name"), root: root, into: &definition)
        if let entry = map["title"] { definition.title = text(entry.value, key: "title") }
        for placeholder in definition.placeholders where definition.inputs.isEmpty {
            diagnostics.error(DefinitionMessages.placeholderOutsideTemplate(["key": placeholder.key]), at: placeholder.location,
                              length: placeholder.text.unicodeScalars.count, hint: DefinitionMessages.placeholderHint())
        }
        if let entry = map["description"] { _ = text(entry.value, key: "description") }
        if let entry = map["kind"], let kind = text(entry.value, key: "kind") {
            // Checked by the validator, which knows the kinds the compiled-in plugins declare.
            definition.kind = CampaignKind(rawValue: kind)
            definition.kindLocation = entry.value.location
        }
        if let entry = map["timezone"] { loadTimeZone(entry.value, into: &definition) }
        if let entry = map["date"], !placeholderKeys.contains("date") { loadDay(entry.value, into: &definition) }
        if let entry = map["retention"], let text = text(entry.value, key: "retention") {
            definition.retention = duration(text, at: entry.value.location, key: "retention", limit: Self.retentionLimit)
        }
        if let entry = map["vars"] { definition.vars = loadVars(entry.value) }
        if let entry = map["plugins"] { definition.plugins = loadPlugins(entry.value) }
        if let entry = map["on"] {
            definition.schedules = loadTriggers(entry.value)
            definition.runsCurrentPeriod = loadRunCurrent(entry.value)
        }
        if let entry = map["steps"] {
            definition.steps = loadSteps(entry.value)
        } else {
            diagnostics.error(DefinitionMessages.missingSteps(), at: root.location, hint: DefinitionMessages.missingStepsHint())
        }
        return definition
    }

    /// `name:` — a campaign name (or, in a template, one made from its inputs).
    private mutating func loadName(_ entry: SourceNode.Entry?, placeholder: Bool, root: SourceNode,
                                   into definition: inout WorkflowDefinition) {
        guard let entry else {
            diagnostics.error(DefinitionMessages.missingName(), at: root.location, hint: DefinitionMessages.missingNameHint())
            return
        }
        if placeholder {
            definition.name = entry.value.scalar?.text ?? ""
            return
        }
        guard let name = text(entry.value, key: "name") else { return }
        if !Self.isCampaignName(name) {
            diagnostics.error(DefinitionMessages.badName(["name": name]), at: entry.value.location, length: name.count, hint: DefinitionMessages.badNameHint())
        }
        definition.name = name
    }

    /// `timezone: Asia/Shanghai` — an IANA zone.
    private mutating func loadTimeZone(_ node: SourceNode, into definition: inout WorkflowDefinition) {
        guard let zone = text(node, key: "timezone") else { return }
        if let parsed = TimeZone(identifier: zone) {
            definition.timeZone = parsed
        } else {
            diagnostics.error(DefinitionMessages.unknownTimeZone(["zone": zone]), at: node.location, length: zone.count,
                              hint: DefinitionMessages.timeZoneHint(["zone": WorkflowDefinition.defaultTimeZone.identifier]))
        }
    }

    /// `date: 2026-03-01` — the day the campaign is held, within the years a campaign may be.
    private mutating func loadDay(_ node: SourceNode, into definition: inout WorkflowDefinition) {
        guard let text = text(node, key: "date") else { return }
        if let day = TimeFormats.day(text) {
            definition.heldOn = day
        } else {
            diagnostics.error(DefinitionMessages.badDate(["text": String(text.prefix(40))]), at: node.location, length: text.count,
                              hint: DefinitionMessages.badDateHint(["from": "\(TimeFormats.campaignYears.lowerBound)",
                                                   "to": "\(TimeFormats.campaignYears.upperBound)"]))
        }
    }

    // MARK: - Parts

    /// `inputs: { date: { type: date, required: true, doc: 招聘会日期 }, township: { default: 城关镇 } }`
    private mutating func loadInputs(_ node: SourceNode) -> [TemplateInput] {
        guard let entries = node.entries else {
            diagnostics.error(DefinitionMessages.inputsNotMapping() + node.kindWord, at: node.location, hint: DefinitionMessages.inputsHint())
            return []
        }
        return entries.compactMap { entry -> TemplateInput? in
            guard isIdentifier(entry.key) else {
                diagnostics.error(DefinitionMessages.badIdentifier(["name": entry.key], words: ["what": DefinitionMessages.inputName()]),
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
            checkKeys(fields, allowed: Self.inputKeys, context: DefinitionMessages.contextInput(["name": entry.key]))
            for field in fields {
                switch field.key {
                case "type":
                    let raw = field.value.scalar?.text ?? ""
                    if let kind = TemplateInput.Kind(rawValue: raw) { input.kind = kind } else {
                        let types = TemplateInput.Kind.allCases.map(\.rawValue)
                        diagnostics.error(DefinitionMessages.unknownInputType(["type": raw]), at: field.value.location, length: max(1, raw.count),
                                          hint: Suggestions.message(for: raw, among: types)
                                            ?? DefinitionMessages.inputTypes(["types": types.joined(separator: ", ")]))
                    }
                case "required":
                    if case .bool(let b) = field.value.value { input.required = b } else {
                        diagnostics.error(DefinitionMessages.requiredIsBoolean(), at: field.value.location)
                    }
                case "default": input.defaultValue = field.value.value
                case "doc", "description": input.doc = field.value.scalar?.text
                default: break
                }
            }
            return input
        }
    }

    /// `on: { run_current: true }` beside the schedule.
    private mutating func loadRunCurrent(_ node: SourceNode) -> Bool {
        guard let entry = node.entries?.first(where: { $0.key == "run_current" }),
              let text = text(entry.value, key: "run_current") else { return false }
        switch text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.error(DefinitionMessages.runCurrentIsBoolean(), at: entry.value.location, length: text.count)
            return false
        }
    }

    /// `on: { schedule: [ { cron: "0 9 * * 1#1" }, … ] }`, as GitHub Actions writes it.
    private mutating func loadTriggers(_ node: SourceNode) -> [WorkflowDefinition.Schedule] {
        guard let entries = node.entries else {
            diagnostics.error(DefinitionMessages.onNotMapping() + node.kindWord, at: node.location, hint: DefinitionMessages.onHint())
            return []
        }
        checkKeys(entries, allowed: ["schedule", "run_current"], context: DefinitionMessages.contextOn())
        guard let schedule = entries.first(where: { $0.key == "schedule" })?.value else { return [] }
        guard let items = schedule.items, !items.isEmpty else {
            diagnostics.error(DefinitionMessages.scheduleNotList(), at: schedule.location, hint: DefinitionMessages.scheduleHint())
            return []
        }
        return items.compactMap { item -> WorkflowDefinition.Schedule? in
            guard let fields = item.entries else {
                diagnostics.error(DefinitionMessages.scheduleEntryNotMapping() + item.kindWord, at: item.location)
                return nil
            }
            checkKeys(fields, allowed: ["cron"], context: DefinitionMessages.contextSchedule())
            guard let cronNode = fields.first(where: { $0.key == "cron" })?.value,
                  let text = text(cronNode, key: "cron") else {
                diagnostics.error(DefinitionMessages.scheduleWithoutCron(), at: item.location, hint: DefinitionMessages.scheduleWithoutCronHint())
                return nil
            }
            let start = file.contentStart(of: cronNode)
            do {
                return .init(cron: try CronExpression(text), location: start)
            } catch let problem as CronExpression.Problem {
                diagnostics.error(DefinitionMessages.badCron(["text": text]) + problem.wording, at: start.advanced(by: problem.offset),
                                  hint: problem.hintWording)
                return nil
            } catch {
                return nil
            }
        }
    }

    /// `plugins: { sms: plugins/sms-outbox.py }`: external plugins by the name steps use, and the
    /// program that answers for them (relative to the definition's folder); or
    /// `sms: { program: plugins/sms-outbox.py, env: [SMS_API_KEY] }` with the environment variables it is given.
    private mutating func loadPlugins(_ node: SourceNode) -> [PluginDeclaration] {
        guard let entries = node.entries else {
            diagnostics.error(DefinitionMessages.pluginsNotMapping() + node.kindWord, at: node.location, hint: DefinitionMessages.pluginsHint())
            return []
        }
        return entries.compactMap { entry in
            guard isIdentifier(entry.key) else {
                diagnostics.error(DefinitionMessages.badIdentifier(["name": entry.key], words: ["what": DefinitionMessages.pluginName()]),
                                  at: entry.keyLocation, length: entry.key.count)
                return nil
            }
            // The long form: { program: …, env: [NAME, …] }.
            let fields = entry.value.entries.map { Dictionary($0.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }) }
            let programNode = fields?["program"]?.value ?? entry.value
            guard let path = programNode.scalar?.text, !path.isEmpty, programNode.entries == nil else {
                diagnostics.error(DefinitionMessages.pluginWithoutProgram(["name": entry.key]), at: entry.value.location,
                                  hint: DefinitionMessages.pluginWithoutProgramHint(["name": entry.key]))
                return nil
            }
            var declaration = PluginDeclaration(name: entry.key, nameLocation: entry.keyLocation, path: path,
                                                pathLocation: file.contentStart(of: programNode))
            for field in fields?.values.sorted(by: { $0.key < $1.key }) ?? [] where !["program", "env"].contains(field.key) {
                diagnostics.error(DefinitionMessages.unknownPluginField(["field": field.key]), at: field.keyLocation, length: field.key.count,
                                  hint: Suggestions.message(for: field.key, among: ["program", "env"]))
            }
            if let env = fields?["env"]?.value {
                if let items = env.items {
                    for item in items where !Self.isEnvironmentName(item.scalar?.text ?? "") {
                        diagnostics.error(DefinitionMessages.badEnvironmentName(["name": item.scalar?.text ?? ""]), at: item.location,
                                          hint: DefinitionMessages.environmentNameHint())
                    }
                    declaration.env = items.compactMap(\.scalar?.text).filter(Self.isEnvironmentName)
                } else {
                    diagnostics.error(DefinitionMessages.envNotList() + env.kindWord, at: env.location, hint: DefinitionMessages.environmentNameHint())
                }
            }
            return declaration
        }
    }

    private mutating func loadVars(_ node: SourceNode) -> [Variable] {
        guard let entries = node.entries else {
            diagnostics.error(DefinitionMessages.varsNotMapping() + node.kindWord, at: node.location)
            return []
        }
        return entries.compactMap { entry in
            guard isIdentifier(entry.key) else {
                diagnostics.error(DefinitionMessages.badIdentifier(["name": entry.key], words: ["what": DefinitionMessages.variableName()]),
                                  at: entry.keyLocation, length: entry.key.count)
                return nil
            }
            return Variable(name: entry.key, value: entry.value.value, location: entry.keyLocation)
        }
    }

    private mutating func loadSteps(_ node: SourceNode) -> [StepDefinition] {
        guard let items = node.items else {
            diagnostics.error(DefinitionMessages.stepsNotList() + node.kindWord, at: node.location)
            return []
        }
        if items.isEmpty {
            diagnostics.error(DefinitionMessages.stepsEmpty(), at: node.location, hint: DefinitionMessages.stepsEmptyHint())
        }
        return items.compactMap { loadStep($0) }
    }

    private mutating func loadStep(_ node: SourceNode) -> StepDefinition? {
        guard let entries = node.entries else {
            diagnostics.error(DefinitionMessages.stepNotMapping() + node.kindWord, at: node.location)
            return nil
        }
        checkKeys(entries, allowed: Self.stepKeys, context: DefinitionMessages.contextStep())
        let map = Dictionary(entries.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var step = StepDefinition(id: "", idLocation: node.location, name: nil, uses: "", usesLocation: node.location,
                                  with: [], needs: [], condition: nil, retry: .none, timeout: nil, fanOut: nil,
                                  location: node.location)
        if let entry = map["id"], let id = text(entry.value, key: "id") {
            step.id = id
            step.idLocation = entry.value.location
            if !isIdentifier(id) {
                diagnostics.error(DefinitionMessages.badStepID(["id": id]), at: entry.value.location, length: id.count,
                                  hint: DefinitionMessages.badStepIDHint())
            }
        } else if map["id"] == nil {
            diagnostics.error(DefinitionMessages.stepWithoutID(), at: node.location, hint: DefinitionMessages.stepWithoutIDHint())
        }
        if let entry = map["name"] { step.name = text(entry.value, key: "name") }
        if let entry = map["uses"], let uses = text(entry.value, key: "uses") {
            step.uses = uses
            step.usesLocation = entry.value.location
        } else if map["uses"] == nil {
            diagnostics.error(DefinitionMessages.stepWithoutUses(["step": step.id]), at: node.location, hint: DefinitionMessages.stepWithoutUsesHint())
        }
        if let entry = map["with"] {
            if let params = entry.value.entries {
                step.with = params.map { .init(name: $0.key, nameLocation: $0.keyLocation, node: $0.value) }
            } else if case .scalar(let s) = entry.value.kind, s.isPlain, s.text.isEmpty {
                step.with = []
            } else {
                diagnostics.error(DefinitionMessages.withNotMapping() + entry.value.kindWord, at: entry.value.location)
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
                diagnostics.error(DefinitionMessages.maxParallelWithoutFanOut(), at: entry.keyLocation, length: entry.key.count,
                                  hint: DefinitionMessages.maxParallelWithoutFanOutHint())
            } else if let n = Int(raw), (1...Self.fanOutLimit).contains(n) {
                step.fanOut?.maxParallel = n
            } else {
                diagnostics.error(DefinitionMessages.badMaxParallel(["limit": "\(Self.fanOutLimit)", "text": String(raw.prefix(40))]),
                                  at: entry.value.location, length: max(1, raw.count), hint: DefinitionMessages.badMaxParallelHint())
            }
        }
        return step
    }

    /// `for_each:` is a list written out, or one `${{ }}` that gives a list when the step is reached.
    private mutating func loadFanOut(_ node: SourceNode) -> StepDefinition.FanOut? {
        switch node.kind {
        case .sequence(let items):
            if items.count > Self.fanOutLimit {
                diagnostics.error(DefinitionMessages.fanOutTooLong(["count": "\(items.count)", "limit": "\(Self.fanOutLimit)"]),
                                  at: node.location, hint: DefinitionMessages.fanOutTooLongHint())
                return nil
            }
            return .init(node: node, location: node.location, maxParallel: nil)
        case .scalar(let s) where s.text.contains("${{"):
            guard let template = try? Template.parse(s.text), template.isSingleExpression else {
                diagnostics.error(DefinitionMessages.fanOutNotOneExpression(), at: file.contentStart(of: node),
                                  length: s.text.unicodeScalars.count, hint: DefinitionMessages.fanOutExpressionHint())
                return nil
            }
            return .init(node: node, location: file.contentStart(of: node), maxParallel: nil)
        case .scalar(let s):
            diagnostics.error(DefinitionMessages.fanOutSingleValue(["text": String(s.text.prefix(40))]), at: node.location,
                              length: max(1, s.text.count), hint: DefinitionMessages.fanOutSingleValueHint())
            return nil
        case .mapping:
            diagnostics.error(DefinitionMessages.fanOutMapping(), at: node.location, hint: DefinitionMessages.fanOutMappingHint())
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
                    diagnostics.error(DefinitionMessages.needsEntryNotID(), at: item.location)
                    return nil
                }
                return .init(id: s.text, location: item.location)
            }
        case .mapping:
            diagnostics.error(DefinitionMessages.needsMapping(), at: node.location)
            return []
        }
    }

    private mutating func loadCondition(_ node: SourceNode) -> StepDefinition.Condition? {
        guard case .scalar(let scalar) = node.kind else {
            diagnostics.error(DefinitionMessages.ifNotCondition() + node.kindWord, at: node.location)
            return nil
        }
        let start = file.contentStart(of: node)
        let source = scalar.text
        if source.contains("${{") {
            let template: Template
            do {
                template = try Template.parse(source)
            } catch {
                diagnostics.error(DefinitionMessages.invalidExpression() + error.wording, at: start.advanced(by: error.offset),
                                  hint: error.hintWording)
                return nil
            }
            let outside = template.parts.compactMap { part -> String? in
                if case .text(let t) = part, !t.trimmingCharacters(in: .whitespaces).isEmpty { return t }
                return nil
            }
            guard outside.isEmpty, let (expression, offset) = template.expressions.first, template.expressions.count == 1
            else {
                diagnostics.error(DefinitionMessages.textOutsideCondition(), at: start, length: source.unicodeScalars.count,
                                  hint: DefinitionMessages.textOutsideConditionHint())
                return nil
            }
            return .init(source: source, expression: expression, location: start.advanced(by: offset))
        }
        if !scalar.isPlain || SourceNode.resolvePlain(source).stringValue != nil || source.isEmpty {
            do {
                return .init(source: source, expression: try ExpressionParser.parse(source), location: start)
            } catch {
                diagnostics.error(DefinitionMessages.invalidExpression() + error.wording, at: start.advanced(by: error.offset),
                                  hint: error.hintWording)
                return nil
            }
        }
        return .init(source: source, expression: .literal(SourceNode.resolvePlain(source)), location: start)
    }

    private mutating func loadRetry(_ node: SourceNode) -> RetryPolicy {
        var policy = RetryPolicy(attempts: 3, backoff: .seconds(10), factor: 2, maxBackoff: .seconds(3600))
        if case .scalar(let s) = node.kind {
            guard let n = Int(s.text), (1...Self.attemptsLimit).contains(n) else {
                diagnostics.error(DefinitionMessages.badRetry(["limit": "\(Self.attemptsLimit)"]), at: node.location)
                return policy
            }
            policy.attempts = n
            return policy
        }
        guard let entries = node.entries else {
            diagnostics.error(DefinitionMessages.retryNotNumberOrMapping() + node.kindWord, at: node.location)
            return policy
        }
        checkKeys(entries, allowed: Self.retryKeys, context: DefinitionMessages.contextRetry())
        for entry in entries {
            let raw = entry.value.scalar?.text ?? ""
            switch entry.key {
            case "attempts":
                if let n = Int(raw), (1...Self.attemptsLimit).contains(n) { policy.attempts = n } else {
                    diagnostics.error(DefinitionMessages.badAttempts(["limit": "\(Self.attemptsLimit)"]), at: entry.value.location,
                                      length: raw.count)
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
                    diagnostics.error(DefinitionMessages.badFactor(["limit": "\(Int(Self.factorLimit))"]), at: entry.value.location,
                                      length: raw.count)
                }
            default: break
            }
        }
        return policy
    }

    // MARK: - Helpers

    private mutating func checkKeys(_ entries: [SourceNode.Entry], allowed: [String], context: Message) {
        for entry in entries where !allowed.contains(entry.key) {
            diagnostics.error(DefinitionMessages.unknownKey(["key": entry.key], words: ["context": context]),
                              at: entry.keyLocation, length: entry.key.count,
                              hint: Suggestions.message(for: entry.key, among: allowed))
        }
    }

    private mutating func text(_ node: SourceNode, key: String) -> String? {
        guard case .scalar(let s) = node.kind else {
            diagnostics.error(DefinitionMessages.notSingleValue(["key": key]) + node.kindWord, at: node.location)
            return nil
        }
        return s.text
    }

    /// A duration no longer than `limit` (a timeout: a year; a retry's wait: a day).
    private mutating func duration(_ text: String, at location: SourceLocation, key: String,
                                   limit: (Duration, MessageText)) -> Duration? {
        if let problem = TimeFormats.durationProblem(text) {
            diagnostics.error(DefinitionMessages.keyProblem(["key": key]) + problem, at: location, length: text.count)
            return nil
        }
        guard let d = TimeFormats.duration(text), d <= limit.0 else {
            diagnostics.error(DefinitionMessages.tooLong(["key": key, "text": text], words: ["limit": limit.1()]),
                              at: location, length: text.count,
                              hint: DefinitionMessages.atMost(words: ["limit": limit.1()]))
            return nil
        }
        return d
    }

    /// A campaign name is one word: it names the run in commands, files and reports.
    static func isCampaignName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains(where: { $0.isWhitespace || $0 == "/" })
    }

    static let timeoutLimit = (Duration.seconds(365 * 86400), DefinitionMessages.aYear)
    /// Personal data kept past ten years serves no campaign's purpose (and no one would notice it).
    static let retentionLimit = (Duration.seconds(3650 * 86400), DefinitionMessages.tenYears)
    static let backoffLimit = (Duration.seconds(86400), DefinitionMessages.aDay)
    static let attemptsLimit = 100
    /// The most instances one `for_each` step may make (a season's bus batches are a few dozen).
    static let fanOutLimit = 100_000
    static let factorLimit = 10.0

    private func isIdentifier(_ text: String) -> Bool { Self.isIdentifier(text) }

    /// An environment variable's name as `env:` gives it: capitals, digits and '_', not starting with a digit.
    static func isEnvironmentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !(0x30...0x39).contains(first.value) else { return false }
        return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// A name steps, variables, inputs and plugins may have: letters, digits, '_' and '-', not starting with a digit.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0 == "-" || $0.properties.isAlphabetic
            || ("0"..."9").contains($0) }
    }
}
