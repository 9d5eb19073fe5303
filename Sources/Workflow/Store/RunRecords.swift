import Foundation
import GRDB
import Yams

public enum RunStatus: String, Sendable, Codable, CaseIterable {
    case running, waiting, completed, failed
    /// `campaign cancel` ended it; only its `always()` / `cancelled()` steps ran afterwards.
    case cancelled
}

public enum StepStatus: String, Sendable, Codable, CaseIterable {
    /// Not started: its needs are not all done yet (or one failed, which blocks it).
    case pending
    /// An attempt is under way (or was, when a crash interrupted it; resume runs it again).
    case running
    /// Waiting for a time or a signal.
    case waiting
    /// Failed, and will be tried again at `due_at`.
    case retrying
    case succeeded
    case failed
    case skipped
    /// Did not run because a step upstream failed; `campaign retry` of that step decides it again.
    case blocked
    /// Did not run, or was stopped, because the run was cancelled.
    case cancelled

    public var isFinished: Bool { self == .succeeded || self == .skipped }

    /// Nothing more will happen to it in this run unless someone retries: what its dependents wait for.
    public var hasEnded: Bool {
        switch self {
        case .succeeded, .failed, .skipped, .blocked, .cancelled: true
        case .pending, .running, .waiting, .retrying: false
        }
    }

    /// The result a dependent reads as `needs.ID.result`, in GitHub Actions' words.
    public var result: String {
        switch self {
        case .succeeded: "success"
        case .failed: "failure"
        case .cancelled: "cancelled"
        default: "skipped"
        }
    }
}

/// A campaign run as stored.
public struct RunRecord: Codable, FetchableRecord, Sendable {
    public var id: Int64
    public var campaign: String
    public var title: String?
    public var kind: String
    public var definitionPath: String
    public var definitionText: String
    public var varsJson: String
    public var status: RunStatus
    public var ownerPid: Int32?
    public var ownerHost: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var finishedAt: Date?
    /// The campaign's time zone, as its definition declared it.
    public var timeZoneIdentifier: String?
    /// The day it is held (`date:` in its definition), `yyyy-MM-dd`.
    public var heldOn: String?
    /// When `campaign cancel` asked the run to stop, and who did.
    public var cancelRequestedAt: Date?
    public var cancelledBy: String?
    /// When the driving process stopped the run's steps after the request.
    public var cancelAppliedAt: Date?
    /// The inputs of the template it was made from, if any.
    public var inputsJson: String?
    /// The folder of the instance file it was made by, where its reports go.
    public var instanceFolder: String?

    public static let databaseTableName = "workflow_run"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    public var vars: [String: Value] { (try? [String: Value].fromJSON(varsJson)) ?? [:] }
    public var inputs: [String: Value] { (try? [String: Value].fromJSON(inputsJson)) ?? [:] }

    /// The day the campaign is held: its `date:`, or else the day it was started, where it runs.
    public var heldDay: String { heldOn ?? String(TimeFormats.display(createdAt, timeZone: timeZone).prefix(10)) }

    /// The campaign's time zone: every time of this run is read and printed in it.
    public var timeZone: TimeZone {
        timeZoneIdentifier.flatMap(TimeZone.init(identifier:)) ?? WorkflowDefinition.defaultTimeZone
    }

    /// Whether the run is over: nothing of it will run again (a failed run can still be retried, but
    /// its people's data is then the campaign's to keep only if a manager does not shred it first).
    public var hasEnded: Bool { status == .completed || status == .failed || status == .cancelled }

    /// Its `retention:` (read again from the definition it was started with, which validation checked):
    /// how long after it ended its people's personal data is kept. Nil when the definition sets none.
    public var retention: Duration? {
        guard let root = try? Yams.load(yaml: definitionText) as? [String: Any] else { return nil }
        let declared = root["retention"].map { "\($0)" }
        return declared.flatMap(TimeFormats.duration)
    }

    /// When its people's data is due to be shredded: the end of the run plus `retention`.
    public var retentionEnds: Date? {
        guard hasEnded, let finishedAt, let retention else { return nil }
        return finishedAt.addingTimeInterval(retention.seconds)
    }
}

/// A step's state within a run, as stored.
public struct StepRecord: FetchableRecord, Sendable {
    public var runId: Int64
    public var stepId: String
    public var position: Int
    public var uses: String
    public var status: StepStatus
    public var attempt: Int
    public var dueAt: Date?
    public var awaitsSignal: Bool
    public var prompt: String?
    /// The prompt as catalogue words (`Message.storedForm`), to word in the reader's language.
    public var promptForm: String?
    public var outputsJson: String?
    public var error: String?
    public var startedAt: Date?
    public var finishedAt: Date?
    /// For one instance of a `for_each` step: the step it belongs to, its number (from 1) and its item.
    public var parentStep: String?
    public var itemNumber: Int?
    public var itemJson: String?
    /// For a `for_each` step that has fanned out: how many instances it made.
    public var fanOut: Int?

    public static let databaseTableName = "workflow_step"

    public var outputs: [String: Value] { (try? [String: Value].fromJSON(outputsJson)) ?? [:] }

    /// The item of a fan-out instance.
    public var item: Value? { itemJson.flatMap { try? Value(jsonText: $0) } }

    public var isInstance: Bool { parentStep != nil }

