import ArgumentParser
import PluginKit
import Workflow

struct UnscheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unschedule",
        abstract: CommandHelp.text(
            zh: "停止定时活动的后续运行（已启动的运行保留）。",
            en: "Stop starting runs of a scheduled campaign (the runs it started stay)."))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "定时的名字（定义中的 name:）。", en: "The schedule's name (the definition's 'name:')."))) var name: String
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let printer = RunPrinter(timeZone: WorkflowDefinition.defaultTimeZone)
            try await CommandSupport.engine(ws, printer: printer).unschedule(name)
            printer.terminal.line(AdminMessages.unscheduled(["name": name]).text(.fromEnvironment()))
        }
    }
}
