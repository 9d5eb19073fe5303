import GRDB

/// `core.log`: writes a line to the campaign's journal (shown by `campaign history`).
struct CoreLog: StepAction {
    struct Input: Decodable, Sendable {
        var message: String
        var level: String
    }

    static let levels = ["info", "warning", "error"]

    static let descriptor = ActionDescriptor(
        name: "log",
        summary: "Writes a message to the campaign journal, e.g. a reminder or a milestone.",
        parameters: [
            ParameterSpec("message", .string, required: true, doc: "The text to record; may use ${{ }} expressions."),
            ParameterSpec("level", .string, default: .string("info"), doc: "info, warning or error."),
        ],
        outputs: [OutputSpec("message", doc: "The message as recorded, expressions filled in.")],
        check: { given in
            guard case .string(let level) = given["level"], !levels.contains(level) else { return [] }
            return [ParameterProblem(parameter: "level", ParameterMessages.unknownLevel(["level": level]),
                                     hint: Suggestions.message(for: level, among: levels))]
        }
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        try db.execute(sql: "INSERT INTO core_log (run_id, step_id, level, message, at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [context.runID, context.stepID, input.level, input.message, context.clock.now()])
        return .completed(outputs: ["message": .string(input.message)])
    }
}
