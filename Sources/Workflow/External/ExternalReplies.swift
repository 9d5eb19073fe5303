import Foundation

/// Reads what a plugin program printed: its reply as a step outcome, and short quotes of its
/// output for messages. Whatever a plugin prints, the answer is a clear outcome, never a crash.
enum ExternalReplies {
    /// The step outcome a finished `PROGRAM run` stands for.
    static func outcome(of finished: PluginProcess.Finished, plugin: String, context: StepContext) -> StepOutcome {
        let said = tail(of: finished.stderr).map { " — it said: \($0)" }.orEmpty
        if finished.overflowed {
            return .failed(message: "plugin '\(plugin)' printed more than \(PluginProcess.outputLimit >> 20) MB on stdout; "
                           + "it was stopped" + said, retryable: false)
        }
        switch finished.status {
        case .stopped:
            return .failed(message: "plugin '\(plugin)' did not answer within \(TimeFormats.display(ExternalAction.defaultLimit)) "
                           + "and was stopped with every process it started (give the step a 'timeout:')" + said,
                           retryable: true)
        case .signalled(let signal) where finished.stdout.isEmpty:
            return .failed(message: "plugin '\(plugin)' was killed by signal \(signal) before it answered" + said,
                           retryable: false)
        case .exited(let code) where finished.stdout.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }):
            return .failed(message: "plugin '\(plugin)' exited with code \(code) without a reply" + said, retryable: false)
        default:
            break
        }
        let reply: ExternalProtocol.StepReply
        do {
            reply = try JSONDecoder().decode(ExternalProtocol.StepReply.self, from: finished.stdout)
        } catch {
            return .failed(message: "plugin '\(plugin)' answered with something that is not the protocol's JSON ("
                           + decodingReason(error) + "): " + quote(finished.stdout) + said, retryable: false)
        }
        switch reply.status {
        case "completed":
            return .completed(outputs: reply.outputs ?? [:])
        case "failed":
            let message = reply.message.flatMap { $0.isEmpty ? nil : $0 } ?? "failed without saying why"
            return .failed(message: "plugin '\(plugin)': \(Masking.scrub(message))" + said, retryable: reply.retryable ?? false)
        case "waiting":
            return waiting(reply, plugin: plugin, context: context)
        default:
            return .failed(message: "plugin '\(plugin)' answered status '\(reply.status.prefix(40))'; the protocol knows "
                           + "completed, failed and waiting", retryable: false)
        }
    }

    private static func waiting(_ reply: ExternalProtocol.StepReply, plugin: String, context: StepContext) -> StepOutcome {
        var until: Date?
        if let text = reply.until {
            until = TimeFormats.dateTime(text, timeZone: context.timeZone) ?? ISO8601DateFormatter().date(from: text)
            guard until != nil else {
                return .failed(message: "plugin '\(plugin)' asked to wait until '\(text.prefix(40))', which is not a time "
                               + "(write 2026-03-01 17:00 in the campaign's time zone, or ISO 8601 with an offset)",
                               retryable: false)
            }
        }
        let signal = reply.signal ?? false
        guard until != nil || signal else {
            return .failed(message: "plugin '\(plugin)' asked to wait for nothing: give 'until' or 'signal: true'",
                           retryable: false)
        }
        let prompt = context.waitPrompt(reply.prompt.map(Masking.scrub) ?? context.say(EngineMessages.waitingForPlugin, ["plugin": plugin]),
                                        signal: signal, until: until)
        return .waiting(Wait(until: until, signal: signal, prompt: prompt))
    }

    /// The last lines of a plugin's stderr (at most 400 characters), personal numbers masked.
    static func tail(of data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        let lines = text.split(whereSeparator: \.isNewline).suffix(3).joined(separator: " / ")
        return Masking.scrub(lines.count > 400 ? "…" + String(lines.suffix(400)) : lines)
    }

    /// The start of what a plugin printed, quoted for a message.
    static func quote(_ data: Data) -> String {
        let text = String(decoding: data.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return "(nothing)" }
        return "'" + Masking.scrub(text) + (data.count > 200 ? "…'" : "'")
    }

    static func decodingReason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "unreadable" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        case .dataCorrupted:
            return "not JSON"
        @unknown default:
            return "unreadable"
        }
    }
}
