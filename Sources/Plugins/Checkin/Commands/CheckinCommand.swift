import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

struct CheckinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: CommandHelp.text(
            zh: "在入口用参会证码、身份证号或手机号为人员签到。",
            en: "Check a person in at a gate by badge code, ID number or mobile number."),
        discussion: """
            Green: checked in. Amber: already checked in (says when, where and by whom; counts once).
            Red: refused, with the reason. Exit status 0 for green and amber, 1 for red, so a scanner
            script can beep. A barcode scanner that types the code and Enter works as the input.
            """)

    @Argument(help: "Badge code, 18-digit ID number or 11-digit mobile number.") var input: String
    @Option(help: "The campaign.") var campaign: String
    @Option(help: "The checkpoint (default: gate; bus checkpoints: leave-home, board, alight, enter-factory).") var checkpoint = "gate"
    @Option(help: "The gate you stand at, e.g. north (required when the checkpoint names gates; any case).") var gate = ""
    @Option(help: "Your name as a staff account (campaign staff list), recorded with the scan.") var staff = ""
    @Option(help: "This device's name.") var device = "terminal"
    @Option(help: "A unique id for this scan; a retried scan with the same nonce is answered, not counted.")
    var nonce: String?
    @OptionGroup var language: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        var rejected = false
        try await CommandSupport.reportingErrors(language: language.adopt()) {
            let ws = try workspace.openExisting()
            let now = try CommandSupport.clock().now()
            let answer = try await ws.pool.write { db in
                _ = try RunQueries.requireRun(campaign, in: db)
                let request = ScanRequest(campaign: campaign, checkpoint: checkpoint, input: input,
                                          gate: try GateChoice.resolve(gate, campaign: campaign, checkpoint: checkpoint, db: db),
                                          staff: try StaffNames.require(staff, db: db), device: device,
                                          nonce: nonce ?? UUID().uuidString)
                return try Scans.scan(request, now: now, db: db)
            }
            rejected = ScanAnswerLine.print(answer, in: language.language)
        }
        if rejected { throw ExitCode(1) }
    }
}
