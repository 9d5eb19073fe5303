import BuiltinPlugins
import CampaignServer
import CampaignTesting
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Ledger
import PluginKit
import Tally
import Testing
import Workflow
import WorkflowTesting
@testable import Monitoring

/// One-to-one help: everyone wanting work without it given out fairly, the same helper the next
/// month, a helper seeing only their own people (with full numbers), and nobody but the helper or a
/// manager recording a result — through the server's own router, as the phone does.
@Suite struct OneToOneHelpTests {
    func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, _ body: [String: Any]? = nil,
              token: String) async throws -> (status: Int, body: String) {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        return try await client.execute(uri: path, method: method,
                                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                        body: data.map { ByteBuffer(bytes: $0) }) { (Int($0.status.code), String(buffer: $0.body)) }
    }

    func month(_ h: EngineHarness, _ name: String, _ month: String, sheet: String) throws -> ValidatedWorkflow {
        try h.workflow("""
            name: \(name)
            kind: monitoring
            steps:
              - { id: ledger, uses: registration.import-people, with: { file: people.csv, register: false } }
              - { id: month, needs: ledger, uses: monitoring.month, with: { month: "\(month)" } }
              - { id: sheet, needs: month, uses: monitoring.import-sheet, with: { file: \(sheet) } }
              - { id: compare, needs: sheet, uses: monitoring.compare }
              - { id: help, needs: compare, uses: monitoring.help, with: { staff: [王芳, 李明, 赵强], for: 20d } }
            """, file: "\(name).yaml")
    }

    @Test func helpIsGivenFairlyKeptByTheSameHelperAndRecordedOnlyByThem() async throws {
        let h = try EngineHarness(plugins: BuiltinPlugins.engines)
        var generator = LedgerGenerator(seed: 21)
        let people = (0..<8).map { _ in generator.personRow() }
        _ = try h.directory.write("people.csv", ([LedgerGenerator.peopleHeader] + people).map { $0.joined(separator: ",") }
            .joined(separator: "\n"))
        // Seven want work and have none; one works.
        let sheet = (["身份证号,是否务工,务工地域,就业意愿,未就业原因"]
                     + people.prefix(7).map { "\($0[1]),否,,有,技能不足" } + ["\(people[7][1]),是,省外,,"]).joined(separator: "\n")
        _ = try h.directory.write("march.csv", sheet)
        let engine = h.engine(waitHorizon: .zero)
        let march = try await engine.start(try month(h, "march", "2026-03", sheet: "march.csv"))
        #expect(march.run.status == .waiting)
        let given = try await h.workspace.pool.read { db in try MonitoringRecords.help(db, campaign: "march") }
        #expect(given.count == 7)
        let loads = Dictionary(grouping: given, by: \.staff).mapValues(\.count)
        #expect(loads == ["王芳": 3, "李明": 2, "赵强": 2])

        let now = h.clock.now()
        let (wang, li, manager) = try await h.workspace.pool.write { db in
            (try StaffAccounts.add(db, name: "王芳", role: .staff, now: now), try StaffAccounts.add(db, name: "李明", role: .staff, now: now),
             try StaffAccounts.add(db, name: "刘主任", role: .manager, now: now))
        }
        let wangs = given.filter { $0.staff == "王芳" }.map(\.person)
        let lis = given.filter { $0.staff == "李明" }.map(\.person)
        let server = StaffServer(environment: ServerEnvironment(workspace: h.workspace, campaign: "march", checkpoint: "gate",
                                                                clock: h.clock, plugins: BuiltinPlugins.all))
        try await Application(router: server.router()).test(.router) { client in
            let mine = try await call(client, .get, "/api/monitoring/help", token: wang)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(mine.body.utf8)) as? [[String: Any]])
            #expect(Set(list.compactMap { ($0["person"] as? NSNumber)?.int64Value }) == Set(wangs))
            #expect(list.allSatisfy { ($0["phone"] as? String).map { $0.isEmpty || !$0.contains("*") } ?? false }, "\(mine.body)")
            #expect(list.first?["reason"] as? String == "技能不足")
            let everyone = try await call(client, .get, "/api/monitoring/help?all=1", token: wang)
            #expect(everyone.status == 403)
            let all = try await call(client, .get, "/api/monitoring/help?all=1", token: manager)
            #expect(all.body.contains("*"), "\(all.body)")
            let placed = try await call(client, .post, "/api/monitoring/help/record", ["person": wangs[0], "result": "placed"], token: wang)
            #expect(placed.status == 200, "\(placed.body)")
            let notTheirs = try await call(client, .post, "/api/monitoring/help/record", ["person": wangs[1], "result": "declined"],
                                           token: li)
            #expect(notTheirs.status == 403)
            #expect(notTheirs.body.contains("\"code\":\"monitoring.someone-elses-help\""), "\(notTheirs.body)")
            let byManager = try await call(client, .post, "/api/monitoring/help/record", ["person": lis[0], "result": "public-job"],
                                           token: manager)
            #expect(byManager.status == 200, "\(byManager.body)")
            let contacted = try await call(client, .post, "/api/monitoring/help/record", ["person": wangs[1], "result": "contacted"],
                                           token: wang)
            #expect(contacted.status == 200)
            let bad = try await call(client, .post, "/api/monitoring/help/record", ["person": wangs[1], "result": "maybe"], token: wang)
            #expect(bad.status == 400)
            #expect(bad.body.contains("\"code\":\"monitoring.not-a-result\""), "\(bad.body)")
        }
        let tally = try await h.workspace.pool.read { db in
            try TallyQuery.run(db, TallyRequest(campaigns: ["march"]), sections: BuiltinPlugins.all.tallySections, now: h.clock.now())
        }.funnel
        #expect(tally.wanting_work == 7)
        #expect(tally.helped == 3)
        #expect(tally.helped_into_work == 2)

        // April: the two placed now work; the five others still want work and keep their helper.
        let placedIDs = try await h.workspace.pool.read { db in
            Set(try People.summaries(db, ids: [wangs[0], lis[0]]).values.map(\.idNumber))
        }
        let april = (["身份证号,是否务工,务工地域,就业意愿"] + people.prefix(7).map { person in
            placedIDs.contains(person[1]) ? "\(person[1]),是,县内," : "\(person[1]),否,,有"
        }).joined(separator: "\n")
        _ = try h.directory.write("april.csv", april)
        h.clock.advance(by: 31 * 86_400)
        _ = try await engine.start(try month(h, "april", "2026-04", sheet: "april.csv"))
        let aprilHelp = try await h.workspace.pool.read { db in try MonitoringRecords.help(db, campaign: "april") }
        #expect(aprilHelp.count == 5)
        for help in aprilHelp {
            #expect(help.staff == given.first { $0.person == help.person }?.staff, "person \(help.person) changed helper")
        }
    }
}
