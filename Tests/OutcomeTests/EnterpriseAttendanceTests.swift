import CampaignTesting
import Checkin
import Foundation
import GRDB
import Ledger
import Tally
import Testing
import Workflow

/// An enterprise attends when its booth is checked in; an invited one that never came is only invited.
@Suite struct EnterpriseAttendanceTests {
    @Test func aBoothCheckedInAtTheGateCountsAsAttendingApartFromJobSeekers() async throws {
        let f = try await OutcomeFixture()
        try await f.checkIn(OutcomeFixture.zhang)
        let booth = try await f.checkIn("913505828PBRNYTPLA")          // the credit code, scanned at the gate
        #expect(booth.result == .accepted)
        #expect(booth.maskedName == "贵州示范电子科技有限公司")
        #expect(booth.reason == "enterprise checked in: its booth counts as attending")
        #expect(try await f.checkIn("913505828pbrnytpla").result == .repeat_)   // typed in lower case: the same booth

        // An enterprise in the ledger but not invited to this fair is refused, with what to do.
        _ = try await f.h.importFile(.enterprises, try f.h.file("more.csv", """
            企业名称,统一社会信用代码
            示范县第三食品有限公司,91520000MA6DKQX64Y
            """), campaign: nil)
        let stranger = try await f.checkIn("91520000MA6DKQX64Y")
        #expect(stranger.result == .rejected)
        #expect(stranger.reason.hasPrefix("示范县第三食品有限公司 is not invited to fair"))

        let report = try await f.tally()
        #expect(report.funnel.enterprises == 2)              // invited
        #expect(report.funnel.enterprises_attended == 1)     // came
        #expect(report.funnel.attended == 1)                 // people: the booth is not a job seeker
        let gate = try await f.pool.read { db in try Scans.counts(db, campaign: "fair", checkpoint: "gate") }
        #expect(gate.attended == 1)
    }
}
