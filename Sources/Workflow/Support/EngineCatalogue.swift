/// Every word the engine itself says — diagnostics, validation, expressions, schedules, the run's
/// events, the workspace, external plugins — listed here, beside the engine, rather than in the list
/// of built-in plugins: a new catalogue of the engine is added to this list and nowhere else.
public enum EngineCatalogue {
    public static let all: [MessageText] = StatusWords.all + EngineMessages.all + StepMessages.all
        + DefinitionMessages.all + DiagnosticWords.all + YAMLMessages.all + ValidationMessages.all
        + ParameterMessages.all + ExpressionMessages.all + CronMessages.all + ExternalPluginMessages.all
        + WorkspaceMessages.all + RunEventMessages.all + StorageMessages.all + Punctuation.all
}
