import CampaignTesting
import Foundation
import GRDB
import Ledger
import Testing
import WorkflowTesting

@Suite struct PersonPlacesTests {
    /// The places are read on a second connection a moment before the registrations: someone
    /// registered in between is looked up on the caller's connection, not left out.
    @Test func someoneRegisteredAfterTheLedgerWasReadIsLookedUp() async throws {
        let f = try await OutcomeFixture()
        var places = try await f.pool.read { db in try PersonPlaces.load(db) }
        let walkIn = WalkIn(campaign: "fair", name: "赵敏", idNumber: "522426199606060017", township: "龙泉乡", village: "石门村",
                            groups: "退役军人")
        let now = f.now
        _ = try await f.pool.write { db in try Registrations.registerWalkIn(db, walkIn, now: now) }
        let id = try await f.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT id FROM person WHERE id_number = '522426199606060017'")!
        }
        #expect(places.place(of: id) == -1)
        let place = try await f.pool.read { [places] db in
            var copy = places
            let place = try copy.lookUp(id, with: PersonPlaces.lookUpStatement(db))
            return (place, copy)
        }
        places = place.1
        #expect(places.places[Int(place.0)] == ("龙泉乡", "石门村"))
        #expect(places.groups[id] == TargetGroup.veteran.set)
        // Known places are shared, not duplicated.
        let zhang = try await f.pool.read { db in try Int.fetchOne(db, sql: "SELECT id FROM person WHERE id_number = ?",
                                                                    arguments: [OutcomeFixture.zhang])! }
        #expect(places.places[Int(places.place(of: zhang))] == ("城关镇", "东街村"))
        #expect(places.places.count == 5)   // 东街村 西街村 新庄村 渡口村 (from the fixture) and 石门村
    }
}
