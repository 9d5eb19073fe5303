import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

extension OutcomeStage: ExpressibleByArgument {
    public init?(argument: String) {
        guard let stage = OutcomeStage.parse(argument) else { return nil }
        self = stage
    }

    public static var allValueStrings: [String] { OutcomeStage.allCases.map(\.verb) }
}

struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: CommandHelp.text(
            zh: "为求职者和岗位登记面试、达成意向、成功就业或稳定就业。",
            en: "Record an interview, a hiring intent, a placement or retention for a job seeker and a posting."),
        discussion: """
            Stages only move forward: recording a placement implies the interview and the intent, and
            recording an interview for someone already placed changes nothing. To move someone back
            (a placement entered by mistake), record the right stage with --correct; `none --correct`
            withdraws the record. Every change is kept: `campaign outcomes --campaign NAME --person …`.
            """)

    @Argument(help: "interview, intent, placement or retained (none, with --correct, withdraws).")
    var stage: OutcomeStage
    @Option(help: "The campaign.") var campaign: String
    @Option(help: "The job seeker: badge code, ID number or mobile number.") var person: String
    @Option(help: "The posting's code (see `campaign postings --campaign NAME`).") var posting: String
    @Option(help: "When the stage was reached (default: today), e.g. 2026-03-05.") var date: String?
    @Option(help: "A note kept with the record.") var note = ""
    @Option(help: "Your name, kept in the history.") var staff = ""
    @Flag(help: "Move the person back to this stage: a correction, kept in the history.") var correct = false
    @Flag(name: .customLong("not-attended"),
          help: "They were placed without ever being checked in (a follow-up call, a referral): say how with --note.")
    var notAttended = false
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if stage == .none && !correct {
            throw ValidationError("'none' withdraws a record and needs --correct")
        }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let now = try CommandSupport.clock().now()
            let result = try await ws.pool.write { db in
                let entry = OutcomeEntry(campaign: campaign, person: person, posting: posting, stage: stage, date: date,
                                         note: note, recordedBy: try StaffNames.require(staff, db: db), correction: correct,
                                         source: "cli", notAttended: notAttended)
                return try OutcomeRecorder.record(entry, now: now, db: db)
            }
            let t = Terminal.standard
            let who = "\(result.maskedName) \(result.maskedID)"
            let at = "\(result.posting)（\(result.enterprise)）"
            switch result.change {
            case .advanced(let from, let to):
                t.line(t.green("✓ \(who): \(to.label) (\(to.verb)) at \(at)")
                       + (from == .none ? "" : " — was \(from.verb)"))
            case .unchanged(let stage):
                t.line(t.yellow("• \(who) is already at \(stage.label) (\(stage.verb)) for \(at); nothing changed"))
            case .corrected(let from, let to):
                t.line(t.yellow("↺ \(who): corrected \(from.verb) → \(to.verb) at \(at) (kept in the history)"))
            }
        }
    }
}
