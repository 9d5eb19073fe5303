import ArgumentParser
import Foundation
import Ledger
import PluginKit
import Workflow

extension StaffCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.text(
            zh: "创建工作人员账号并显示其登录令牌。",
            en: "Create a staff account and print its sign-in token."))
        @Argument(help: ArgumentHelp(CommandHelp.text(zh: "工作人员的名字，显示在其每次扫码的记录中。", en: "The staff member's name, shown with each scan they make."))) var name: String
        @Option(help: ArgumentHelp(CommandHelp.text(
            zh: "staff（签到、现场登记）、manager（还有台账和报表）或 organizer（还有运行页面：所有运行，并可通知等待中的步骤）。",
            en: "staff (check-in, walk-ins), manager (also the ledger and reports) or organizer "
                + "(also the run page: every run, and signalling its waiting steps).")))
        var role: StaffRole = .staff
        @Option(help: ArgumentHelp(CommandHelp.text(zh: "签到页面的地址，例如 http://192.168.1.10:8080（默认：本机网络地址的 8080 端口）——会打印一个手机扫码即可登录的二维码。", en: "The check-in page's address, e.g. http://192.168.1.10:8080 (default: this machine's network address, port 8080) — prints a QR code that signs a phone in.")))
        var url: String?
        @Option(help: ArgumentHelp(CommandHelp.text(
            zh: "企业招聘人员的账号：绑定到这家企业（统一社会信用代码或全称），只能记录本企业岗位的结果。",
            en: "An enterprise's booth account: bound to this enterprise (credit code or full name), it records outcomes "
                + "for its postings only.")))
        var enterprise: String?
        @Option(help: ArgumentHelp(CommandHelp.text(
            zh: "押车员的账号：绑定到这辆车（车牌号），只能在这辆车的车门扫码。",
            en: "A bus escort's account: bound to this bus (its plate), it scans at that bus's door only.")))
        var vehicle: String?
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            try await CommandSupport.reportingErrors {
                let now = try CommandSupport.clock().now()
                let token = try await workspace.openExisting().pool.write { db in
                    try StaffAccounts.add(db, name: name, role: role, enterprise: enterprise, vehicle: vehicle, now: now)
                }
                let t = Terminal.standard
                let lang = Language.fromEnvironment()
                func say(_ text: MessageText, _ values: [String: String]) -> String { Message(text, values).text(lang) }
                t.line("\(t.green("✓")) " + say(StaffMessages.canSignIn, ["name": name, "role": role.rawValue]))
                t.line("  \(t.bold(token))")
                // The page `campaign serve` offers on this machine's network, unless told another.
                let page = url ?? "http://\(LANAddresses.current().first ?? "127.0.0.1"):8080"
                do {
                    let link = page.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/#token=\(token)"
                    t.line("  " + say(StaffMessages.signInLink, ["link": link]))
                    t.line(try QRCode(link).terminal())
                }
                t.line(t.dim("  " + say(StaffMessages.revokeWith, ["name": name])))
            }
        }
    }
}
