import BuiltinPlugins
import CampaignTesting
import Foundation
import Tally
import Testing
import Workflow

/// Periods select campaigns by the day they are held (`date:`), not the day a clerk started them
/// in the tool; the report says which period it covers.
@Suite struct CampaignPeriodTests {
    /// Starts a campaign held on each day (`date:`), beside the harness's own "fair".
    static func start(_ h: LedgerHarness, _ campaigns: [(name: String, day: String)]) async throws {
        for (name, day) in campaigns {
            let workflow = try h.engine.workflow("""
                name: \(name)
                date: \(day)
                steps:
                  - id: gate
                    uses: checkin.gate
                """, file: "\(name).yaml")
            _ = try await h.engine.engine(waitHorizon: .zero).start(workflow)
        }
    }

    @Test func aFairEnteredInMarchButHeldInAprilCountsInApril() async throws {
        let h = try await LedgerHarness()   // "fair": no date, so the day it was started
        try await Self.start(h, [("march-fair", "2026-03-01"), ("april-fair", "2026-04-15")])
        let now = h.engine.clock.now()
        let started = String(TimeFormats.display(now, timeZone: WorkflowDefinition.defaultTimeZone).prefix(10))
        func tally(from: String?, to: String?, _ names: [String] = []) async throws -> TallyReport {
            let request = TallyRequest(campaigns: names, all: names.isEmpty, from: from, to: to)
            return try await h.pool.read { db in
                try TallyQuery.run(db, request, sections: BuiltinPlugins.all.tallySections, now: now)
            }
        }
        let april = try await tally(from: "2026-04-01", to: "2026-04-30")
        #expect(april.campaigns.map(\.name) == ["april-fair"])
        #expect(april.campaigns.first?.heldOn == "2026-04-15")
        #expect(april.period == "2026-04-01 – 2026-04-30")
        let spring = try await tally(from: nil, to: nil, ["march-fair", "april-fair"])
        #expect(spring.period == "2026-03-01 – 2026-04-15")
        let undated = try await tally(from: nil, to: nil, ["fair"])
        #expect(undated.campaigns.first?.heldOn == started)
        let html = TallyHTML.render(spring, lang: .zh)
        #expect(html.contains("时间：2026-03-01 – 2026-04-15"))
        // A period without a campaign is a tally of zeros that says so, in every format (a comparison needs it).
        let may = try await tally(from: "2026-05-01", to: "2026-05-31")
        #expect(may.campaigns.isEmpty)
        #expect(may.funnel.registered == 0 && may.funnel.placed == 0)
        #expect(may.heading(.zh) == "本期没有举办活动")
        #expect(TallyHTML.render(may, lang: .en).contains("No campaign held in this period"))
        #expect(TallyTextReport.table(may, lang: .zh).contains("时间: 2026-05-01 – 2026-05-31"))
    }

    /// `--compare-from/--compare-to`: an earlier period's figures and the change beside this one's, in
    /// every format; an earlier period without a campaign compares as zeros, its change rate a dash.
    @Test func anEarlierPeriodStandsBesideWithTheChange() async throws {
        let h = try await LedgerHarness()
        try await Self.start(h, [("fair-2025", "2025-03-01"), ("march-fair", "2026-03-01"), ("april-fair", "2026-04-15")])
        let now = h.engine.clock.now()
        let sections = BuiltinPlugins.all.tallySections
        func compared(with from: String, _ to: String) async throws -> TallyReport {
            try await h.pool.read { db in
                let report = try TallyQuery.run(db, TallyRequest(all: true, from: "2026-01-01", to: "2026-12-31"),
                                                sections: sections, now: now)
                return try TallyQuery.compare(db, report, from: from, to: to, sections: sections, now: now)
            }
        }
        let lastYear = try await compared(with: "2025-01-01", "2025-12-31")
        let campaigns = try #require(lastYear.measures.first { $0.key == "campaigns" })
        let earlier = try #require(lastYear.comparison)
        #expect(earlier.campaigns.map(\.name) == ["fair-2025"])
        // This year: the harness's own fair, march-fair and april-fair.
        #expect(earlier.funnel[campaigns.key] == 1 && lastYear.funnel[campaigns.key] == 3)
        #expect(earlier.change(campaigns, now: lastYear.funnel) == 2)
        #expect(earlier.changeRate(campaigns, now: lastYear.funnel) == 2.0)
        // Breakdowns compare their headline measure row by row (the earlier count, the change).
        let byTownship = try await h.pool.read { db in
            let report = try TallyQuery.run(db, TallyRequest(all: true, from: "2026-01-01", to: "2026-12-31", breakdowns: [.township]),
                                            sections: sections, now: now)
            return try TallyQuery.compare(db, report, from: "2025-01-01", to: "2025-12-31", sections: sections, now: now)
        }
        let townText = TallyTextReport.table(byTownship, lang: .zh)
        #expect(townText.contains("对比期 成功就业") && townText.contains("成功就业 增减"), "\(townText)")
        #expect(TallyTextReport.csv(byTownship, lang: .zh).contains("乡镇（对比期）,total,合计,"))
        let townJSON = try #require(try JSONSerialization.jsonObject(with: TallyJSON.encode(byTownship)) as? [String: Any])
        let townBreakdown = try #require((townJSON["breakdowns"] as? [[String: Any]])?.first)
        #expect((townBreakdown["earlier"] as? [String: Any])?["total"] is [String: Any])
        let text = TallyTextReport.table(lastYear, lang: .zh)
        #expect(text.contains("对比期") && text.contains("增减率"), "\(text)")
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("活动场次") })
        #expect(line.hasSuffix("1    +2  +200.0%"), "\(line)")
        #expect(text.contains("对比期：2025-01-01 – 2025-12-31（fair-2025）"))
        #expect(TallyTextReport.csv(lastYear, lang: .zh).contains("对比期,2025-01-01 – 2025-12-31,"))
        #expect(TallyHTML.render(lastYear, lang: .en).contains("Earlier period: 2025-01-01 – 2025-12-31 (fair-2025)"))

        // An earlier period with no campaign: zeros, every count a rise, no rate to give.
        let empty = try await compared(with: "2024-01-01", "2024-12-31")
        let object = try #require(try JSONSerialization.jsonObject(with: TallyJSON.encode(empty)) as? [String: Any])
        let comparison = try #require(object["comparison"] as? [String: Any])
        #expect(comparison["campaigns"] as? [String] == [])
        #expect((comparison["change"] as? [String: Int])?["campaigns"] == 3)
        #expect((comparison["change_rate"] as? [String: Any])?["campaigns"] is NSNull)
        #expect(TallyTextReport.table(empty, lang: .zh).contains("对比期：2024-01-01 – 2024-12-31（本期没有举办活动，按 0 计）"))
    }

    @Test func aDateThatIsNoDayIsRefusedAtItsLine() {
        let validator = Validator(registry: BuiltinPlugins.registry)
        let found = validator.check(file: SourceFile(path: "f.yaml", text: """
            name: f
            date: 2026-02-30
            steps:
              - id: a
                uses: core.log
                with: { message: hi }
            """)).1.filter { $0.severity == .error }
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["2:7"])
        #expect(found.first?.message == "'date' must be the day the campaign is held, such as 2026-03-01 (found '2026-02-30')")
    }
}

