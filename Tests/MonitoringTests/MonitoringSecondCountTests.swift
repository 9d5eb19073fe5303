import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Ledger
import Tally
import Testing
import Workflow
import WorkflowTesting
@testable import Monitoring

/// Three months of monitoring on random counties: the test writes each month's sheet from its own
/// account of every worker (working or not, where, since when, wish to work), works out the changes
/// and the figures by the README's rules — written here again, on the sheet's own words — and compares
/// them with the compare step's outputs, each month's tally, and the quarter's tally (人次 and 人数).
@Suite struct MonitoringSecondCountTests {
    struct Worker: Equatable {
        var area: String        // "" not working, 县内, 省内县外, 省外
        var since: String
        var wish: Bool
        var working: Bool { !area.isEmpty }
    }

    @Test(arguments: 1...5) func everyFigureMatchesASecondCount(seed: Int) async throws {
        var random = SplitMix64(seed: UInt64(seed) &* 31)
        func roll(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let h = try EngineHarness(plugins: BuiltinPlugins.engines)
        var generator = LedgerGenerator(seed: UInt64(seed))
        let people = (0..<(30 + roll(40))).map { _ in generator.personRow() }
        _ = try h.directory.write("people.csv", ([LedgerGenerator.peopleHeader] + people).map { $0.joined(separator: ",") }
            .joined(separator: "\n"))
        let months = ["2026-01", "2026-02", "2026-03"]
        var sheets: [[String: Worker]] = []
        var last: [String: Worker] = [:]
        for _ in months {
            var sheet: [String: Worker] = [:]
            for person in people where roll(10) > 0 {
                let id = person[1]
                if let before = last[id], roll(3) > 0 { sheet[id] = before; continue }
                let area = ["", "县内", "省内县外", "省外", "省外"][roll(5)]
                sheet[id] = Worker(area: area, since: area == "省外" && roll(2) == 0 ? ["2025-10-01", "2026-01", "2026-02-15"][roll(3)] : "",
                                   wish: roll(2) == 0)
            }
            sheets.append(sheet)
            last = sheet
        }
        for (k, sheet) in sheets.enumerated() {
            let rows = sheet.sorted { $0.key < $1.key }.map { id, w in
                "\(id),\(w.working ? "是" : "否"),\(w.area),\(w.since),\(w.working ? "" : (w.wish ? "有" : "无"))"
            }
            _ = try h.directory.write("m\(k).csv", (["身份证号,是否务工,务工地域,外出时间,就业意愿"] + rows).joined(separator: "\n"))
        }
        var tallies: [TallyCounts] = []
        for (k, month) in months.enumerated() {
            let workflow = try h.workflow("""
                name: m\(k)
                kind: monitoring
                date: \(month)-01
                steps:
                  - { id: ledger, uses: registration.import-people, with: { file: people.csv, register: false } }
                  - { id: month, needs: ledger, uses: monitoring.month, with: { month: "\(month)" } }
                  - { id: sheet, needs: month, uses: monitoring.import-sheet, with: { file: m\(k).csv } }
                  - { id: compare, needs: sheet, uses: monitoring.compare }
                """, file: "m\(k).yaml")
            let run = try await h.engine().start(workflow)
            #expect(run.run.status == .completed)
            let outputs = try #require(run.steps.first { $0.stepId == "compare" }?.outputs)

            // The second count, on the sheet's own words.
            let now = sheets[k], before = k > 0 ? sheets[k - 1] : nil, twoBefore = k > 1 ? sheets[k - 2] : nil
            func outside(_ w: Worker?) -> Bool { w.map { $0.area == "省内县外" || $0.area == "省外" } ?? false }
            func away(_ w: Worker?) -> Bool { w?.area == "省外" }
            var expected: [String: Int] = ["monitored": now.count, "working": now.values.filter(\.working).count,
                                           "out_of_province": now.values.filter { away($0) }.count,
                                           "wanting_work": now.values.filter { !$0.working && $0.wish }.count]
            var unemployed = 0, returned = 0, newlyOut = 0, newlyMonitored = 0, awayThree = 0
            for (id, w) in now {
                if away(w) {
                    let sinceMonth = String(w.since.prefix(7))
                    if !w.since.isEmpty ? sinceMonth <= ["2025-10", "2025-11", "2025-12"][k] : (away(before?[id]) && away(twoBefore?[id])) {
                        awayThree += 1
                    }
                }
                guard let before else { continue }
                guard let b = before[id] else { newlyMonitored += 1; continue }
                if b.working && !w.working { unemployed += 1 }
                if outside(b) && (!w.working || w.area == "县内") { returned += 1 }
                if away(w) && !away(b) { newlyOut += 1 }
            }
            expected["newly_unemployed"] = unemployed
            expected["returned_home"] = returned
            expected["newly_out_of_province"] = newlyOut
            expected["newly_monitored"] = newlyMonitored
            expected["away_3_months"] = awayThree
            for (key, value) in expected { #expect(outputs[key] == .int(value), "month \(month) \(key)") }

            let tally = try await h.workspace.pool.read { db in
                try TallyQuery.run(db, TallyRequest(campaigns: ["m\(k)"]), sections: BuiltinPlugins.all.tallySections, now: h.clock.now())
            }.funnel
            #expect(tally.monitored_workers == now.count)
            #expect(tally.working == expected["working"])
            #expect(tally.working_outside_county == now.values.filter { outside($0) }.count)
            #expect(tally.working_out_of_province == expected["out_of_province"])
            #expect(tally.out_of_province_3_months == awayThree)
            #expect(tally.newly_unemployed == unemployed)
            #expect(tally.returned_home == returned)
            #expect(tally.newly_out_of_province == newlyOut)
            #expect(tally.wanting_work == expected["wanting_work"])
            tallies.append(tally)
        }
        // The quarter: person-months (人次) add up; 人数 counts each person once.
        let quarter = try await h.workspace.pool.read { db in
            try TallyQuery.run(db, TallyRequest(campaigns: ["m0", "m1", "m2"]), sections: BuiltinPlugins.all.tallySections,
                               now: h.clock.now())
        }
        #expect(quarter.funnel.working == tallies.compactMap(\.working).reduce(0, +))
        let everWorking = Set(sheets.flatMap { $0.filter(\.value.working).keys })
        #expect(quarter.distinctPeople?["working"] == everWorking.count)
    }
}
