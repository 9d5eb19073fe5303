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
        discussion: CommandHelp.text(zh: """
            结果只会向前推进：登记成功就业即意味着已面试和已达成意向；为已就业的人再登记面试不会有任何改变。
            要退回（误录的就业），用 --correct 登记正确的结果；`none --correct` 撤回这条记录。
            每次改动都会保留：`campaign outcomes --campaign NAME --person …`。
            """, en: """
            Stages only move forward: recording a placement implies the interview and the intent, and
            recording an interview for someone already placed changes nothing. To move someone back
            (a placement entered by mistake), record the right stage with --correct; `none --correct`
            withdraws the record. Every change is kept: `campaign outcomes --campaign NAME --person …`.
            """))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "interview、intent、placement 或 retained（none 加 --correct 表示撤回）。", en: "interview, intent, placement or retained (none, with --correct, withdraws).")))
    var stage: OutcomeStage
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "活动。", en: "The campaign."))) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "求职者：胸卡码、身份证号或手机号。", en: "The job seeker: badge code, ID number or mobile number."))) var person: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "岗位编号（见 `campaign postings --campaign NAME`）。", en: "The posting's code (see `campaign postings --campaign NAME`)."))) var posting: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "达到这一结果的日期（默认：今天），例如 2026-03-05。", en: "When the stage was reached (default: today), e.g. 2026-03-05."))) var date: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "随记录保存的备注。", en: "A note kept with the record."))) var note = ""
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "您的名字，记入运行历史。", en: "Your name, kept in the history."))) var staff = ""
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "把此人退回到这一结果：属于更正，记入历史。", en: "Move the person back to this stage: a correction, kept in the history."))) var correct = false
    @Flag(name: .customLong("not-attended"),
          help: ArgumentHelp(CommandHelp.text(zh: "此人从未签到就已就业（回访、推荐等）：请用 --note 说明经过。", en: "They were placed without ever being checked in (a follow-up call, a referral): say how with --note.")))
    var notAttended = false
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if stage == .none && !correct {
            throw ValidationError(UsageMessages.noneNeedsCorrect())
        }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let now = try CommandSupport.clock().now()
            let result = try await ws.pool.write { db in
                // The account named acts with its own role: a staff account may not correct, here or on the page.
                let member = try StaffNames.member(db, staff)
                let entry = OutcomeEntry(campaign: campaign, person: person, posting: posting, stage: stage, date: date,
                                         note: note, recordedBy: member?.name ?? "", recordedByRole: member?.role,
                                         correction: correct, source: "cli", notAttended: notAttended)
                return try OutcomeRecorder.record(db, entry, now: now)
            }
            let t = Terminal.standard
            let who = "\(result.maskedName) \(result.maskedID)"
            let lang = Language.fromEnvironment()
            let at = Punctuation.remark.text(lang, ["what": result.posting, "remark": result.enterprise])
            switch result.change {
            case .advanced(let from, let to):
                t.line(t.green(OutcomeListMessages.advanced(["who": who, "stage": to.word(lang), "at": at]).text(lang))
                       + (from == .none ? "" : OutcomeListMessages.was(["stage": from.word(lang)]).text(lang)))
            case .unchanged(let stage):
                t.line(t.yellow(OutcomeListMessages.unchanged(["who": who, "stage": stage.word(lang), "at": at]).text(lang)))
            case .corrected(let from, let to):
                t.line(t.yellow(OutcomeListMessages.corrected(["who": who, "from": from.word(lang), "to": to.word(lang), "at": at]).text(lang)))
            }
        }
    }
}