    /// Read from the row as stored; a time that cannot be read (a workspace edited by hand) is no time
    /// at all, so `resume` and the daemon go on — a step whose timer was unreadable waits for its signal —
    /// instead of stopping on it. The due time is read as text, as the daemon's query compares it, so
    /// neither fires what the other skips. (Read by column rather than through `Codable`: a run's steps are
    /// read whenever a drive begins and ends, and the decoder's snake-case keys cost more than the rows.)
    public init(row: Row) throws {
        runId = try row.decode(forColumn: "run_id")
        stepId = try row.decode(forColumn: "step_id")
        position = try row.decode(forColumn: "position")
        uses = try row.decode(forColumn: "uses")
        let statusText: String = try row.decode(forColumn: "status")
        guard let status = StepStatus(rawValue: statusText) else {
            throw WorkflowError.internal("step '\(stepId)' has an unknown status '\(statusText)'")
        }
        self.status = status
        attempt = try row.decode(forColumn: "attempt")
        dueAt = ((try? row.decode(String?.self, forColumn: "due_at")) ?? nil).flatMap { Date.fromDatabaseValue($0.databaseValue) }
        awaitsSignal = try row.decode(forColumn: "awaits_signal")
        prompt = try row.decode(forColumn: "prompt")
        promptForm = try row.decode(forColumn: "prompt_form")
        outputsJson = try row.decode(forColumn: "outputs_json")
        error = try row.decode(forColumn: "error")
        startedAt = Self.time(row, "started_at")
        finishedAt = Self.time(row, "finished_at")
        parentStep = try row.decode(forColumn: "parent_step")
        itemNumber = try row.decode(forColumn: "item_number")
        itemJson = try row.decode(forColumn: "item_json")
        fanOut = try row.decode(forColumn: "fan_out")
    }

    /// A stored time, or none when it cannot be read.
    private static func time(_ row: Row, _ column: String) -> Date? {
        guard let value = row[column] as DatabaseValue?, !value.isNull else { return nil }
        return Date.fromDatabaseValue(value)
    }
}

/// One entry of a run's append-only history.
public struct EventRecord: Codable, FetchableRecord, Sendable {
    public var id: Int64
    public var runId: Int64
    public var stepId: String?
    public var attempt: Int?
    public var at: Date
    public var kind: String
    public var message: String?
    /// The message as catalogue words (`Message.storedForm`), where it was said from the catalogue.
    public var messageForm: String?

    public static let databaseTableName = "workflow_event"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
}

/// Queries over runs shared by the engine and the CLI.
public enum RunQueries {
    public static func run(_ db: Database, named campaign: String) throws -> RunRecord? {
        try RunRecord.fetchOne(db, sql: "SELECT * FROM workflow_run WHERE campaign = ?", arguments: [campaign])
    }

    /// The campaign's time zone alone (nil when there is no such campaign): what a check-in batch needs,
    /// without decoding the whole run and its definition.
    public static func timeZone(_ db: Database, of campaign: String) throws -> TimeZone? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT time_zone_identifier FROM workflow_run WHERE campaign = ?"),
                                         arguments: [campaign]) else { return nil }
        return (row[0] as String?).flatMap(TimeZone.init(identifier:)) ?? WorkflowDefinition.defaultTimeZone
    }

    public static func runs(_ db: Database) throws -> [RunRecord] {
        try RunRecord.fetchAll(db, sql: "SELECT * FROM workflow_run ORDER BY created_at, id")
    }

    public static func steps(_ db: Database, runID: Int64) throws -> [StepRecord] {
        try StepRecord.fetchAll(db, sql: "SELECT * FROM workflow_step WHERE run_id = ? ORDER BY position, item_number",
                                arguments: [runID])
    }

    public static func events(_ db: Database, runID: Int64) throws -> [EventRecord] {
        try EventRecord.fetchAll(db, sql: "SELECT * FROM workflow_event WHERE run_id = ? ORDER BY id",
                                 arguments: [runID])
    }

    /// The run for a campaign, or an error that lists the campaigns there are.
    public static func requireRun(_ db: Database, _ campaign: String) throws -> RunRecord {
        if let run = try run(db, named: campaign) { return run }
        let names = try String.fetchAll(db, sql: "SELECT campaign FROM workflow_run ORDER BY campaign")
        throw WorkflowError.usage(Message(EngineMessages.noCampaign, ["campaign": campaign]),
                                  hint: Suggestions.message(for: campaign, among: names) ?? Message(EngineMessages.startOne))
    }

    static func appendEvent(_ db: Database, run: Int64, step: String?, attempt: Int?, at: Date, kind: String,
                            message: String?, form: String? = nil) throws {
        try db.cachedStatement(sql: """
            INSERT INTO workflow_event (run_id, step_id, attempt, at, kind, message, message_form) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [run, step, attempt, StoredTime.text(at), kind, message, form])
    }

    /// An entry said from the catalogue: its words in this process's language, and kept as words.
    static func appendEvent(_ db: Database, run: Int64, step: String?, attempt: Int?, at: Date, kind: String,
                            said message: Message) throws {
        try appendEvent(db, run: run, step: step, attempt: attempt, at: at, kind: kind, message: message.inProcessLanguage,
                        form: message.storedForm)
    }
}
