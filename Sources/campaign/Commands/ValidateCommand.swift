import ArgumentParser
import PluginKit
import Workflow

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: CommandHelp.text(
            zh: "检查活动定义，一次报告所有问题（不运行也不写入任何东西）。",
            en: "Check campaign definitions and report every problem at once (nothing is run or written)."))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "活动定义文件，例如 workflows/spring-fair.yaml。", en: "Definition files, e.g. workflows/spring-fair.yaml.")), completion: .file(extensions: ["yaml", "yml"]))
    var files: [String]

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError(UsageMessages.giveAFile(), language: language.language) }
    }

    func run() async throws {
        let language = language.language
        let validator = Validator(registry: PluginSystem.registry)
        let terminal = Terminal.standard
        var errors = 0
        var unreadable = false
        for path in files {
            let file: SourceFile
            do {
                file = try SourceFile.read(path: path)
            } catch let error as WorkflowError {
                _ = CommandSupport.report(error, language: language)
                unreadable = unreadable || error.code == .unavailable
                errors += 1
                continue
            }
            let (workflow, diagnostics) = validator.check(file: file)
            for diagnostic in diagnostics {
                Terminal.error(diagnostic.rendered(in: file, color: Terminal.errorsColored, language: language))
            }
            let count = diagnostics.filter { $0.severity == .error }.count
            if let workflow, count == 0, workflow.definition.isTemplate, !workflow.definition.madeFromTemplate {
                terminal.line("\(terminal.green("✓")) " + CommandMessages.validTemplate(
                    ["path": path, "name": workflow.definition.name, "steps": "\(workflow.definition.steps.count)",
                     "inputs": workflow.definition.inputs.map(\.summary).joined(separator: "; ")]).text(language))
            } else if let workflow, count == 0 {
                terminal.line("\(terminal.green("✓")) " + CommandMessages.validCampaign(
                    ["path": path, "name": workflow.definition.name, "steps": "\(workflow.definition.steps.count)"])
                    .text(language))
            } else {
                Terminal.error(DiagnosticWords.count(count, in: path).text(language))
                errors += count
            }
        }
        if errors > 0 { throw ExitCode(unreadable ? 69 : 65) }
    }
}
