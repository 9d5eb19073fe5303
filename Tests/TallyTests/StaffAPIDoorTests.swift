import BuiltinPlugins
import CampaignServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import PluginKit
import Testing
import Workflow

/// The staff API keeps the rules the command line keeps (#32), in-process through the server's own
/// router: a scan without a gate is refused where the checkpoint names gates, and a scan the page
/// kept offline counts when it was made before the gate closed.
@Suite struct StaffAPIDoorTests {
    @Test func theAPIJudgesScansAsTheCommandLineDoes() async throws {
        var world = TallyRuleTests.emptyWorld(people: 3)
        var fair = CountingWorld.Campaign(name: "fair", title: "春风行动", kind: .fair)
        fair.registered = [0, 1, 2]
        world.campaigns = [fair]
        var player = try WorldPlayer(world)
        try await player.play()
        let h = player.h
        let now = h.clock.now()
        let token = try await player.pool.write { db in try StaffAccounts.add(name: "丙", role: .staff, now: now, db: db) }
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
