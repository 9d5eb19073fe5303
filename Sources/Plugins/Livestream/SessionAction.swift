import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// `livestream.session`: the stream — platform, start, length, host — and its run sheet (直播流程单):
/// the line-up `livestream.lineup` planned, each posting with its clock time, enterprise and host,
/// printable on A4 for the host and the studio.
struct SessionAction: StepAction {
    /// The run sheet: `Templates/run-sheet.html.mustache`.
    static let template = PageTemplate("run-sheet", PackageResources.run_sheet_html_mustache)

    struct Input: Decodable, Sendable {
        var platform: String
        var starts: String
        var length: String
        var host: String
        var out: String?
    }

    static let descriptor = ActionDescriptor(
        name: "session",
        summary: "Records the stream (platform, start, length, host) and writes its printable run sheet from the line-up.",
        parameters: [
            ParameterSpec("platform", .string, required: true, doc: "抖音, 快手 or 视频号 (WeChat Channels)."),
            ParameterSpec("starts", .dateTime, required: true, doc: "When the stream starts, e.g. 2026-03-15 19:30."),
            ParameterSpec("length", .duration, required: true, doc: "How long it runs, e.g. 2h."),
            ParameterSpec("host", .string, required: true, doc: "The main host (主播)."),
            ParameterSpec("out", .outputPath, doc: "The run sheet (HTML, or PDF for a name ending in .pdf); default reports/CAMPAIGN-run-sheet.html."),
        ],
        outputs: [
            OutputSpec("postings", doc: "Postings on the run sheet (from livestream.lineup; 0 without a line-up)."),
            OutputSpec("run_sheet", doc: "The run sheet's path."),
        ]
    )

    func commit(_ db: Database, _ prepared: Void, input: Input, context: StepContext) throws -> StepOutcome {
        let starts = try context.dateTime(input.starts)
        guard let minutes = TimeFormats.duration(input.length).map({ Int($0.seconds / 60) }), minutes >= 1 else {
            throw StepFailure(context.say(ParameterMessages.atLeastAMinuteLike(["name": "length", "example": "2h"])), retryable: false)
        }
        try db.execute(sql: """
            INSERT INTO livestream_session (campaign, platform, starts_at, minutes, host) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (campaign) DO UPDATE SET platform = excluded.platform, starts_at = excluded.starts_at,
                minutes = excluded.minutes, host = excluded.host
            """, arguments: [context.campaign, input.platform, starts, minutes, input.host])
        let lineup = try StreamLineupRecords.lineup(db, campaign: context.campaign)
        let sheet = RunSheet(lineup: lineup, postings: try Postings.offered(db, at: context.campaign), starts: starts,
                             minutes: minutes, host: input.host, context: context)
        let title = try RunQueries.run(db, named: context.campaign)?.title ?? ""
        let html = Self.template.render(sheet.page(title: title.isEmpty ? context.campaign : title, platform: input.platform))
        let file = context.outputURL(forPath: input.out ?? "reports/\(context.campaign)-run-sheet.html")
        try PrintedPage.write(html, to: file, context: context)
        return .completed(outputs: ["postings": .int(lineup.count), "run_sheet": .string(file.path)])
    }
}
