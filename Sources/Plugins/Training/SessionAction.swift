import Foundation
import GRDB
import Workflow

/// `training.session`: one session of a class taken live — the trainers mark who came on the staff
/// page (课堂考勤: the class list, a tap per trainee, or a badge, ID or phone number typed) until the
/// session closes, at `closes` or on a signal. Sessions kept on paper or by a sign-in machine come in
/// with `training.import-attendance` instead; both count the same.
struct SessionAction: StepAction {
    struct Input: Decodable, Sendable {
        var `class`: String?
        var session: Int
        var closes: String?
    }

    static let descriptor = ActionDescriptor(
        name: "session",
        summary: "Opens one session of a class for attendance on the staff page until it closes.",
        parameters: [
            ParameterSpec("class", .string, doc: "The class (its id); may be left out when the campaign has one class."),
            ParameterSpec("session", .integer, required: true, doc: "The session's number, 1 for the first."),
            ParameterSpec("closes", .dateTime, doc: "When attendance closes by itself; a signal closes it earlier."),
        ],
        outputs: [
            OutputSpec("present", doc: "Trainees marked present at this session."),
            OutputSpec("absent", doc: "Trainees enrolled and not marked present."),
            OutputSpec("ended_by", doc: "time or signal."),
        ],
        waitsForPeople: true
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        let trainingClass: TrainingClass
        do {
            trainingClass = try TrainingRecords.requireClass(db, campaign: context.campaign, id: input.class)
        } catch let error as WorkflowError {
            throw StepFailure(error.message, retryable: false)
        }
        guard (1...trainingClass.sessions).contains(input.session) else {
            throw StepFailure(context.say(TrainingMessages.noSuchSession, [
                "session": "\(input.session)", "class": trainingClass.id, "sessions": "\(trainingClass.sessions)"]), retryable: false)
        }
        try db.execute(sql: """
            INSERT INTO training_open_session (campaign, class, session) VALUES (?, ?, ?)
            ON CONFLICT (campaign) DO UPDATE SET class = excluded.class, session = excluded.session
            """, arguments: [context.campaign, trainingClass.id, input.session])
        let closes = try input.closes.map(context.dateTime)
        return .waiting(Wait(until: closes, signal: true, message: TrainingMessages.sessionOpen([
            "class": trainingClass.id, "trade": trainingClass.trade, "session": "\(input.session)",
            "command": context.signalCommand])))
    }

    func wake(_ db: Database, _ wake: Wake, input: Input, context: StepContext) throws -> StepOutcome {
        let trainingClass = try TrainingRecords.requireClass(db, campaign: context.campaign, id: input.class)
        try db.execute(sql: "DELETE FROM training_open_session WHERE campaign = ? AND class = ? AND session = ?",
                       arguments: [context.campaign, trainingClass.id, input.session])
        let enrolled = try TrainingRecords.enrolled(db, campaign: context.campaign, class: trainingClass.id)
        let present = try TrainingRecords.present(db, campaign: context.campaign, class: trainingClass.id, session: input.session)
        var endedBy = "time"
        if case .signal = wake { endedBy = "signal" }
        return .completed(outputs: ["present": .int(present.count), "absent": .int(enrolled.filter { !present.contains($0) }.count),
                                    "ended_by": .string(endedBy)])
    }
}
