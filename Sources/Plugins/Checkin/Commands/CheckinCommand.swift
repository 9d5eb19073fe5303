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
        discussion: CommandHelp.text(zh: """
            绿色：签到成功。黄色：已经签到过（说明何时、何处、由谁签到；只计一次）。
            红色：被拒绝，并说明原因。绿色和黄色退出码为 0，红色为 1，扫码脚本可以据此提示音。
            输入代码后回车的扫码枪可以直接用作输入。
            """, en: """
            Green: checked in. Amber: already checked in (says when, where and by whom; counts once).
            Red: refused, with the reason. Exit status 0 for green and amber, 1 for red, so a scanner
            script can beep. A barcode scanner that types the code and Enter works as the input.
            """))

    @Argument(help: ArgumentHelp(CommandHelp.text(zh: "胸卡码、18 位身份证号或 11 位手机号。", en: "Badge code, 18-digit ID number or 11-digit mobile number."))) var input: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "活动。", en: "The campaign."))) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "检查点（默认：gate；包车的检查点：leave-home、board、alight、enter-factory）。", en: "The checkpoint (default: gate; bus checkpoints: leave-home, board, alight, enter-factory)."))) var checkpoint = "gate"
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "您所在的闸口，例如 north（检查点设有闸口时必填；不区分大小写）。", en: "The gate you stand at, e.g. north (required when the checkpoint names gates; any case)."))) var gate = ""
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "您的工作人员账号名（campaign staff list），随扫码一起记录。", en: "Your name as a staff account (campaign staff list), recorded with the scan."))) var staff = ""
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "这台设备的名字。", en: "This device's name."))) var device = "terminal"
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "这次扫码的唯一编号；用同一编号重试的扫码会得到回答，但不重复计数。", en: "A unique id for this scan; a retried scan with the same nonce is answered, not counted.")))
    var nonce: String?
    @Flag(help: ArgumentHelp(CommandHelp.text(zh: "管理员放行：此人今天不是其应到的日期（如不是其乘车日）；--staff 须为管理员，记入审计日志。",
                                              en: "A manager lets the person through on another day than their own (a bus passenger's departure day); --staff must be a manager; recorded in the audit log.")))
    var overrideDay = false
    @OptionGroup var language: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        var rejected = false
        try await CommandSupport.reportingErrors(language: language.adopt()) {
            let ws = try workspace.openExisting()
            let now = try CommandSupport.clock().now()
            let answer = try await ws.pool.write { db in
                _ = try RunQueries.requireRun(db, campaign)
                var request = ScanRequest(campaign: campaign, checkpoint: checkpoint, input: input,
                                          gate: try GateChoice.resolve(db, gate, campaign: campaign, checkpoint: checkpoint),
                                          staff: try StaffNames.require(db, staff), device: device,
                                          nonce: nonce ?? UUID().uuidString)
                request.overridesDay = overrideDay
                return try Scans.scan(db, request, now: now)
            }
            rejected = ScanAnswerLine.print(answer, in: language.language)
        }
        if rejected { throw ExitCode(1) }
    }
}
