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

    /// Thousands of places, people of each scattered through the ledger, a village name under two
    /// townships, a blank village: each person reads back their own place, and each place is held once
    /// (the table of places grows and probes past its collisions).
    @Test func everyPersonHasTheirOwnPlaceAmongThousands() async throws {
        let h = try await LedgerHarness()
        let people = 30_000
        @Sendable func township(_ i: Int) -> String { "第\(i * 7 % 40)镇" }
        @Sendable func village(_ i: Int) -> String { i % 97 == 0 ? "" : "村\(i * 13 % 2_500 / 40)-\(i * 13 % 40)" }
        try await h.pool.write { db in
            try db.execute(sql: "INSERT INTO ledger_source (id, name) VALUES (1, 'test')")
            for i in 1...people {
                try db.execute(sql: """
                    INSERT INTO person (id, id_number, name, phone, township, village, groups, source_id, created_at, updated_at)
                    VALUES (?, ?, '测试', NULL, ?, ?, ?, 1, 0, 0)
                    """, arguments: [i, "T\(i)", township(i), village(i), i % 5])
            }
        }
        let places = try await h.pool.read { db in try PersonPlaces.load(db) }
        var distinct = Set<String>()
        for i in 1...people {
            let place = places.places[Int(places.place(of: i))]
            #expect(place.township == township(i) && place.village == village(i), "person \(i)")
            #expect(places.groups[i].rawValue == UInt32(i % 5))
            distinct.insert(township(i) + "|" + village(i))
        }
        #expect(places.places.count == distinct.count && distinct.count > 1_000)
    }

    /// The tally chooses how to read people by how many a campaign registered, counted only as far as the
    /// choice needs: the count stops at its limit and is exact below it.
    @Test func aCountUpToALimitStopsThereAndIsExactBelowIt() async throws {
        let f = try await OutcomeFixture()
        let all = try await f.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM registration WHERE campaign = 'fair'")! }
        #expect(all >= 3)
        let counts = try await f.pool.read { db in
            (try Registrations.count(db, campaigns: ["fair"], upTo: 2), try Registrations.count(db, campaigns: ["fair"], upTo: all + 5),
             try Registrations.count(db, campaigns: ["fair", "nowhere"], upTo: all), try Registrations.count(db, campaigns: ["nowhere"], upTo: 9))
        }
        #expect(counts.0 == 2 && counts.1 == all && counts.2 == all && counts.3 == 0)
    }
}
