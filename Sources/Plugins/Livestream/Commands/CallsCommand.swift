import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

struct CallsCommand: AsyncParsableCommand, ChoosesLanguage {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: CommandHelp.text(
            zh: "直播的回访任务：谁给谁打电话（已打码），并登记每次通话的结果。",
            en: "A livestream's call-back tasks: who calls whom (masked), and recording what a call came to."),
        discussion: CommandHelp.text(zh: """
            livestream.follow-up 步骤把每条线索分给一位工作人员。列出待回访（--staff NAME 看某人的，--all 看全部），
            然后逐一登记：--record CALL --status reached|not-reached|wrong-number|not-interested|booked [--note T] [--posting CODE] [--id-number ID]。
            约到的面试会记为一条结果；没联系上的线索会在步骤的重试间隔后再次出现。
            完整手机号只在工作人员页面上显示给分到这个回访的人。
            """, en: """
            The livestream.follow-up step gives every lead to a staff member. List the open calls (--staff NAME for
            one person's, --all for every call), then record each: --record CALL --status reached|not-reached|
            wrong-number|not-interested|booked [--note T] [--posting CODE] [--id-number ID]. A booked interview is
            recorded as an outcome; a lead not reached comes back after the step's retry delay. Full phone
            numbers are shown only on the staff page, to the staff member a call is given to.
            """))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "直播带岗活动。", en: "The livestream campaign."))) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "只看这位工作人员的回访（配合 --record 时为登记人）。", en: "Only this staff member's calls (and, with --record, the one recording)."))) var staff: String?
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "所有回访，包括已登记的。", en: "Every call, recorded ones included."))) var all = false
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "要登记的回访（列表中的编号）。", en: "The call to record (its number in the list)."))) var record: Int64?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "回访的结果。", en: "What the call came to."))) var status: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "回访的备注。", en: "A note on the call."))) var note = ""
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "预约面试的岗位（默认：线索报名的岗位）。", en: "The posting an interview is booked for (default: the one the lead signed up for)."))) var posting: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "线索在电话中告知的身份证号：把此人加入台账。", en: "The lead's ID number, given on the phone: adds them to the ledger."))) var idNumber: String?
    @OptionGroup var languageOptions: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if record != nil, status.flatMap(CallStatus.init(rawValue:)) == nil {
            throw ValidationError(UsageMessages.recordNeedsStatus(), language: language)
        }
        if record == nil, status != nil { throw ValidationError(UsageMessages.statusNeedsRecord(), language: language) }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language) {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            if let record, let status = status.flatMap(CallStatus.init(rawValue:)) {
                let now = try CommandSupport.clock().now()
                let answer = try await ws.pool.write { [campaign, staff, note, posting, idNumber] db in
                    try Registrations.requireCampaign(db, campaign)
                    return try CallRecorder.record(db, call: record, status: status, campaign: campaign, staff: staff, note: note,
                                                   posting: posting, idNumber: idNumber, now: now)
                }
                let said = CallMessages.recorded(["call": "\(answer.call)", "lead": answer.lead,
                                       "status": status.label.template(language)])
                t.line((answer.outcome.map { said + CallMessages.interviewRecorded(["outcome": $0]) } ?? said).text(language))
                return
            }
            let (calls, leads) = try await ws.pool.read { [campaign] db in
                try Registrations.requireCampaign(db, campaign)
                return (try LivestreamRecords.calls(db, campaign: campaign),
                        Dictionary(try LivestreamRecords.leads(db, campaign: campaign).map { ($0.id, $0) },
                                   uniquingKeysWith: { a, _ in a }))
            }
            let shown = calls.filter { (all || $0.status == .open) && (staff == nil || $0.staff == staff) }
            var table = TextTable(headers: CallMessages.headers.columns(language),
                                  numeric: [true, false, false, false, false, true, false, false])
            for call in shown {
                let lead = leads[call.leadID]
                table.rows.append([String(call.id), Masking.name(lead?.name ?? ""), Masking.phone(lead?.phone ?? ""),
                                   lead?.platforms ?? "", lead?.postingText ?? "", String(call.attempt),
                                   call.staff.isEmpty ? CallMessages.queued.template(language) : call.staff,
                                   call.status.label.template(language)])
            }
            if !table.rows.isEmpty { t.line(table.render()) }
            t.line((all ? CallMessages.count : CallMessages.toMake)(["count": "\(shown.count)"]).text(language))
        }
    }
}
