import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: CommandHelp.text(
            zh: "为活动登记现场求职者并显示其参会证码。",
            en: "Register a walk-in job seeker for a campaign and print their badge code."))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "活动（已经开始的）。", en: "The campaign (already started)."))) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "姓名。", en: "Full name."))) var name: String
    @Option(name: .customLong("id-number"), help: ArgumentHelp(CommandHelp.text(zh: "身份证号。", en: "Resident ID number."))) var idNumber: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "手机号。", en: "Mobile phone."))) var phone: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "乡镇。", en: "Township."))) var township: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "村。", en: "Village."))) var village: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "重点群体，例如 脱贫人口、监测对象。", en: "Target groups, e.g. 脱贫人口、监测对象."))) var groups: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "服务台所在的检查点。", en: "The checkpoint the desk stands at."))) var checkpoint = "gate"
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "服务台所在的闸口（检查点设有闸口时）。", en: "The gate the desk stands at (when the checkpoint names gates)."))) var gate: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "服务台的工作人员。", en: "The staff member at the desk."))) var staff: String?
    @Flag(inversion: .prefixedNo,
          help: ArgumentHelp(CommandHelp.text(zh: "入口开放且接受现场登记时同时签到（默认）。只写 --check-in 表示必须签到：入口未开放时什么都不登记；--no-check-in 只登记（晚报名、尚未到场的人）。", en: "Check them in too when the gate is open and takes walk-ins (default). --check-in alone insists: without an open gate nothing is registered; --no-check-in only registers (a late registrant who has not come).")))
    var checkIn: Bool?
    @OptionGroup var language: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        let lang = language.language
        try await CommandSupport.reportingErrors(language: language.adopt()) {
            let now = try CommandSupport.clock().now()
            let ws = try workspace.openExisting()
            let desk = checkIn == false ? nil : PluginSystem.plugins.deskAttendance
            let insist = checkIn == true
            let (checkpoint, gate, staff) = (checkpoint, gate ?? "", staff ?? "")
            let (campaign, name, idNumber, phone, township, village, groups) = (campaign, name, idNumber, phone, township,
                                                                               village, groups)
            let (result, attendance) = try await ws.pool.write { db in
                // The account named registers with its own role: staff fill blanks, a manager (or the
                // workspace's owner, no account named) may change what the ledger holds.
                let member = try StaffNames.member(db, staff)
                let walkIn = WalkIn(campaign: campaign, name: name, idNumber: idNumber, phone: phone, township: township,
                                    village: village, groups: groups, by: member)
                let (result, attendance) = try DeskRegistration.register(db, walkIn, desk: desk, checkpoint: checkpoint, gate: gate,
                                                                         staff: member?.name ?? "", now: now)
                if insist, case .notCheckedIn(let reason)? = attendance {
                    // Nothing is kept: the clerk asked for registration and check-in together.
                    throw WorkflowError.invalidInput((Message(RegistrationMessages.notCheckedInRefusal) + reason).text(lang),
                                                     hint: RegistrationMessages.leaveOutCheckIn.template(lang))
                }
                return (result, attendance)
            }
            let t = Terminal.standard
            let typedGroups = result.groups.isEmpty ? "" : " [\(result.groups.joined(separator: "、"))]"
            let said = { (text: MessageText, values: [String: String]) in Message(text, values).text(lang) }
            if result.newlyRegistered {
                t.line("\(t.green("✓")) \(result.maskedName) \(result.maskedID)\(typedGroups) "
                       + said(RegistrationMessages.registered, ["campaign": campaign]))
            } else {
                t.line("\(t.yellow("•")) \(result.maskedName) \(result.maskedID)\(typedGroups) "
                       + said(RegistrationMessages.alreadyRegistered, ["campaign": campaign]))
            }
            if let note = RegistrationMessages.ledgerNote(result, lang) { t.line("  \(t.yellow("•")) \(note)") }
            t.line("  " + Message(RegistrationMessages.badgeCode, ["code": t.bold(result.code)]).text(lang))
            switch attendance {
            case .checkedIn(let checkpoint)?:
                t.line("  \(t.green("✓")) " + said(RegistrationMessages.checkedInAtDesk, ["checkpoint": checkpoint]))
            case .alreadyCheckedIn(let reason)?:
                t.line("  \(t.yellow("•")) \(reason.text(lang))")
            case .notCheckedIn(let reason)?:
                t.line("  \(t.yellow("•")) " + (Message(RegistrationMessages.registeredOnlyBecause) + reason).text(lang))
            case nil:
                t.line("  " + said(RegistrationMessages.noCheckIn, [:]))
            }
        }
    }
}
