import ArgumentParser
import PluginKit
import Workflow

struct GraphCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case mermaid, dot
    }

    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print a campaign's step graph as Mermaid (for Markdown) or DOT (for Graphviz).")

    @Argument(help: "The definition file.") var file: String
    @Option(help: "mermaid or dot.") var format: Format = .mermaid

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let workflow = try Validator(registry: PluginSystem.registry).validate(path: file)
            print(format == .mermaid ? StepGraphRendering.mermaid(workflow) : StepGraphRendering.dot(workflow))
        }
    }
}
