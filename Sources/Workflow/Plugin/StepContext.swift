import Foundation
import GRDB
import Logging

/// Everything a step attempt may use: who it is, the campaign's variables, the clock, a logger,
/// progress reporting and read access to the workspace.
public struct StepContext: Sendable {
    public let campaign: String
    public let runID: Int64
    /// The step's id; for one instance of a `for_each` step, the id with its number, e.g. `board[3]`:
    /// unique within the run, so it serves as the attempt's idempotency key.
    public let stepID: String
    /// For one instance of a `for_each` step: its number (from 1) in the list.
    public let itemNumber: Int?
    /// 1 for the first try, 2 for the first retry, …
    public let attempt: Int
    public let vars: [String: Value]
    /// The definition's folder; relative file parameters are resolved against it.
    public let directory: URL
    /// Where reports are written: the folder of the instance file a campaign was made by (`uses:` a
    /// template), so each fair's reports land beside it, not in the shared template's folder; else
    /// the definition's.
    public let outputDirectory: URL
    public let timeZone: TimeZone
    public let clock: any WorkflowClock
    public let logger: Logger
    public let progress: ProgressReporter
    /// Tells the organizer something worth seeing in the progress output (e.g. why rows were refused).
    public let note: @Sendable (String) -> Void
    /// Read access for `prepare`; writes belong in `commit`.
    public let reader: any DatabaseReader

    public init(campaign: String, runID: Int64, stepID: String, itemNumber: Int? = nil, attempt: Int,
                vars: [String: Value], directory: URL, outputDirectory: URL? = nil, timeZone: TimeZone, clock: any WorkflowClock, logger: Logger,
                progress: ProgressReporter, note: @escaping @Sendable (String) -> Void = { _ in },
                reader: any DatabaseReader) {
        self.campaign = campaign
        self.runID = runID
        self.stepID = stepID
        self.itemNumber = itemNumber
        self.attempt = attempt
        self.vars = vars
        self.directory = directory
        self.outputDirectory = outputDirectory ?? directory
        self.timeZone = timeZone
        self.clock = clock
        self.logger = logger
        self.progress = progress
        self.note = note
        self.reader = reader
    }

    /// A path from `with:`, absolute or relative to the definition's folder.
    /// Normalised (`templates/../data` → `data`), as it is printed.
    public func url(forPath path: String) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)).standardizedFileURL
    }

    /// A file a step writes (`out:` and its default `reports/…`), absolute or relative to the output folder.
    public func outputURL(forPath path: String) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : outputDirectory.appendingPathComponent(path)).standardizedFileURL
    }

    /// A date-time parameter read in the campaign's time zone.
    public func dateTime(_ text: String) throws -> Date {
        guard let date = TimeFormats.dateTime(text, timeZone: timeZone) else {
            throw StepFailure(say(RunEventMessages.notDateTime(["text": text])))
        }
        return date
    }

    public func format(_ date: Date) -> String { TimeFormats.display(date, timeZone: timeZone) }

    /// The command that signals this step (or this instance of a `for_each` step), for prompts.
    public var signalCommand: String {
        guard let itemNumber, let bracket = stepID.firstIndex(of: "[") else {
            return "campaign signal \(campaign) \(stepID)"
        }
        return "campaign signal \(campaign) \(stepID[..<bracket]) \(itemNumber)"
    }

    /// The language of what this step writes for people — its prompt, its notes in the run's
    /// history: the process's (the command's `--lang`, adopted as `CAMPAIGN_LANG`; else Chinese).
    public var language: Language { Language.fromEnvironment() }

    /// A catalogue entry worded in the step's language.
    public func say(_ text: MessageText, _ values: [String: String] = [:]) -> String { Message(text, values).text(language) }

    /// A composed message, worded in the run's language.
    public func say(_ message: Message) -> String { message.text(language) }

    /// A waiting step's prompt: what to do, how to signal it, when it ends by itself.
    public func waitPrompt(_ base: Message?, signal: Bool, until: Date?) -> Message {
        var prompt = base ?? EngineMessages.waiting()
        if signal { prompt = prompt + EngineMessages.whenDone(["command": signalCommand]) }
        if let until {
            prompt = prompt + (signal ? EngineMessages.orEndsAt : EngineMessages.untilTime)(["time": format(until)])
        }
        return prompt
    }

    /// When a waiting step ends by itself: at `until` (a date-time), or `for` (a duration) after now.
    public func deadline(until: String?, for span: String?) throws -> Date? {
        if let span, let duration = TimeFormats.duration(span) { return clock.now().addingTimeInterval(duration.seconds) }
        return try until.map(dateTime)
    }
}

/// Progress of long work (an import, a roster), shown as a bar on a terminal.
public struct ProgressUpdate: Sendable {
    public var stepID: String
    public var done: Int
    public var total: Int?
    public var unit: String
}

public struct ProgressReporter: Sendable {
    let stepID: String
    let sink: @Sendable (ProgressUpdate) -> Void

    public init(stepID: String, sink: @escaping @Sendable (ProgressUpdate) -> Void) {
        self.stepID = stepID
        self.sink = sink
    }

    public static let silent = ProgressReporter(stepID: "", sink: { _ in })

    public func report(done: Int, total: Int?, unit: String) {
        sink(ProgressUpdate(stepID: stepID, done: done, total: total, unit: unit))
    }
}
