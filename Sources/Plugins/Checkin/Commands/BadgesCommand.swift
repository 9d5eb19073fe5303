import ArgumentParser
import Foundation
import PluginKit
import Workflow

struct BadgesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "badges",
        abstract: CommandHelp.text(
            zh: "为所有已报名人员生成可打印的 A4 参会证（二维码、证码、打码姓名）。",
            en: "Write printable A4 badge sheets (QR code, code, masked name) for everyone registered."))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "活动。", en: "The campaign."))) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "要写出的 HTML 文件，用浏览器打开后打印；文件名以 .pdf 结尾时由 Chromium 直接打印成 PDF。", en: "The HTML file to write, to open in a browser and print; a name ending in .pdf is printed to PDF by Chromium."))) var out = "badges.html"
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let (html, count) = try await ws.pool.write { db in
                let run = try RunQueries.requireRun(db, campaign)
                let venue = run.vars["venue"].flatMap { value -> String? in
                    if case .string(let text) = value, !text.isEmpty { return text } else { return nil }
                }
                return try Badges.html(db, campaign: campaign, title: run.title, day: run.heldDay, venue: venue)
            }
            try PrintedPage.write(html, to: URL(fileURLWithPath: out))
            try await ExportAudit.record(ws, campaign: campaign, file: out, rows: count, what: AdminMessages.badges)
            Terminal.standard.line(GateMessages.badgesWritten(["count": "\(count)", "file": out, "pages": "\(Badges.pages(count))"])
                .text(.fromEnvironment()))
        }
    }
}
