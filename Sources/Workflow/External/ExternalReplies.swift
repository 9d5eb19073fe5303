import Foundation

/// Reads what a plugin program printed: its reply as a step outcome, and short quotes of its
/// output for messages. Whatever a plugin prints, the answer is a clear outcome, never a crash.
enum ExternalReplies {
    /// The step outcome a finished `PROGRAM run` stands for.
    static func outcome(of finished: PluginProcess.Finished, plugin: String, context: StepContext) -> StepOutcome {
        let language = context.language
        let said = tail(of: finished.stderr).map { RunEventMessages.itSaid(["text": $0]).text(language) }.orEmpty
        func failed(_ message: Message, retryable: Bool) -> StepOutcome {
            .failed(message: message.text(language) + said, retryable: retryable)
        }
        if finished.overflowed {
            return failed(RunEventMessages.overflowed(["plugin": plugin, "limit": "\(PluginProcess.outputLimit >> 20)"]), retryable: false)
        }
        switch finished.status {
        case .stopped:
            return failed(RunEventMessages.noAnswer(["plugin": plugin, "limit": TimeFormats.display(ExternalAction.defaultLimit)]), retryable: true)
        case .signalled(let signal) where finished.stdout.isEmpty:
            return failed(RunEventMessages.killed(["plugin": plugin, "signal": "\(signal)"]), retryable: false)
        case .exited(let code) where finished.stdout.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }):
            return failed(RunEventMessages.exitedSilently(["plugin": plugin, "code": "\(code)"]), retryable: false)
        default:
            break
        }
        let reply: ExternalProtocol.StepReply
        do {
            reply = try JSONDecoder().decode(ExternalProtocol.StepReply.self, from: finished.stdout)
        } catch {
            return failed(RunEventMessages.notProtocol(["plugin": plugin, "reason": decodingReason(error), "answer": quote(finished.stdout)]),
                          retryable: false)
        }
        switch reply.status {
        case "completed":
            // What a plugin returns is text like any other: personal numbers masked, nothing a terminal obeys.
            return .completed(outputs: (reply.outputs ?? [:]).mapValues(cleaned))
        case "failed":
            let message = reply.message.flatMap { $0.isEmpty ? nil : $0 } ?? RunEventMessages.failedWithoutReason.template(language)
            return failed(RunEventMessages.pluginFailed(["plugin": plugin, "message": PrintableText.masked(message)]), retryable: reply.retryable ?? false)
        case "waiting":
            return waiting(reply, plugin: plugin, context: context)
        default:
            return failed(RunEventMessages.unknownStatus(["plugin": plugin, "status": String(reply.status.prefix(40))]), retryable: false)
        }
    }

    private static func waiting(_ reply: ExternalProtocol.StepReply, plugin: String, context: StepContext) -> StepOutcome {
        var until: Date?
        if let text = reply.until {
            until = TimeFormats.dateTime(text, timeZone: context.timeZone) ?? ISO8601DateFormatter().date(from: text)
            guard until != nil else {
                return .failed(message: context.say(RunEventMessages.badUntil(["plugin": plugin, "text": String(text.prefix(40))])),
                               retryable: false)
            }
        }
        let signal = reply.signal ?? false
        guard until != nil || signal else {
            return .failed(message: context.say(RunEventMessages.waitForNothing(["plugin": plugin])), retryable: false)
        }
        let prompt = context.waitPrompt(reply.prompt.map { Message.verbatim(PrintableText.masked($0)) }
                                            ?? EngineMessages.waitingForPlugin(["plugin": plugin]),
                                        signal: signal, until: until)
        return .waiting(Wait(until: until, signal: signal, message: prompt))
    }

    /// The last lines of a plugin's stderr (at most 400 characters), personal numbers masked.
    static func tail(of data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        let lines = text.split(whereSeparator: \.isNewline).suffix(3).joined(separator: " / ")
        return PrintableText.masked(lines.count > 400 ? "…" + String(lines.suffix(400)) : lines)
    }

    /// The start of what a plugin printed, quoted for a message.
    static func quote(_ data: Data) -> String {
        let text = String(decoding: data.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return "(nothing)" }
        return "'" + PrintableText.masked(text) + (data.count > 200 ? "…'" : "'")
    }

    /// An output value as it is stored and shown: its texts masked and without control characters.
    static func cleaned(_ value: Value) -> Value {
        switch value {
        case .string(let text): .string(PrintableText.masked(text))
        case .array(let items): .array(items.map(cleaned))
        case .object(let fields): .object(fields.mapValues(cleaned))
        default: value
        }
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
