import CampaignTesting
import Foundation
import GRDB
import Outcomes
import Province
import Tally
import Testing
import Workflow

/// Counties publish, the province adds up: each county's figures there equal its own tally's, the
/// province's are their sum, and a delivery repeated, overtaken or cut off converges. Each test
/// runs its own PostgreSQL server (`scripts/postgres`).
@Suite(.enabled(if: PostgresTestServer.available, "needs Debian's postgresql (scripts/setup test installs it)"))
struct ProvincePublishTests {
    static let peopleKeys = ["registered", "attended", "interviewed", "intents", "placed"]

    /// Two counties in different states: one has only registered its people; the other checked three
    /// in, interviewed two and placed one.
    func twoCounties() async throws -> (County, County) {
        let quiet = try await County("522633", "从江县")
        let busy = try await County("522632", "榕江县")
        for person in [OutcomeFixture.zhang, OutcomeFixture.li, OutcomeFixture.wang] { try await busy.fixture.checkIn(person) }
        try await busy.fixture.record(.interviewed, OutcomeFixture.li, "质检员")
        try await busy.fixture.record(.placed, OutcomeFixture.wang, "电子装配工")
        return (quiet, busy)
    }

    @Test func theProvinceAddsUpEachCountysOwnFigures() async throws {
        let server = try await PostgresTestServer.started()
        defer { server.remove() }
        let (quiet, busy) = try await twoCounties()
        try await quiet.publish(to: server.address)
        try await busy.publish(to: server.address)

        let result = try await ProvinceView.tally(server.address, by: [ProvinceTally.county, .group, .township])
        let own = [quiet.code: try await quiet.ownFunnel(), busy.code: try await busy.ownFunnel()]
        // Second count: the county's own code counted its acts; PostgreSQL summed what was published.
        for key in Self.peopleKeys {
            #expect(result.report.funnel[key] == (own[quiet.code]![key] ?? 0) + (own[busy.code]![key] ?? 0), "\(key)")
        }
        #expect(result.report.funnel["placed"] == 1)
        #expect(result.report.funnel["attended"] == 3)
        #expect(result.report.funnel["registered"] == 10)
        // Positions are a campaign measure: the two fairs' 70 positions each, added.
        #expect(result.report.funnel["positions"] == (own[quiet.code]!["positions"] ?? 0) + (own[busy.code]!["positions"] ?? 0))
        let counties = try #require(result.report.breakdowns.first { $0.dimension == ProvinceTally.county })
        #expect(counties.rows.map(\.key) == ["522632", "522633"])
        for row in counties.rows {
            for (key, value) in own[row.key]!.values { #expect(row.counts[key] == value, "\(row.key) \(key)") }
            #expect(row.counts.values.keys.sorted() == own[row.key]!.values.keys.sorted())
        }
        #expect(counties.rows.map(\.label) == ["榕江县", "从江县"])
        // 脱贫人口: 张伟 and 王芳 in each county; of whom the busy county checked both in.
        let groups = try #require(result.report.breakdowns.first { $0.dimension == .group })
        let poverty = try #require(groups.rows.first { $0.key == "poverty_alleviated" })
        #expect(poverty.counts["registered"] == 4)
        #expect(poverty.counts["attended"] == 2)
        // A period selects campaigns by the day they were held, in PostgreSQL as in a county's tally.
        let day = try #require(result.campaigns.first?.heldOn)
        let within = try await ProvinceView.withStore(server.address) { store in
            try await ProvinceTally.run(store, from: day, to: day, breakdowns: [], sections: OutcomeFixture.sections, now: Date())
        }
        #expect(within.report.funnel["registered"] == 10)
        let before = try await ProvinceView.withStore(server.address) { store in
            try await ProvinceTally.run(store, from: nil, to: "2000-01-01", breakdowns: [], sections: OutcomeFixture.sections, now: Date())
        }
        #expect(before.campaigns.isEmpty && (before.report.funnel["registered"] ?? 0) == 0)
        let townships = try #require(result.report.breakdowns.first { $0.dimension == .township })
        #expect(townships.rows.map(\.label).contains("榕江县 河西镇"))
        #expect(townships.rows.reduce(0) { $0 + ($1.counts["registered"] ?? 0) } == 10)
    }

    @Test func aRepublishMovesOnlyTheCountyThatChangedAndARepeatMovesNothing() async throws {
        let server = try await PostgresTestServer.started()
        defer { server.remove() }
        let (quiet, busy) = try await twoCounties()
        let first = try await quiet.publish(to: server.address)
        #expect(first.delivered.map(\.version) == [1])
        try await busy.publish(to: server.address)
        let before = try await ProvinceView.withStore(server.address) { try await $0.counties() }

        // The quiet county checks one person in; only its figures and its version move.
        try await quiet.fixture.checkIn(OutcomeFixture.chen)
        let again = try await quiet.publish(to: server.address)
        #expect(again.delivered.map(\.version) == [2])
        #expect(again.unchanged == 0)
        let after = try await ProvinceView.withStore(server.address) { try await $0.counties() }
        let busyBefore = try #require(before.first { $0.code == busy.code })
        let busyAfter = try #require(after.first { $0.code == busy.code })
        #expect(busyAfter.lastPublishedAt == busyBefore.lastPublishedAt)
        #expect(busyAfter.publishes == 1)
        let result = try await ProvinceView.tally(server.address)
        let row = try #require(result.report.breakdowns[0].rows.first { $0.key == quiet.code })
        #expect(row.counts["attended"] == 1)
        #expect(result.report.funnel["attended"] == 4)

        // Nothing changed: nothing is sent, the version stays.
        let repeated = try await quiet.publish(to: server.address)
        #expect(repeated.delivered.isEmpty)
        #expect(repeated.unchanged == 1)
        let versions = try await ProvinceView.withStore(server.address) { try await $0.heldVersions(county: quiet.code) }
        #expect(versions == ["fair": 2])
    }

    @Test func anOlderDeliveryNeverOvertakesANewerOne() async throws {
        let server = try await PostgresTestServer.started()
        defer { server.remove() }
        let county = try await County("522633", "从江县")
        let facts = try await county.fixture.pool.read { db in try TallyFacts.of(db, campaign: "fair", sections: OutcomeFixture.sections) }
        var newer = facts
        newer.cells = newer.cells.map { cell in var cell = cell; cell.counts["registered"] = 100; return cell }
        let moved = try await ProvinceView.withStore(server.address) { store in
            let late = try await store.publish(county: "522633", name: "从江县", [.init(version: 5, asOf: Date(), facts: newer)])
            // The reordered, older delivery arrives after the newer one: it is acknowledged and changes nothing.
            let early = try await store.publish(county: "522633", name: "从江县", [.init(version: 4, asOf: Date(), facts: facts)])
            // The same delivery twice: once.
            let twice = try await store.publish(county: "522633", name: "从江县", [.init(version: 5, asOf: Date(), facts: newer)])
            return [late, early, twice]
        }
        #expect(moved == [["fair"], [], []])
        let result = try await ProvinceView.tally(server.address)
        #expect(result.report.funnel["registered"] == newer.cells.count * 100)
    }

    @Test func aCrashOfPostgreSQLLosesNothingAcknowledgedAndTheOutboxDeliversTheRest() async throws {
        let server = try await PostgresTestServer.started()
        defer { server.remove() }
        let (quiet, busy) = try await twoCounties()
        try await quiet.publish(to: server.address)
        try await busy.publish(to: server.address)
        // PostgreSQL dies as a crash would (no checkpoint) while the busy county goes on working.
        try await PostgresTestServer.offThePool { try server.stop(immediate: true) }
        try await busy.fixture.record(.placed, OutcomeFixture.li, "质检员")
        let refused = await #expect(throws: WorkflowError.self) { try await busy.publish(to: server.address) }
        #expect(refused?.exitCode == 69)
        #expect(refused?.message(in: .zh).contains("连不上省级数据库") == true)
        #expect(refused?.hint(in: .zh)?.contains("下次发布时补发") == true)
        try await PostgresTestServer.offThePool { try server.restart() }
        // What was acknowledged before the crash is all there, once.
        let recovered = try await ProvinceView.tally(server.address)
        #expect(recovered.report.funnel["placed"] == 1)
        #expect(recovered.report.funnel["registered"] == 10)
        let delivered = try await busy.publish(to: server.address)
        #expect(delivered.delivered.map(\.version) == [2])
        let result = try await ProvinceView.tally(server.address)
        #expect(result.report.funnel["placed"] == (try await busy.ownFunnel())["placed"])
        #expect(result.report.funnel["placed"] == 2)
        #expect(result.report.funnel["registered"] == 10)
    }

    @Test func afterFailoverToTheStandbyPublishingResumesWithNothingLostOrDoubled() async throws {
        let primary = try await PostgresTestServer.started()
        defer { primary.remove() }
        let standby = try await primary.startedStandby()
        defer { standby.remove() }
        let (quiet, busy) = try await twoCounties()
        try await quiet.publish(to: primary.address)
        try await busy.publish(to: primary.address)
        // The primary is lost; the standby takes over. The busy county changes and publishes to it.
        try await PostgresTestServer.offThePool { try primary.stop(immediate: true); try standby.promote() }
        try await busy.fixture.record(.placed, OutcomeFixture.li, "质检员")
        let resumed = try await busy.publish(to: standby.address)
        #expect(resumed.delivered.map(\.version) == [2])
        let repeated = try await quiet.publish(to: standby.address)
        #expect(repeated.delivered.isEmpty)
        let result = try await ProvinceView.tally(standby.address)
        let own = [try await quiet.ownFunnel(), try await busy.ownFunnel()]
        for key in Self.peopleKeys { #expect(result.report.funnel[key] == (own[0][key] ?? 0) + (own[1][key] ?? 0), "\(key)") }
        #expect(result.report.funnel["placed"] == 2)
    }

    @Test func withTheProvincesKeyAPersonCountsOnceAcrossCounties() async throws {
        let server = try await PostgresTestServer.started()
        defer { server.remove() }
        // The same five people are in both counties' ledgers (people move; registers overlap).
        let (quiet, busy) = try await twoCounties()
        try await quiet.fixture.checkIn(OutcomeFixture.zhang)
        try await quiet.publish(to: server.address, withPseudonyms: true)
        try await busy.publish(to: server.address, withPseudonyms: true)
        let result = try await ProvinceView.tally(server.address)
        #expect(result.report.funnel["registered"] == 10)
        #expect(result.report.funnel["attended"] == 4)
        // Second count, by hand: five distinct people; 张伟 came in both counties, 李娜 and 王芳 in one.
        let distinct = try #require(result.report.distinctPeople)
        #expect(distinct["registered"] == 5)
        #expect(distinct["attended"] == 3)
        #expect(distinct["placed"] == 1)
        // No ID number reaches the province: only 32-byte pseudonyms.
        let stored = try PostgresTestServer.psql(server.address, "SELECT count(*), min(length(pseudonym)), max(length(pseudonym)) FROM person_reach")
        #expect(stored == "10|32|32")
        let leaked = try PostgresTestServer.psql(server.address,
                                                 "SELECT count(*) FROM person_reach WHERE encode(pseudonym, 'escape') LIKE '%\(OutcomeFixture.zhang)%'")
        #expect(leaked == "0")

        // A county that publishes without the key leaves 人数 blank rather than wrong.
        try await busy.fixture.checkIn(OutcomeFixture.chen)
        try await busy.publish(to: server.address)
        #expect(try await ProvinceView.tally(server.address).report.distinctPeople == nil)
    }

    @Test func aWorkspacePublishesUnderOneCountyOnly() async throws {
        let server = try await PostgresTestServer.started()
        defer { server.remove() }
        let county = try await County("522633", "从江县")
        try await county.publish(to: server.address)
        let other = await #expect(throws: WorkflowError.self) {
            try await county.publisher.county(code: "522632", name: "榕江县")
        }
        #expect(other?.exitCode == 64)
        #expect(other?.message(in: .zh).contains("已按 522633（从江县）发布过") == true)
        #expect(other?.message(in: .en).contains("would count in two counties") == true)
        let remembered = try await county.publisher.county(code: nil, name: nil)
        #expect(remembered.code == "522633" && remembered.name == "从江县")
        let malformed = await #expect(throws: WorkflowError.self) { try await county.publisher.county(code: "5226", name: "x") }
        #expect(malformed?.message(in: .zh).contains("6 位数字") == true)
    }
}
