import ArgumentParser
import PluginKit
import Workflow

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: CommandHelp.text(
            zh: "检查活动定义，一次报告所有问题（不运行也不写入任何东西）。",
            en: "Check campaign definitions and report every problem at once (nothing is run or written)."))

    @Argument(help: "Definition files, e.g. workflows/spring-fair.yaml.", completion: .file(extensions: ["yaml", "yml"]))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one definition file, e.g. workflows/spring-fair.yaml") }
    }

    func run() async throws {
        let validator = Validator(registry: PluginSystem.registry)
        let terminal = Terminal.standard
        var errors = 0
        var unreadable = false
        for path in files {
            let file: SourceFile
            do {
                file = try SourceFile.read(path: path)
            } catch let error as WorkflowError {
                Terminal.error("error: \(error.description)")
                unreadable = unreadable || error.code == .unavailable
                errors += 1
                continue
            }
            let (workflow, diagnostics) = validator.check(file: file)
            for diagnostic in diagnostics {
                Terminal.error(diagnostic.rendered(in: file, color: Terminal.errorsColored))
            }
            let count = diagnostics.filter { $0.severity == .error }.count
            if let workflow, count == 0, workflow.definition.isTemplate, !workflow.definition.madeFromTemplate {
                terminal.line("\(terminal.green("✓")) \(path): valid template '\(workflow.definition.name)', "
                              + "\(workflow.definition.steps.count) steps; inputs: "
                              + workflow.definition.inputs.map(\.summary).joined(separator: "; "))
            } else if let workflow, count == 0 {
                terminal.line("\(terminal.green("✓")) \(path): valid — campaign '\(workflow.definition.name)', "
                              + "\(workflow.definition.steps.count) steps")
            } else {
                Terminal.error("\(path): \(count) error\(count == 1 ? "" : "s")")
                errors += count
            }
        }
        if errors > 0 { throw ExitCode(unreadable ? 69 : 65) }
    }
}
