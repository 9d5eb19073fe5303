import Foundation
import GRDB
import Ledger
import Workflow

/// `monitoring.help`: one-to-one help (一对一帮扶) as a human step. Everyone on the month's sheets who
/// wants work and has none is given to a staff member — the one who helped them last time when they
/// are still on the list (the same helper month after month), else whoever has the fewest — and staff
/// record what each came to (the staff page's 我的帮扶, or `campaign monitoring --record`) until the
/// period ends, at `until`, after `for`, or on a signal.
struct HelpAction: StepAction {
    struct Input: Decodable, Sendable {
        var staff: [String]
        var until: String?
        var `for`: String?
    }

    static let descriptor = ActionDescriptor(
        name: "help",
        summary: "Gives everyone wanting work without it to a staff member for one-to-one help, until the period ends.",
        parameters: [
            ParameterSpec("staff", .stringList, required: true, doc: "Who helps (staff names, as `campaign staff add` knows them)."),
            ParameterSpec("until", .dateTime, doc: "When the help period ends (campaign time zone)."),
            ParameterSpec("for", .duration, doc: "How long it lasts from the step's start, e.g. 25d."),
        ],
        outputs: [
            OutputSpec("to_help", doc: "People given for one-to-one help."),
            OutputSpec("helped", doc: "Of them with a result recorded."),
            OutputSpec("into_work", doc: "Placed in work or a public-welfare job (公益性岗位) by the help."),
            OutputSpec("ended_by", doc: "time or signal."),
        ],
        waitsForPeople: true,
        check: { given in
            var problems: [ParameterProblem] = []
            if case .array(let staff)? = given["staff"], staff.isEmpty {
                problems.append(ParameterProblem(parameter: "staff", MonitoringMessages.nobodyToHelp()))
            }
            if given.has("until") && given.has("for") { problems.append(ParameterProblem(parameter: "for", ParameterMessages.untilOrFor())) }
            return problems
        }
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        guard !input.staff.isEmpty else { throw StepFailure(context.say(MonitoringMessages.nobodyToHelp)) }
        let given = try HelpDesk.assign(db, campaign: context.campaign, staff: input.staff, now: context.clock.now())
        let until = try context.deadline(until: input.until, for: input.for)
        var prompt = MonitoringMessages.helpPrompt(["count": "\(given)", "campaign": context.campaign,
                                                    "command": context.signalCommand])
        if let until { prompt = prompt + MonitoringMessages.endsAt(["time": context.format(until)]) }
        return .waiting(Wait(until: until, signal: true, message: prompt))
    }

    func wake(_ db: Database, _ wake: Wake, input: Input, context: StepContext) throws -> StepOutcome {
        let help = try MonitoringRecords.help(db, campaign: context.campaign)
        var endedBy = "time"
        if case .signal = wake { endedBy = "signal" }
        return .completed(outputs: ["to_help": .int(help.count), "helped": .int(help.filter { $0.result != .open }.count),
                                    "into_work": .int(help.filter(\.result.intoWork).count), "ended_by": .string(endedBy)])
    }
}

/// Who helps whom, and recording what the help came to.
enum HelpDesk {
    /// Gives everyone on the month's help list who has no helper yet; returns how many are on the list.
    static func assign(_ db: Database, campaign: String, staff: [String], now: Date) throws -> Int {
        let statuses = try MonitoringRecords.statuses(db, campaign: campaign)
        let needing = statuses.filter(\.value.needsHelp).keys.sorted()
        var load = Dictionary(staff.map { ($0, 0) }, uniquingKeysWith: { a, _ in a })
        let current = Dictionary(try MonitoringRecords.help(db, campaign: campaign).map { ($0.person, $0) },
                                 uniquingKeysWith: { a, _ in a })
        for help in current.values where load[help.staff] != nil { load[help.staff]! += 1 }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO monitoring_help (campaign, person_id, staff, result, note, updated_at) VALUES (?, ?, ?, 'open', '', ?)
            """)
        for person in needing where current[person] == nil {
            let earlier = try String.fetchOne(db.cachedStatement(sql: """
                SELECT staff FROM monitoring_help WHERE person_id = ? AND campaign <> ? ORDER BY updated_at DESC LIMIT 1
                """), arguments: [person, campaign])
            let helper = earlier.flatMap { load[$0] != nil ? $0 : nil }
                ?? staff.min { (load[$0]!, staff.firstIndex(of: $0)!) < (load[$1]!, staff.firstIndex(of: $1)!) }!
            load[helper]! += 1
            try insert.execute(arguments: [campaign, person, helper, now])
        }
        return needing.count
    }

    /// Records what helping one person came to; only their helper or a manager may.
    static func record(_ db: Database, campaign: String, person: Int64, result: HelpResult, note: String, staff: String,
                       manager: Bool, now: Date) throws {
        guard let help = try MonitoringRecords.help(db, campaign: campaign).first(where: { $0.person == person }) else {
            throw InputRefusal(field: "person", Message(MonitoringMessages.notOnHelpList))
        }
        if help.staff != staff && !manager {
            throw RoleRefusal(needed: .manager, reason: Message(MonitoringMessages.someoneElsesHelp, ["staff": help.staff]))
        }
        guard result != .open else { throw InputRefusal(field: "result", Message(MonitoringMessages.notAResult, ["value": "open"])) }
        try db.execute(sql: "UPDATE monitoring_help SET result = ?, note = ?, updated_at = ? WHERE campaign = ? AND person_id = ?",
                       arguments: [result.rawValue, String(Masking.scrub(note).prefix(200)), now, campaign, person])
    }
}
