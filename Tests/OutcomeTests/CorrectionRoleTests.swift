import CampaignTesting
import Foundation
import GRDB
import Ledger
import Outcomes
import Testing
import Workflow

/// Moving someone back is a manager's act, by one rule wherever it is asked for (#32): the page,
/// the API and `campaign record --correct --staff` all go through `OutcomeRecorder`, which refuses
/// an account below manager and says who may.
@Suite struct CorrectionRoleTests {
    func correct(_ f: OutcomeFixture, role: StaffRole?, name: String) async throws -> OutcomeResult {
        let entry = OutcomeEntry(campaign: "fair", person: OutcomeFixture.zhang, posting: f.posting["分拣员"]!, stage: .intent,
                                 recordedBy: name, recordedByRole: role, correction: true)
        let now = f.now
        return try await f.pool.write { db in try OutcomeRecorder.record(db, entry, now: now) }
    }

    @Test func onlyAManagerMovesSomeoneBack() async throws {
        let f = try await OutcomeFixture()
        try await f.checkIn(OutcomeFixture.zhang)
        try await f.record(.placed, OutcomeFixture.zhang, "分拣员")
        let refused = await #expect(throws: RoleRefusal.self) { try await correct(f, role: .staff, name: "甲") }
        #expect(refused?.needed == .manager)
        #expect(refused?.reason.text(.en) == "only a manager may correct an outcome: 甲 is a staff account; ask a manager to correct it")
        #expect(refused?.reason.text(.zh) == "只有管理员可以更正结果：甲 是普通工作人员账号；请让一位管理员更正")
        #expect(try await f.tally().funnel.placed == 1)   // nothing changed
        #expect(try await correct(f, role: .manager, name: "乙").change == .corrected(from: .placed, to: .intent))
        #expect(try await f.tally().funnel.placed == 0)
        // The workspace's own terminal, no account named: its owner.
        try await f.record(.placed, OutcomeFixture.zhang, "分拣员")
        #expect(try await correct(f, role: nil, name: "").change == .corrected(from: .placed, to: .intent))
        // Moving forward needs no role.
        let forward = OutcomeEntry(campaign: "fair", person: OutcomeFixture.li, posting: f.posting["质检员"]!, stage: .interviewed,
                                   recordedBy: "甲", recordedByRole: .staff)
        let now = f.now
        #expect(try await f.pool.write { db in try OutcomeRecorder.record(db, forward, now: now) }.change
                == .advanced(from: .none, to: .interviewed))
    }
}
