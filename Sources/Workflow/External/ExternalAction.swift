import Foundation
import GRDB

/// An action of an external plugin: `PROGRAM run` with the step's request on stdin.
///
/// The program runs in `prepare`, outside the engine's transaction: an external effect (an SMS
/// sent, a file pushed) cannot be undone with the workspace, so it may happen again after a crash
/// — always with the same idempotency key, which the plugin deduplicates by. The step is marked
/// done only in `commit`, with the plugin's reply; never without it.
struct ExternalAction: StepAction {
    typealias Input = Value

    /// How long a step of an external plugin may run when it gives no `timeout:`.
    static let defaultLimit = Duration.seconds(30 * 60)

    static let descriptor = ActionDescriptor(name: "external", summary: "An action of an external plugin.")

    let plugin: String
    let described: ActionDescriptor
    let program: URL
    /// The caller's environment variables the definition gives the program (`env:`).
    let env: [String]

    init(plugin: String, described: ActionDescriptor, program: URL, env: [String] = []) {
        self.plugin = plugin
        self.described = described
        self.program = program
        self.env = env
    }

    var configuredDescriptor: ActionDescriptor { described }

    /// What the program answered, and what it wrote on stderr (for the run's history).
    struct Answer: Sendable {
        var outcome: StepOutcome
        var stderr: String?
    }

    func prepare(_ input: Value, context: StepContext) async throws -> Answer {
        let request = ExternalProtocol.StepRequest(
            action: described.name, campaign: context.campaign, run: context.runID, step: context.stepID,
            item: context.itemNumber, attempt: context.attempt,
            idempotencyKey: Self.idempotencyKey(campaign: context.campaign, run: context.runID, step: context.stepID),
            with: input, vars: .object(context.vars), timeZone: context.timeZone.identifier,
            now: Self.isoTime(context.clock.now(), in: context.timeZone), directory: context.directory.path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(request) + Data("\n".utf8)
        let process = PluginProcess(executable: program, arguments: ["run"], directory: context.directory,
                                    environment: ["CAMPAIGN_PLUGIN_PROTOCOL": String(ExternalProtocol.version)], passing: env)
        let finished: PluginProcess.Finished
        do {
            finished = try await process.run(input: body, limit: Self.defaultLimit)
        } catch {
            // The program went missing (or lost its x bit) since the definition was validated.
            throw StepFailure(context.say(RunEventMessages.pluginFailed(["plugin": plugin, "message": error.reason])),
                              retryable: true)
        }
        try Task.checkCancellation()
        let outcome = ExternalReplies.outcome(of: finished, plugin: plugin, context: context)
        return Answer(outcome: outcome, stderr: ExternalReplies.tail(of: finished.stderr))
    }

    func commit(_ db: Database, _ answer: Answer, input: Value, context: StepContext) throws -> StepOutcome {
        if let said = answer.stderr {
            // A failure's message already quotes it (and a failure's savepoint would drop this event).
            try RunQueries.appendEvent(db, run: context.runID, step: context.stepID, attempt: context.attempt,
                                       at: context.clock.now(), kind: "plugin-stderr", message: "\(plugin): \(said)")
        }
        return answer.outcome
    }

    /// Stable across attempts, retries and crashes of one step of one run; distinct for each
    /// instance of a `for_each` step (`notify[2]`).
    static func idempotencyKey(campaign: String, run: Int64, step: String) -> String {
        "\(campaign)/\(run)/\(step)"
    }

    static func isoTime(_ date: Date, in zone: TimeZone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
