import ArgumentParser
import Foundation
import PluginKit
import Workflow

struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: CommandHelp.text(
            zh: "开始一个活动，并尽量往前推进。",
            en: "Start a campaign and drive it as far as it can go."),
        discussion: CommandHelp.text(zh: """
            先检查定义：定义有误时什么都不写入。然后按依赖顺序运行各步骤，遇到要等待时间或人工的步骤就停下，
            并说明如何继续。一个活动只开始一次；之后用 `campaign status` 和 `campaign resume`。
            """, en: """
            Validates the definition first: nothing is written when it is invalid. Then runs the steps
            in dependency order and stops at steps that wait for a time or a person, saying how to continue.
            A campaign is started once; afterwards use `campaign status` and `campaign resume`.
            """))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "活动定义文件，例如 workflows/spring-fair.yaml。", en: "The definition file, e.g. workflows/spring-fair.yaml.")), completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    @Option(name: .customLong("var"), help: ArgumentHelp(CommandHelp.text(zh: "覆盖一个变量：--var township=城关镇（可重复）。", en: "Override a variable: --var township=城关镇 (repeatable).")))
    var vars: [String] = []

    @Option(name: .customLong("input"), help: ArgumentHelp(CommandHelp.text(zh: "模板的一个输入：--input date=2026-03-01（可重复）。", en: "An input of a template: --input date=2026-03-01 (repeatable).")))
    var inputs: [String] = []

    @OptionGroup var language: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language.adopt()) {
            let overrides = try Self.assignments(vars, flag: "--var").mapValues(Value.string)
            let given = try Self.assignments(inputs, flag: "--input")
            try pointToResume()
            let workflow = try Validator(registry: PluginSystem.registry).validate(path: file, inputs: given)
            let definition = workflow.definition
            let lang = language.language
            func say(_ text: MessageText, _ values: [String: String]) -> String { Message(text, values).text(lang) }
            let title = definition.title.map { " — \($0)" } ?? ""
            let printer = RunPrinter(timeZone: definition.timeZone, language: lang)
            let engine = try CommandSupport.engine(try workspace.open(), printer: printer)
            if !definition.schedules.isEmpty {
                let schedule = try await engine.schedule(workflow, vars: overrides)
                let zone = definition.timeZone
                let crons = definition.schedules.map { "'\($0.cron.source)'" }
                    .joined(separator: Message(RunMessages.and).text(lang))
                printer.terminal.line(say(RunMessages.scheduled, ["campaign": definition.name, "title": title, "crons": crons,
                                                                  "zone": zone.identifier]))
                if !definition.runsCurrentPeriod, let next = schedule.nextFireAt {
                    printer.terminal.line(say(RunMessages.nextRun, [
                        "time": TimeFormats.display(next, timeZone: zone),
                        "campaign": ScheduleRecord.campaign(definition.name, firedAt: next, timeZone: zone)]))
                }
                if definition.runsCurrentPeriod {
                    // The period that has already begun runs now; the daemon starts the later ones.
                    var failed = false
                    for summary in try await engine.fireDueSchedules() {
                        printer.summary(summary)
                        failed = failed || summary.run.status == .failed
                    }
                    if let next = definition.nextScheduledTime(after: try CommandSupport.clock().now()) {
                        printer.terminal.line(say(RunMessages.nextRun, [
                            "time": TimeFormats.display(next, timeZone: zone),
                            "campaign": ScheduleRecord.campaign(definition.name, firedAt: next, timeZone: zone)]))
                    }
                    printer.terminal.line(say(RunMessages.whoStartsRuns, ["campaign": definition.name]))
                    if failed { throw ExitCode(1) }
                    return
                }
                printer.terminal.line(say(RunMessages.whoStartsRuns, ["campaign": definition.name]))
                return
            }
            printer.terminal.line(printer.terminal.bold(say(RunMessages.starting, ["campaign": definition.name, "title": title]))
                                  + printer.terminal.dim(say(RunMessages.stepsAndWorkspace,
                                                             ["count": String(definition.steps.count), "path": workspace.path])))
            let summary = try await engine.start(workflow, vars: overrides)
            printer.summary(summary)
            if summary.run.status == .failed { throw ExitCode(1) }
        }
    }
    /// NAME=VALUE flags as a map (the last wins).
    static func assignments(_ flags: [String], flag: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for assignment in flags {
            guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else {
                throw WorkflowError.usage(ToolMessages.assignment(["flag": flag, "text": assignment]))
            }
            result[String(assignment[..<eq])] = String(assignment[assignment.index(after: eq)...])
        }
        return result
    }

    /// `campaign start spring-fair-2026` names a campaign, not a file: the user means to continue it.
    private func pointToResume() throws {
        guard !FileManager.default.fileExists(atPath: file), FileManager.default.fileExists(atPath: workspace.path),
              !file.contains("/"), !file.hasSuffix(".yaml"), !file.hasSuffix(".yml") else { return }
        let ws = try workspace.openExisting()
        guard try ws.pool.read({ db in try RunQueries.run(db, named: file) }) != nil else { return }
        throw WorkflowError.usage(ToolMessages.alreadyStarted(["name": file]), hint: ToolMessages.continueIt(["name": file]))
    }
}
