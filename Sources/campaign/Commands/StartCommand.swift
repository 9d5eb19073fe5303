import ArgumentParser
import BuiltinPlugins
import Workflow

struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start a campaign and drive it as far as it can go.",
        discussion: """
            Validates the definition first: nothing is written when it is invalid. Then runs the steps
            in dependency order and stops at steps that wait for a time or a person, saying how to continue.
            A campaign is started once; afterwards use `campaign status` and `campaign resume`.
            """)

    @Argument(help: "The definition file, e.g. workflows/spring-fair.yaml.")
    var file: String

    @Option(name: .customLong("var"), help: "Override a variable: --var township=城关镇 (repeatable).")
    var vars: [String] = []

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            var overrides: [String: Value] = [:]
            for assignment in vars {
                guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else {
                    throw WorkflowError.usage("--var '\(assignment)' must look like NAME=VALUE")
                }
                overrides[String(assignment[..<eq])] = .string(String(assignment[assignment.index(after: eq)...]))
            }
            let workflow = try Validator(registry: BuiltinPlugins.registry).validate(path: file)
            let definition = workflow.definition
            let printer = RunPrinter(timeZone: definition.timeZone)
            let engine = try CommandSupport.engine(try workspace.open(), printer: printer)
            printer.terminal.line(printer.terminal.bold("Starting \(definition.name)")
                                  + (definition.title.map { " — \($0)" } ?? "")
                                  + printer.terminal.dim(" (\(definition.steps.count) steps, workspace \(workspace.path))"))
            let summary = try await engine.start(workflow, vars: overrides)
            printer.summary(summary)
            if summary.run.status == .failed { throw ExitCode(1) }
        }
    }
}

struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue campaigns: fire timers that came due, re-run interrupted steps, go on as far as possible.",
        discussion: "Without a name, resumes every campaign that has not completed.")

    @Argument(help: "The campaign name (as in its 'name:'); all unfinished campaigns when omitted.")
    var campaign: String?

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let names: [String]
            if let campaign {
                names = [campaign]
            } else {
                names = try await ws.pool.read { db in
                    try RunQueries.runs(in: db).filter { $0.status != .completed }.map(\.campaign)
                }
                if names.isEmpty { Terminal.standard.line("Nothing to resume: every campaign has completed.") }
            }
            var failed = false
            for name in names {
                let printer = RunPrinter()
                let engine = try CommandSupport.engine(ws, printer: printer)
                printer.terminal.line(printer.terminal.bold("Resuming \(name)"))
                let summary = try await engine.resume(campaign: name)
                RunPrinter(timeZone: summary.definition.timeZone).summary(summary)
                failed = failed || summary.run.status == .failed
            }
            if failed { throw ExitCode(1) }
        }
    }
}

struct SignalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signal",
        abstract: "End a step that waits for a person (e.g. the gate has closed), then continue the campaign.")

    @Argument(help: "The campaign name.") var campaign: String
    @Argument(help: "The waiting step's id.") var step: String
    @Option(help: "Who gives the signal (recorded in the history).") var by: String?
    @Option(help: "A note recorded with the signal.") var note: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let printer = RunPrinter()
            let engine = try CommandSupport.engine(try workspace.openExisting(), printer: printer)
            let summary = try await engine.signal(campaign: campaign, step: step, by: by, note: note)
            RunPrinter(timeZone: summary.definition.timeZone).summary(summary)
            if summary.run.status == .failed { throw ExitCode(1) }
        }
    }
}

struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Run a failed step again, then the steps that depend on it.")

    @Argument(help: "The campaign name.") var campaign: String
    @Argument(help: "The failed step's id.") var step: String
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let printer = RunPrinter()
            let engine = try CommandSupport.engine(try workspace.openExisting(), printer: printer)
            let summary = try await engine.retry(campaign: campaign, step: step)
            RunPrinter(timeZone: summary.definition.timeZone).summary(summary)
            if summary.run.status == .failed { throw ExitCode(1) }
        }
    }
}
