import Workflow

/// Every word the command line and the server say for the engine's own commands (run, status,
/// history, staff, admin, usage, the server's answers) and the county report form every plugin prints
/// under, listed beside them rather than in the list of built-in plugins.
public enum CommandLineCatalogue {
    public static let all: [MessageText] = RunMessages.all + StatusMessages.all + CommandMessages.all + StaffMessages.all
        + HistoryMessages.all + AuditWords.all + ToolMessages.all + AdminMessages.all + ServerMessages.all + UsageMessages.all
        + ParserWords.all + ReportFormWords.all + ReportPrintMessages.all
}
