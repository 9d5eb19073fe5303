import Foundation
import GRDB
import Workflow

/// `checkin.gate`: opens check-in for the campaign at a checkpoint and waits until it closes —
/// at `closes`, or when staff run `campaign signal CAMPAIGN STEP`. Its outputs are the counts.
struct GateAction: StepAction {
    struct Input: Decodable, Sendable {
        var checkpoint: String
        var checkpoint_name: String?
        var gates: [String]?
        var gate_names: [String: String]?
        var opens: String?
        var closes: String?
        var walk_ins: Bool
    }

    static let descriptor = ActionDescriptor(
        name: "gate",
        summary: "Opens check-in at a checkpoint; staff scan badges or type ID/phone numbers until it closes.",
        parameters: [
            ParameterSpec("checkpoint", .string, default: .string("gate"),
                          doc: "The checkpoint's name, e.g. gate; a bus campaign's leave-home, board, alight, enter-factory."),
            ParameterSpec("checkpoint_name", .string, doc: "The name people read for the checkpoint in prompts, e.g. 出家门 "
                          + "(default: 入口 for gate, else its name)."),
            ParameterSpec("gates", .stringList, doc: "The gates (entrances) staff scan at, e.g. [north, south]."),
            ParameterSpec("gate_names", .object,
                          doc: "The names people read for the gates, e.g. { north: 北门, south: 南门 }: answers and the "
                            + "page show them, and --gate takes them too."),
            ParameterSpec("opens", .dateTime, doc: "Scans before this time are refused (e.g. 2026-03-01 08:00)."),
            ParameterSpec("closes", .dateTime, doc: "Check-in closes by itself at this time; a signal closes it earlier."),
            ParameterSpec("walk_ins", .boolean, default: .bool(true),
                          doc: "Whether unregistered people may register at the desk (the refusal says so)."),
        ],
        outputs: [
            OutputSpec("attended", doc: "Distinct people checked in at this checkpoint."),
            OutputSpec("by_gate", doc: "Distinct people per gate, e.g. north=120 south=98."),
            OutputSpec("scans", doc: "All scans, repeats and refusals included."),
            OutputSpec("repeats", doc: "Scans of people already checked in."),
            OutputSpec("rejected", doc: "Scans refused (unknown, not registered, outside the window)."),
            OutputSpec("ended_by", doc: "time or signal."),
        ],
        waitsForPeople: true,
        check: { given in
            guard case .object(let names)? = given["gate_names"] else { return [] }
            let gates = given["gates"].flatMap { value -> [String]? in
                if case .array(let items) = value { return items.map(\.interpolated) } else { return nil }
            }
            var problems: [ParameterProblem] = []
            for (gate, name) in names.sorted(by: { $0.key < $1.key }) {
                if let gates, !gates.contains(gate) {
                    problems.append(ParameterProblem(parameter: "gate_names", CheckinMessages.unlistedGate(["gate": gate]),
                                                     hint: CheckinMessages.listedGates(["gates": gates.joined(separator: ", ")])))
                }
                switch name {
                case .object, .array:
                    problems.append(ParameterProblem(parameter: "gate_names", CheckinMessages.gateNameNotText(["gate": gate])))
                default: break
                }
            }
            return problems
        }
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        let opens = try input.opens.map(context.dateTime)
        let closes = try input.closes.map(context.dateTime)
        if let opens, let closes, closes <= opens {
            throw StepFailure(context.say(GateMessages.closesBeforeOpens(["closes": context.format(closes), "opens": context.format(opens)])))
        }
        try db.execute(sql: """
            INSERT INTO checkin_window (campaign, checkpoint, step_id, gates, opens_at, closes_at, walk_ins, status,
                                        gate_names)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)
            ON CONFLICT (campaign, checkpoint) DO UPDATE SET step_id = excluded.step_id, gates = excluded.gates,
                gate_names = excluded.gate_names,
                opens_at = excluded.opens_at, closes_at = excluded.closes_at, walk_ins = excluded.walk_ins, status = 'open',
                closed_at = NULL
            """, arguments: [context.campaign, input.checkpoint, context.stepID, (input.gates ?? []).joined(separator: ","),
                             opens, closes, input.walk_ins,
                             try input.gate_names.map { try Value.object($0.mapValues(Value.string)).jsonText() }])
        // Kept as words, said in each reader's language; the command to type stays as it is typed.
        let name = input.checkpoint_name.map(Message.verbatim)
            ?? (input.checkpoint == "gate" ? CheckinMessages.theGate() : .verbatim(input.checkpoint))
        var prompt = CheckinMessages.gateOpen(words: ["checkpoint": name])
        if let opens { prompt = prompt + CheckinMessages.gateOpensAt(["time": context.format(opens)]) }
        var command = "campaign checkin CODE --campaign \(context.campaign)"
        if input.checkpoint != "gate" { command += " --checkpoint \(input.checkpoint)" }
        if let gates = input.gates, !gates.isEmpty { command += " --gate " + gates.joined(separator: "|") }
        prompt = prompt + CheckinMessages.scanWith(["command": command]) + CheckinMessages.toClose(["command": context.signalCommand])
        if let closes { prompt = prompt + CheckinMessages.gateClosesAt(["time": context.format(closes)]) }
        return .waiting(Wait(until: closes, signal: true, message: prompt))
    }

    func wake(_ db: Database, _ wake: Wake, input: Input, context: StepContext) throws -> StepOutcome {
        // Closed when it was signalled, or at its closing time when the run wakes after it.
        let now = context.clock.now()
        let closedAt = try input.closes.map(context.dateTime).map { min($0, now) } ?? now
        try db.execute(sql: "UPDATE checkin_window SET status = 'closed', closed_at = ? WHERE campaign = ? AND checkpoint = ?",
                       arguments: [closedAt, context.campaign, input.checkpoint])
        let counts = try Scans.counts(db, campaign: context.campaign, checkpoint: input.checkpoint)
        var endedBy = "time"
        if case .signal = wake { endedBy = "signal" }
        return .completed(outputs: [
            "attended": .int(counts.attended),
            "by_gate": .string(counts.byGate.sorted { $0.key < $1.key }
                .map { "\($0.key.isEmpty ? "-" : $0.key)=\($0.value)" }.joined(separator: " ")),
            "scans": .int(counts.scans),
            "repeats": .int(counts.repeats),
            "rejected": .int(counts.rejected),
            "ended_by": .string(endedBy),
        ])
    }
}
