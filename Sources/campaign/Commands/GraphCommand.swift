import ArgumentParser
import PluginKit
import Workflow

struct GraphCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case mermaid, dot
    }

    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: CommandHelp.text(
            zh: "以 Mermaid（用于 Markdown）或 DOT（用于 Graphviz）格式输出活动的步骤图。",
            en: "Print a campaign's step graph as Mermaid (for Markdown) or DOT (for Graphviz)."))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "活动定义文件。", en: "The definition file."))) var file: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "mermaid 或 dot。", en: "mermaid or dot."))) var format: Format = .mermaid

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let workflow = try Validator(registry: PluginSystem.registry).validate(path: file)
            print(format == .mermaid ? StepGraphRendering.mermaid(workflow) : StepGraphRendering.dot(workflow))
        }
    }
}
