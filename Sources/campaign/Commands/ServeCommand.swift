import ArgumentParser
import CampaignServer
import Foundation
import Ledger
import PluginKit
import Workflow

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: CommandHelp.text(
            zh: "在本地网络上为工作人员的手机和电脑提供签到页面和 JSON 接口。",
            en: "Serve the check-in page and JSON API to staff phones and laptops on the local network."),
        discussion: CommandHelp.text(zh: """
            工作人员打开 http://本机地址:端口/，用 `campaign staff add` 给出的令牌登录。
            活动的签到步骤（checkin.gate）必须已经开始：由它开放检查点。
            """, en: """
            Staff open http://THIS-MACHINE:PORT/ and sign in with a token from `campaign staff add`.
            The campaign's check-in step (checkin.gate) must have started: it opens the checkpoint.
            """))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "提供签到服务的活动。", en: "The campaign whose check-in to serve."))) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "检查点（默认：gate）。", en: "The checkpoint (default: gate)."))) var checkpoint = "gate"
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "监听的地址（0.0.0.0：所有网络；127.0.0.1：仅本机）。", en: "The address to listen on (0.0.0.0: every network; 127.0.0.1: this machine only).")))
    var host = "0.0.0.0"
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "端口。", en: "The port."))) var port = 8080
    @Flag(inversion: .prefixedNo, help: ArgumentHelp(CommandHelp.text(zh: "提供服务的同时按时运行工作区中的活动（同 run-daemon）。", en: "Run the workspace's campaigns on time while serving (as run-daemon does).")))
    var daemon = true
    @Flag(help: ArgumentHelp(CommandHelp.text(
        zh: "用 https 提供服务（手机浏览器才会给页面摄像头）：首次运行时在工作区旁的 tls/ 中创建本机证书颁发机构，为本机地址签发证书；--port 只提供证书下载和信任说明（/trust），其余都转到 https。",
        en: "Serve over https (a phone's browser gives the page its camera only then): the first run makes a local certificate authority in tls/ beside the workspace and a certificate for this machine's addresses; --port then only offers the certificate and the trust page (/trust) and redirects the rest to https.")))
    var tls = false
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "--tls 时 https 的端口。", en: "The https port with --tls.")))
    var tlsPort = 8443
    @OptionGroup var backups: ScheduledBackupOptions
    @OptionGroup var publishing: ScheduledPublishOptions
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let staffCount = try await ws.pool.read { db in
                _ = try RunQueries.requireRun(db, campaign)
                return try StaffAccounts.list(db).filter { $0.revoked == nil }.count
            }
            let printer = RunPrinter(timeZone: WorkflowDefinition.defaultTimeZone)
            // The page's signals drive runs without sleeping: the daemon fires timers.
            let engine = Engine(registry: PluginSystem.registry, workspace: ws, clock: try CommandSupport.clock(),
                                options: EngineOptions(waitHorizon: .zero), logger: CommandSupport.logger(),
                                observer: { printer.event($0) })
            // The addresses staff can open: each of this machine's networks when it listens on all of them.
            let listening = host == "0.0.0.0" ? LANAddresses.current() : [host]
            let authority = tls ? try LocalCertificateAuthority.prepare(
                folder: URL(fileURLWithPath: ws.path).deletingLastPathComponent().appendingPathComponent("tls"), hosts: listening) : nil
            // Over https, only the addresses the certificate names: a phone refuses the others.
            let hosts = authority.map { $0.certifiedHosts } ?? listening
            let server = StaffServer(environment: ServerEnvironment(workspace: ws, campaign: campaign, checkpoint: checkpoint,
                                                                    clock: try CommandSupport.clock(),
                                                                    plugins: PluginSystem.plugins),
                                     engine: engine, authority: authority)
            let t = Terminal.standard
            let bases = (hosts.isEmpty ? ["127.0.0.1"] : hosts).map { tls ? "https://\($0):\(tlsPort)" : "http://\($0):\(port)" }
            let lang = Language.fromEnvironment()
            func say(_ text: MessageText, _ values: [String: String] = [:]) -> String { Message(text, values).text(lang) }
            let or = say(StaffMessages.or)
            t.line(t.bold(say(StaffMessages.checkInAt, ["campaign": campaign,
                                                         "addresses": bases.map { $0 + "/" }.joined(separator: or)])))
            // One tap to open: a phone's camera reads the page's address from the screen.
            for reachable in hosts where !reachable.hasPrefix("127.") {
                let base = tls ? "http://\(reachable):\(port)/trust" : "http://\(reachable):\(port)/"
                t.line(say(StaffMessages.scanToOpen, ["address": base]))
                t.line(try QRCode(base).terminal())
            }
            if staffCount == 0 { t.line(t.yellow(say(StaffMessages.noStaffYet))) }
            t.line(say(StaffMessages.runsAt, ["addresses": bases.map { $0 + "/runs" }.joined(separator: or)]))
            t.line(t.dim(say(StaffMessages.stopWith)))
            let chores = [RetentionChore(workspace: ws).run] + backups.chore(for: ws) + (try publishing.chores(for: ws))
            let runner = daemon ? Daemon(engine: engine, chores: chores,
                                         report: DaemonReporter(terminal: t, clock: engine.clock).report) : nil
            if tls {
                t.line(say(StaffMessages.trustFirst, ["address": "http://\(hosts.first ?? "127.0.0.1"):\(port)/trust"]))
            }
            try await server.run(host: host, port: tls ? tlsPort : port, plainPort: tls ? port : nil,
                                 logger: CommandSupport.logger(), daemon: runner)
        }
    }
}
