import BuiltinPlugins
import CampaignServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import PluginKit
import Testing
import Workflow

/// The staff API keeps the rules the command line keeps, in-process through the server's own router:
/// a scan without a gate is refused where the checkpoint names gates, a scan the page kept offline
/// counts when it was made before the gate closed (#32), and a staff token cannot rewrite someone
/// already in the ledger or learn their badge code by typing their ID number (#33).
@Suite struct StaffAPIDoorTests {
    @Test func aStaffTokenCannotRewriteARegisteredPerson() async throws {
        var world = TallyRuleTests.emptyWorld(people: 2)
        world.people[0].labels = ["高校毕业生"]
        var fair = CountingWorld.Campaign(name: "fair", title: "春风行动", kind: .fair)
        fair.registered = [0, 1]
        world.campaigns = [fair]
        var player = try WorldPlayer(world)
        try await player.play()
        let h = player.h
        let now = h.clock.now()
        let (staff, manager) = try await player.pool.write { db in
            (try StaffAccounts.add(db, name: "丙", role: .staff, now: now),
             try StaffAccounts.add(db, name: "丁", role: .manager, now: now))
        }
        let server = StaffServer(environment: ServerEnvironment(workspace: h.workspace, campaign: "fair", checkpoint: "gate",
                                                                clock: h.clock, plugins: BuiltinPlugins.all))
        let person = world.people[0]
        @Sendable func attack() -> [String: Any] {
            ["name": "攻击者", "id_number": person.idNumber, "phone": "13700000000", "township": "假镇", "groups": "退役军人",
             "gate": "north"]
        }
        try await Application(router: server.router()).test(.router) { client in
            let api = StaffAPI(client: client)
            let answer = try await api.post("/api/register", attack(), token: staff)
            #expect(answer.status == 200)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])
            #expect(json["code"] is NSNull, "\(answer.body)")
            #expect(json["newly_registered"] as? Bool == false)
            #expect(json["unchanged_fields"] as? [String] == ["name", "phone", "township", "groups"])
            #expect(json["name"] as? String == "攻**")
            #expect((json["ledger"] as? String)?.hasPrefix("此人已在台账中；所填姓名、手机号、乡镇、人员类别与台账不同") == true)
            let byManager = try await api.post("/api/register", attack(), token: manager)
            #expect(byManager.body.contains("\"changed_fields\":[\"name\",\"phone\",\"township\",\"groups\"]"), "\(byManager.body)")
            #expect(!byManager.body.contains("\"code\":null"))
        }
        let stored = try await player.pool.read { db in
            try String.fetchOne(db, sql: "SELECT name FROM person WHERE id_number = ?", arguments: [person.idNumber])
        }
        #expect(stored == "攻击者")   // the manager's change, not the staff's
        let audited = try await player.pool.read { db in try AuditLog.entries(db).filter { $0.action == "person-changed" } }
        #expect(audited.map(\.actor) == ["丁"])
    }

    @Test func theAPIJudgesScansAsTheCommandLineDoes() async throws {
        var world = TallyRuleTests.emptyWorld(people: 3)
        var fair = CountingWorld.Campaign(name: "fair", title: "春风行动", kind: .fair)
        fair.registered = [0, 1, 2]
        world.campaigns = [fair]
        var player = try WorldPlayer(world)
        try await player.play()
        let h = player.h
        let now = h.clock.now()
        let token = try await player.pool.write { db in try StaffAccounts.add(db, name: "丙", role: .staff, now: now) }
        let server = StaffServer(environment: ServerEnvironment(workspace: h.workspace, campaign: "fair", checkpoint: "gate",
                                                                clock: h.clock, plugins: BuiltinPlugins.all))
        let people = world.people
        try await Application(router: server.router()).test(.router) { client in
            let api = StaffAPI(client: client)
            let noGate = try await api.post("/api/checkin", ["input": people[0].idNumber], token: token)
            #expect(noGate.status == 200)
            #expect(noGate.body.contains("\"result\":\"rejected\""), "\(noGate.body)")
            #expect(noGate.body.contains("say which gate this scan is at: gate has north, south"), "\(noGate.body)")
            let atNorth = try await api.post("/api/checkin", ["input": people[0].idNumber, "gate": "north"], token: token)
            #expect(atNorth.body.contains("\"result\":\"accepted\""), "\(atNorth.body)")
        }
        _ = try await h.engine(waitHorizon: .zero).signal(campaign: "fair", step: "gate", by: "丙", note: nil)
        h.clock.advance(by: 120)
        try await Application(router: server.router()).test(.router) { client in
            let api = StaffAPI(client: client)
            // Kept five minutes on the phone: made three minutes before the close.
            let kept = try await api.post("/api/checkin", ["input": people[1].idNumber, "gate": "south", "kept_ms": 300_000],
                                          token: token)
            #expect(kept.body.contains("\"result\":\"accepted\""), "\(kept.body)")
            let fresh = try await api.post("/api/checkin", ["input": people[2].idNumber, "gate": "south"], token: token)
            #expect(fresh.body.contains("\"result\":\"rejected\""), "\(fresh.body)")
        }
        let attended = try await player.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM scan WHERE result = 'accepted'") }
        #expect(attended == 2)
    }
}
