import BuiltinPlugins
import Foundation
import GRDB
import Scheduling
import Testing
import Workflow
import WorkflowTesting

/// Booths: promises kept, accessible booths for those that need them, industries in zones along the
/// walking order, and what cannot be satisfied said with the names of those involved.
@Suite struct BoothPlannerTests {
    static let exhibitors: [BoothPlanner.Exhibitor] = [
        .init(name: "甲电子", industry: "电子制造"), .init(name: "乙电子", industry: "电子制造"),
        .init(name: "丙服装", industry: "纺织服装"), .init(name: "丁物流", industry: "交通物流", needsAccessible: true),
        .init(name: "戊电子", industry: "电子制造", pinned: "B03"), .init(name: "己服装", industry: "纺织服装"),
    ]

    @Test func promisesAccessibilityAndZonesAreKept() throws {
        let booths = BoothPlanner.grid(rows: 2, perRow: 4, accessibleRows: [0])
        #expect(booths.map(\.id) == ["A01", "A02", "A03", "A04", "B04", "B03", "B02", "B01"])   // walking order
        let assignment = try BoothPlanner.assign(Self.exhibitors, to: booths).get()
        let boothOf = { (name: String) in booths[assignment[Self.exhibitors.firstIndex { $0.name == name }!]].id }
        #expect(boothOf("戊电子") == "B03")
        #expect(booths[assignment[3]].accessible)
        // Each industry's booths are consecutive along the walk (the pinned one aside).
        let walk = assignment.enumerated().filter { Self.exhibitors[$0.offset].pinned == nil
            && !Self.exhibitors[$0.offset].needsAccessible }
            .sorted { $0.element < $1.element }.map { Self.exhibitors[$0.offset].industry }
        var seen: [String] = []
        for industry in walk where seen.last != industry {
            #expect(!seen.contains(industry), "\(industry) is split: \(walk)")
            seen.append(industry)
        }
        #expect(Set(assignment).count == assignment.count)
    }

    @Test func whatCannotBeSatisfiedNamesWhoAndWhere() {
        var exhibitors = Self.exhibitors + [.init(name: "庚食品", industry: "食品")]
        exhibitors[0].pinned = "B03"          // promised to 戊电子 too
        exhibitors[1].pinned = "Z99"
        exhibitors[2].needsAccessible = true
        exhibitors[2].pinned = "B01"
        let booths = BoothPlanner.grid(rows: 2, perRow: 3, accessibleRows: [])
        guard case .failure(let problems) = BoothPlanner.assign(exhibitors, to: booths) else {
            Issue.record("an impossible layout was accepted")
            return
        }
        #expect(problems.all.map(\.en) == [
            "乙电子 is promised booth Z99, which the venue does not have",
            "丙服装 needs an accessible booth, but its promised B01 is not one",
            "booth B03 is promised to both 甲电子 and 戊电子",
            "7 enterprises for 6 booths",
            "1 enterprise needs an accessible booth; 0 are left",
        ])
        #expect(problems.all[2].zh == "展位 B03 同时预定给了 甲电子 和 戊电子")
    }

    @Test func theStepWritesAPrintableMap() async throws {
        let h = try EngineHarness(plugins: BuiltinPlugins.engines)
        _ = try h.directory.write("enterprises.csv", """
            企业名称,统一社会信用代码,行业
            贵州示范电子科技有限公司,913505828PBRNYTPLA,电子制造
            示范县顺达物流有限公司,913302063BFU7CH3JQ,交通物流
            """)
        let run = try await h.engine(waitHorizon: .zero).start(try h.workflow("""
            name: fair
            steps:
              - id: enterprises
                uses: registration.import-enterprises
                with: { file: enterprises.csv }
              - id: booths
                needs: enterprises
                uses: schedule.booths
                with: { rows: 2, per_row: 3, pinned: { 示范县顺达物流有限公司: B02 }, out: map.html }
            """))
        #expect(run.run.status == .completed, "\(run.steps.map { $0.error ?? "" })")
        let outputs = try #require(run.steps.first { $0.stepId == "booths" }?.outputs)
        #expect(outputs["enterprises"] == .int(2))
        #expect(outputs["zones"] == .int(2))
        let html = try String(contentsOf: h.directory.url.appendingPathComponent("map.html"), encoding: .utf8)
        #expect(html.contains("data-booth=\"B02\""))
        #expect(html.contains("<td>B02</td><td>示范县顺达物流有限公司</td><td>交通物流</td>"))
        #expect(html.contains("size: A4 landscape"))
        let stored = try await h.workspace.pool.read { db in
            try String.fetchAll(db, sql: "SELECT booth || ' ' || zone FROM schedule_booth ORDER BY booth")
        }
        #expect(stored == ["A01 电子制造", "B02 交通物流"])

        // A promise the venue cannot keep fails the step, saying so.
        let bad = try await h.engine(waitHorizon: .zero).start(try h.workflow("""
            name: fair2
            steps:
              - id: enterprises
                uses: registration.import-enterprises
                with: { file: enterprises.csv }
              - id: booths
                needs: enterprises
                uses: schedule.booths
                with: { rows: 1, per_row: 1, out: map2.html }
            """, file: "fair2.yaml"))
        #expect(bad.run.status == .failed)
        #expect(bad.steps.first { $0.stepId == "booths" }?.error == "2 家企业，只有 1 个展位 / 2 enterprises for 1 booth")
    }

    @Test func aVenueDrawnByTheOrganizerReplacesTheGrid() async throws {
        let h = try EngineHarness(plugins: BuiltinPlugins.engines)
        _ = try h.directory.write("enterprises.csv", """
            企业名称,统一社会信用代码,行业
            贵州示范电子科技有限公司,913505828PBRNYTPLA,电子制造
            示范县顺达物流有限公司,913302063BFU7CH3JQ,交通物流
            """)
        _ = try h.directory.write("venue.csv", """
            展位号,列,行,无障碍
            东1,0,0,否
            东2,1,0,是
            东3,1,0,否
            西1,0,2,maybe
            西2,3,2,
            """)
        let run = try await h.engine(waitHorizon: .zero).start(try h.workflow("""
            name: fair
            steps:
              - id: enterprises
                uses: registration.import-enterprises
                with: { file: enterprises.csv }
              - id: venue
                uses: schedule.import-venue
                with: { file: venue.csv }
              - id: booths
                needs: [enterprises, venue]
                uses: schedule.booths
                with: { accessible_for: [示范县顺达物流有限公司], out: map.html }
            """))
        #expect(run.run.status == .completed, "\(run.steps.map { $0.error ?? "" })")
        let venue = try #require(run.steps.first { $0.stepId == "venue" }?.outputs)
        #expect(venue["inserted"] == .int(3))
        #expect(venue["rejected"] == .int(2))
        let rejects = try String(contentsOf: h.directory.url.appendingPathComponent("venue.rejects.csv"), encoding: .utf8)
        // The reasons in Chinese: the step's process has no CAMPAIGN_LANG.
        #expect(rejects.contains("展位 东3 与展位 东2 在同一位置（第 1 列，第 0 行）"))
        #expect(rejects.contains("“maybe”不是“是”或“否”"))
        #expect(run.steps.first { $0.stepId == "booths" }?.outputs["booths"] == .int(3))
        let stored = try await h.workspace.pool.read { db in
            try String.fetchAll(db, sql: "SELECT booth || ' ' || zone FROM schedule_booth ORDER BY zone")
        }
        // The accessible booth goes to the enterprise that needs it; the other takes the first along the walk.
        #expect(stored == ["东2 交通物流", "东1 电子制造"])
    }
}
