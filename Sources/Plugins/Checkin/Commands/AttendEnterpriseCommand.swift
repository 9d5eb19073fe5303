import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

/// The desk checks an enterprise's booth in (the gate can scan its credit code instead).
struct AttendEnterpriseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attend-enterprise",
        abstract: CommandHelp.text(
            zh: "按统一社会信用代码或名称为受邀企业签到（其展位计为到场）。",
            en: "Check an invited enterprise in at a campaign (its booth attends), by credit code or name."))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "企业的统一社会信用代码或准确名称。", en: "The enterprise's unified social credit code or its exact name."))) var enterprise: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "活动。", en: "The campaign."))) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "闸口或服务台，例如 north。", en: "The gate or desk, e.g. north."))) var gate = ""
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "您的名字，随签到一起记录。", en: "Your name, recorded with the check-in."))) var staff = ""
    @OptionGroup var language: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        var refused = false
        try await CommandSupport.reportingErrors(language: language.adopt()) {
            let ws = try workspace.openExisting()
            let now = try CommandSupport.clock().now()
            let (campaign, enterprise, gate, staff) = (campaign, enterprise, gate, staff)
            let answer = try await ws.pool.write { db in
                try EnterpriseCheckIns.checkIn(db, enterprise, campaign: campaign, gate: gate, staff: staff, now: now)
            }
            refused = ScanAnswerLine.print(answer, in: language.language)
        }
        if refused { throw ExitCode(1) }
    }
}
