import ArgumentParser
import Crypto
import Foundation
import Hummingbird
import PluginKit
import Tally
import Workflow

/// `campaign province serve`: the province managers' page — the live sum of every county's figures,
/// each county's last publish and lag, and the same XLSX and JSON — behind a token. It only reads:
/// stopping it, even with kill -9, loses nothing.
struct ProvinceServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: CommandHelp.text(zh: "省级汇总页面：各县实时数字、最近发布和延迟，凭口令访问。",
                                   en: "The province's page: every county's live figures, last publish and lag, behind a token."))

    @Option(name: .customLong("db"), help: ArgumentHelp(CommandHelp.text(
        zh: "省级数据库地址（默认：$CAMPAIGN_PROVINCE_DB）。", en: "The province's database (default: $CAMPAIGN_PROVINCE_DB).")))
    var address: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "监听的地址（默认 127.0.0.1）。", en: "The address to listen on (default: 127.0.0.1).")))
    var host = "127.0.0.1"
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "端口（默认 8090）。", en: "The port (default: 8090).")))
    var port = 8090
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "访问口令（默认：$CAMPAIGN_PROVINCE_TOKEN，否则随机生成并显示）。",
                                                en: "The token (default: $CAMPAIGN_PROVINCE_TOKEN, else a random one, printed).")))
    var token: String?
    @Option(name: .customLong("by"), parsing: .upToNextOption, help: ArgumentHelp(CommandHelp.text(
        zh: "页面上的分组（默认 county,township,group）。", en: "The page's breakdowns (default: county,township,group).")))
    var breakdowns: [String] = []
    @Option(name: .customLong("lang"), help: ArgumentHelp(CommandHelp.text(zh: "zh 或 en（默认：$CAMPAIGN_LANG，否则 zh）。", en: "zh or en (default: $CAMPAIGN_LANG, else zh).")))
    var langOption: Language?

    func run() async throws {
        let lang = langOption ?? Language.fromEnvironment()
        try await CommandSupport.reportingErrors(language: lang) {
            let address = try ProvinceAddress(try ProvinceCommand.address(self.address, flag: "--db"))
            let dimensions = try TallyDimension.parseList(breakdowns.isEmpty ? ["county", "township", "group"] : breakdowns,
                                                          among: ProvinceTally.dimensions)
            // Reached once at start: a wrong address is said now, not at the first page.
            await (try await ProvinceStore.open(address)).close()
            let token = self.token ?? ProcessInfo.processInfo.environment["CAMPAIGN_PROVINCE_TOKEN"]
                ?? SymmetricKey(size: .bits128).withUnsafeBytes { Data($0) }.base64EncodedString()
                    .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "=", with: "")
            let router = ProvinceRoutes(address: address, token: token, breakdowns: dimensions, lang: lang).router()
            let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "campaign-province"),
                                  logger: CommandSupport.logger())
            let link = "http://\(host):\(port)/?token=\(token)"
            Terminal.standard.line(ProvinceMessages.serving(["address": link]).text(lang))
            try await app.runService()
        }
    }
}
