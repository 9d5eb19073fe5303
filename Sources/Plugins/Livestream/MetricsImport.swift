import Foundation
import GRDB
import Ledger
import Workflow

/// A platform's viewer figures (直播数据): per minute or per posting presented — concurrent viewers,
/// views, likes, shares, new followers. Views, likes, shares and followers are what each row adds
/// (they are summed); the peak is the most concurrent viewers of any row. Importing a file again
/// replaces what that file brought.
struct MetricsImport: LedgerKind {
    struct Figures: Sendable {
        var minute: String
        var posting: String
        var numbers: [Int]           // viewers, views, likes, shares, followers
        var platform: String
    }

    static let actionName = "import-metrics"
    static let actionSummary = "Imports a platform's viewer figures (直播数据: online viewers, views, likes, shares, followers)."
    static let noun = "figure row"
    static let numberFields = ["viewers", "views", "likes", "shares", "followers"]
    static let fields = [
        FieldSpec("minute", "时间", aliases: ["分钟", "时刻", "日期时间", "time"]),
        FieldSpec("posting", "讲解岗位", aliases: ["岗位编号", "岗位", "讲解商品", "posting"]),
        FieldSpec("viewers", "在线人数", aliases: ["实时在线人数", "同时在线人数", "在线人数峰值", "最高在线", "viewers"]),
        FieldSpec("views", "观看人次", aliases: ["累计观看人数", "观看人数", "场观", "观看次数", "views"]),
        FieldSpec("likes", "点赞数", aliases: ["点赞", "点赞次数", "likes"]),
        FieldSpec("shares", "分享数", aliases: ["分享", "分享次数", "转发", "shares"]),
        FieldSpec("followers", "新增粉丝", aliases: ["涨粉", "新增关注", "新增粉丝数", "followers"]),
        FieldSpec("platform", "平台", aliases: ["来源平台", "platform"]),
    ]

    static func parse(_ row: RowCells) -> Result<Figures, RowProblem> {
        func text(_ field: String) -> String {
            row[field].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        }
        var numbers: [Int] = []
        for field in numberFields {
            let raw = text(field)
            if raw.isEmpty { numbers.append(0); continue }
            // Platforms write large figures as 1.2万.
            let value = raw.hasSuffix("万") ? Double(raw.dropLast()).map { $0 * 10_000 } : Double(raw)
            guard let value, value >= 0, value < 1e9 else {
                return .failure(.at(row, field, fields: fields, LivestreamMessages.notACount, ["value": raw]))
            }
            numbers.append(Int(value.rounded()))
        }
        guard numbers.contains(where: { $0 > 0 }) || !text("minute").isEmpty || !text("posting").isEmpty else {
            return .failure(.at(row, "viewers", fields: fields, LivestreamMessages.noFigures))
        }
        return .success(Figures(minute: text("minute"), posting: text("posting"), numbers: numbers,
                                platform: LeadImport.platform(text("platform")) ?? text("platform")))
    }

    static func key(of figures: Figures) -> String { figures.minute + "|" + figures.posting + "|" + figures.platform }

    func makeWriter(_ db: Database, options: ImportOptions) throws -> Writer {
        try db.execute(sql: "DELETE FROM livestream_metric WHERE campaign = ? AND source = ?",
                       arguments: [options.campaign ?? "", options.source])
        return Writer(db: db, campaign: options.campaign ?? "", source: options.source,
                      filePlatform: LeadImport.platform(options.source) ?? "")
    }

    struct Writer: LedgerWriter {
        let db: Database
        let campaign: String
        let source: String
        let filePlatform: String
        var linked: Int { 0 }

        mutating func write(_ f: Figures, row: Int) throws -> Result<WriteOutcome, RowProblem> {
            try db.execute(sql: """
                INSERT INTO livestream_metric (campaign, source, platform, minute, posting, viewers, views, likes, shares, followers)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [campaign, source, f.platform.isEmpty ? filePlatform : f.platform, f.minute, f.posting,
                                 f.numbers[0], f.numbers[1], f.numbers[2], f.numbers[3], f.numbers[4]])
            return .success(.inserted)
        }
    }
}

extension ImportKind {
    static let streamMetrics = ImportKind("stream-metrics", MetricsImport(),
                                          summary: ImportKindWords.streamMetrics,
                                          needsCampaign: true)
}
