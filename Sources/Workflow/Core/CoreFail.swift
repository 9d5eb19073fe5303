import GRDB

/// `core.fail`: fails on purpose — to rehearse retries and what an organizer sees when a step breaks.
struct CoreFail: StepAction {
    struct Input: Decodable, Sendable {
        var message: String
        var retryable: Bool
        var times: Int?
    }

    static let descriptor = ActionDescriptor(
        name: "fail",
        summary: "Fails on purpose (all attempts, or only the first N), to rehearse retries and failure handling.",
        parameters: [
            ParameterSpec("message", .string, default: .string("failed on purpose"), doc: "The failure message."),
            ParameterSpec("retryable", .boolean, default: .bool(true), doc: "Whether 'retry:' may try again."),
            ParameterSpec("times", .integer, doc: "Fail only the first N attempts, then succeed (default: always)."),
        ],
        outputs: [OutputSpec("attempts", doc: "How many attempts it took to succeed.")]
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        if let times = input.times, context.attempt > times {
            return .completed(outputs: ["attempts": .int(context.attempt)])
        }
        return .failed(message: input.message, retryable: input.retryable)
    }
}

/// `core.sleep`: pauses for a short real span — for demonstrations and for rehearsing timeouts.
struct CoreSleep: StepAction {
    struct Input: Decodable, Sendable {
        var duration: String
    }

    static let descriptor = ActionDescriptor(
        name: "sleep",
        summary: "Pauses for a short real duration (seconds); use core.wait for waits of hours or days.",
        parameters: [ParameterSpec("duration", .duration, required: true, doc: "How long to pause, e.g. 2s or 500ms.")]
    )

    func prepare(_ input: Input, context: StepContext) async throws {
        guard let span = TimeFormats.duration(input.duration) else { return }
        try await Task.sleep(for: span)
    }

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        .succeeded
    }
}
