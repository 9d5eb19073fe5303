import BuiltinPlugins
import CampaignTesting
import Checkin
import Foundation
import GRDB
import Ledger
import PluginKit
import Registration
import Tally
import Testing
import Workflow

/// Registration and attendance are two acts: the desk checks someone in only while the gate is
/// open and takes walk-ins; otherwise it registers them and says why they are not counted.
@Suite struct DeskAttendanceTests {
    static let zhao = WalkIn(campaign: "fair", name: "赵敏", idNumber: "522426199606060017", township: "城关镇")

    /// What the desk said, worded in English (the reasons are catalogue messages).
    enum Said: Equatable {
        case checkedIn(checkpoint: String)
        case alreadyCheckedIn(reason: String)
        case notCheckedIn(reason: String)
    }

    func register(_ walkIn: WalkIn = zhao, at h: LedgerHarness) async throws -> Said? {
        let now = h.engine.clock.now()
        let desk = BuiltinPlugins.all.deskAttendance
        let said = try await h.pool.write { db in
            try DeskRegistration.register(db, walkIn, desk: desk, checkpoint: "gate", gate: "", staff: "desk", now: now).1
        }
        return said.map { said in
            switch said {
            case .checkedIn(let checkpoint): .checkedIn(checkpoint: checkpoint)
            case .alreadyCheckedIn(let reason): .alreadyCheckedIn(reason: reason.text(.en))
            case .notCheckedIn(let reason): .notCheckedIn(reason: reason.text(.en))
            }
        }
    }

    func attended(_ h: LedgerHarness) async throws -> (gate: Int, tally: Int) {
        let now = h.engine.clock.now()
        return try await h.pool.read { db in
            let counts = try Scans.counts(db, campaign: "fair", checkpoint: "gate")
            let tally = try TallyQuery.run(db, TallyRequest(campaigns: ["fair"]), sections: BuiltinPlugins.all.tallySections,
                                           now: now)
            return (counts.attended, tally.funnel.attended ?? -1)
        }
    }

    @Test func atAnOpenGateTheDeskChecksThemInAndEveryCountAgrees() async throws {
        let h = try await LedgerHarness(gateYAML: "{}")
        #expect(try await register(at: h) == .checkedIn(checkpoint: "gate"))
        #expect(try await register(at: h) == .alreadyCheckedIn(reason: "already checked in at "
                + TimeFormats.display(h.engine.clock.now(), timeZone: WorkflowDefinition.defaultTimeZone).suffix(5)
                + " by desk"))
        #expect(try await attended(h) == (1, 1))
        // The gate step's own count, when it closes, is the same figure.
        let closed = try await h.engine.engine().signal(campaign: "fair", step: "gate", by: "Li", note: nil)
        #expect(closed.steps.first { $0.stepId == "gate" }?.outputs["attended"] == .int(1))
    }

    @Test func beforeTheGateOpensTheyAreRegisteredOnly() async throws {
        let h = try await LedgerHarness(gateYAML: "{ opens: 2099-03-01 08:30 }")
        guard case .notCheckedIn(let reason)? = try await register(at: h) else {
            Issue.record("registered before the gate opened must not count as attended")
            return
        }
        #expect(reason.hasPrefix("check-in at gate opens at 2099-03-01 08:30"))
        #expect(reason.hasSuffix("they are registered, not counted as attended"))
        #expect(try await h.count("registration") == 1)
        #expect(try await attended(h) == (0, 0))
    }

    @Test func afterTheGateClosesTheyAreRegisteredOnly() async throws {
        let h = try await LedgerHarness(gateYAML: "{}")
        _ = try await h.engine.engine().signal(campaign: "fair", step: "gate", by: "Li", note: nil)
        #expect(try await register(at: h) == .notCheckedIn(reason: "check-in at gate has closed; they are registered, "
                                                            + "not counted as attended"))
        #expect(try await attended(h) == (0, 0))
    }

    @Test func aGateWithoutWalkInsNeverCountsADeskRegistration() async throws {
        let h = try await LedgerHarness(gateYAML: "{ walk_ins: false }")
        #expect(try await register(at: h) == .notCheckedIn(
            reason: "the gate step does not take walk-ins (walk_ins: false); they are registered, not counted as attended"))
        #expect(try await attended(h) == (0, 0))
    }

    /// Walk-ins registered before registration and attendance were separate counted as attended;
    /// the migration gives each the scan it stood for, so an earlier report does not change.
    @Test func earlierWalkInsKeepTheirAttendanceThroughTheMigration() async throws {
        let h = try await LedgerHarness(gateYAML: "{}")
        let now = h.engine.clock.now()
        _ = try await h.pool.write { db in try Registrations.registerWalkIn(db, Self.zhao, now: now) }
        #expect(try await attended(h) == (0, 0))
        let backfill = try #require(CheckinPlugin.plugin.engine.migrations.first { $0.name == "checkin-v4-walk-ins-as-scans" })
        try await h.pool.write { db in
            try backfill.apply(db)
            try backfill.apply(db)   // twice: still one scan
        }
        #expect(try await attended(h) == (1, 1))
        let method = try await h.pool.read { db in try String.fetchAll(db, sql: "SELECT method FROM scan") }
        #expect(method == ["walk-in"])
    }
}
