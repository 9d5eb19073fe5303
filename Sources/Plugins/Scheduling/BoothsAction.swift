import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// `schedule.booths`: gives each enterprise the campaign invited a booth of the venue — pinned
/// promises kept, accessible booths for those that need one, the rest grouped by industry into zones
/// along the walking order — and writes a printable booth map (HTML with SVG).
struct BoothsAction: StepAction {
    struct Input: Decodable, Sendable {
        var rows: Int
        var per_row: Int
        var accessible_rows: Int
        var pinned: [String: String]?
        var accessible_for: [String]?
        var out: String?
    }

    static let descriptor = ActionDescriptor(
        name: "booths",
        summary: "Assigns the invited enterprises to the venue's booths by industry zone, keeping pinned and accessible "
            + "booths; writes a printable booth map.",
        parameters: [
            ParameterSpec("rows", .integer, default: .int(4),
                          doc: "Rows of booths in the venue (A, B, C, …), unless the campaign imported its venue (展位表)."),
            ParameterSpec("per_row", .integer, default: .int(15), doc: "Booths in each row (A01 … A15)."),
            ParameterSpec("accessible_rows", .integer, default: .int(1),
                          doc: "How many rows, from the entrance (row A), are accessible (ramp, ground level)."),
            ParameterSpec("pinned", .object, doc: "Booths promised: enterprise name or credit code → booth, e.g. "
                          + "{ 贵州示范电子科技有限公司: A01 }."),
            ParameterSpec("accessible_for", .stringList, doc: "Enterprises (name or credit code) that need an accessible booth."),
            ParameterSpec("out", .outputPath, doc: "The booth map (HTML, or PDF for a name ending in .pdf); default reports/CAMPAIGN-booths.html."),
        ],
        outputs: [
            OutputSpec("booths", doc: "Booths in the venue."),
            OutputSpec("enterprises", doc: "Enterprises given a booth."),
            OutputSpec("zones", doc: "Industry zones."),
            OutputSpec("map", doc: "The booth map's path."),
        ],
        check: { given in
            var problems: [ParameterProblem] = []
            for name in ["rows", "per_row"] {
                if case .int(let n) = given[name], !(1...60).contains(n) {
                    problems.append(ParameterProblem(parameter: name, ParameterMessages.outOfRange(
                        ["name": name, "low": "1", "high": "60", "value": "\(n)"])))
                }
            }
            return problems
        }
    )

    struct Prepared: Sendable {
        var rows: [(booth: BoothPlanner.Booth, code: String, zone: String)]
        var html: String
        var map: URL
        var zones: Int
        var booths: Int
    }

    func prepare(_ input: Input, context: StepContext) async throws -> Prepared {
        let campaign = context.campaign
        let invited = try await context.reader.read { db in try Enterprises.invited(db, at: campaign) }
        guard !invited.isEmpty else {
            throw StepFailure(context.say(SchedulingStepMessages.noEnterprises, ["campaign": campaign]), retryable: false)
        }
        func matches(_ key: String, _ enterprise: InvitedEnterprise) -> Bool {
            let key = key.trimmingCharacters(in: .whitespaces)
            return key == enterprise.name || key.uppercased() == enterprise.creditCode
        }
        var unknown: [String] = []
        for key in Array((input.pinned ?? [:]).keys) + (input.accessible_for ?? [])
            where !invited.contains(where: { matches(key, $0) }) { unknown.append(key) }
        guard unknown.isEmpty else {
            throw StepFailure(context.say(SchedulingStepMessages.notInvited,
                                          ["names": unknown.joined(separator: ", "), "campaign": campaign]), retryable: false)
        }
        let exhibitors = invited.map { enterprise in
            BoothPlanner.Exhibitor(
                name: enterprise.name, industry: enterprise.industry.isEmpty ? "其他" : enterprise.industry,
                needsAccessible: (input.accessible_for ?? []).contains { matches($0, enterprise) },
                pinned: (input.pinned ?? [:]).first { matches($0.key, enterprise) }?.value)
        }
        // The venue the organizer drew (campaign import venue), else a grid of rows × per_row.
        let venue = try await context.reader.read { db in try Self.venue(db, campaign: campaign) }
        let booths = venue.isEmpty
            ? BoothPlanner.grid(rows: input.rows, perRow: input.per_row, accessibleRows: Set(0..<max(0, input.accessible_rows)))
            : venue
        let assignment: [Int]
        switch BoothPlanner.assign(exhibitors, to: booths) {
        case .success(let result): assignment = result
        case .failure(let problems):
            throw StepFailure(problems.all.map { "\($0.zh) / \($0.en)" }.joined(separator: "; "), retryable: false)
        }
        let rows = assignment.enumerated().map { e, b in (booth: booths[b], code: invited[e].creditCode,
                                                          zone: exhibitors[e].industry) }
        let map = context.outputURL(forPath: input.out ?? "reports/\(campaign)-booths.html")
        let html = BoothMap.html(title: "\(campaign) 展位图", booths: booths,
                                 placed: Dictionary(assignment.enumerated().map { (booths[$1].id, exhibitors[$0]) },
                                                    uniquingKeysWith: { first, _ in first }))
        return Prepared(rows: rows, html: html, map: map, zones: Set(exhibitors.map(\.industry)).count, booths: booths.count)
    }

    static func venue(_ db: Database, campaign: String) throws -> [BoothPlanner.Booth] {
        try Row.fetchAll(db, sql: "SELECT booth, x, y, accessible FROM schedule_venue WHERE campaign = ? ORDER BY position",
                         arguments: [campaign]).map {
            BoothPlanner.Booth(id: $0["booth"], x: $0["x"], y: $0["y"], accessible: $0["accessible"])
        }
    }

    func commit(_ db: Database, _ prepared: Prepared, input: Input, context: StepContext) throws -> StepOutcome {
        try db.execute(sql: "DELETE FROM schedule_booth WHERE campaign = ?", arguments: [context.campaign])
        let insert = try db.makeStatement(sql: """
            INSERT INTO schedule_booth (campaign, booth, credit_code, x, y, accessible, zone) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for row in prepared.rows {
            try insert.execute(arguments: [context.campaign, row.booth.id, row.code, row.booth.x, row.booth.y,
                                           row.booth.accessible, row.zone])
        }
        // The file last: if it cannot be written, the transaction (and the step) fails with nothing half-done.
        try PrintedPage.write(prepared.html, to: prepared.map, context: context)
        return .completed(outputs: ["booths": .int(prepared.booths), "enterprises": .int(prepared.rows.count),
                                    "zones": .int(prepared.zones), "map": .string(prepared.map.path)])
    }
}
