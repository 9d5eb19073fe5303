import CampaignTesting
import Foundation
import GRDB
import Ledger
import Tally
import Testing
import Workflow

/// What a campaign offered is its own: a later list never rewrites an earlier fair's report.
@Suite struct CampaignOfferTests {
    @Test func aLaterListWithOtherNumbersLeavesTheEarlierFairAsItWas() async throws {
        let f = try await OutcomeFixture()
        try await f.checkIn(OutcomeFixture.zhang)
        try await f.record(.placed, OutcomeFixture.zhang, "分拣员")
        let before = try await f.tally(by: [.enterprise, .posting])
        #expect(before.funnel.positions == 70)   // 40 + 10 + 20

        // April's fair offers the same postings (its list first as the fair's, then corrected).
        try await f.startCampaign("april", registering: "姓名,身份证号\n孙丽,522426199707070011\n")
        _ = try await f.h.importFile(.postings, try f.h.file("april.csv", """
            统一社会信用代码,岗位名称,招聘人数,薪资
            913505828PBRNYTPLA,电子装配工,4,4000-6000
            913505828PBRNYTPLA,质检员,2,
            913302063BFU7CH3JQ,分拣员,8,
            """), campaign: "april")

        let after = try await f.tally(by: [.enterprise, .posting])
        #expect(after.funnel == before.funnel)
        #expect(after.breakdowns.map(\.rows) == before.breakdowns.map(\.rows))
        let april = try await f.tally(["april"])
        #expect(april.funnel.positions == 14)
        let both = try await f.tally(["fair", "april"], by: [.posting])
        #expect(both.funnel.positions == 84)     // 70 + 14, each fair its own number
        let sorter = try #require(both.breakdowns[0].rows.first { $0.label.hasPrefix("分拣员") })
        #expect(sorter.counts.positions == 28)   // 20 at the fair, 8 in April

        // The booth form lists each campaign's own openings.
        let lists = try await f.pool.read { db in
            (try Postings.offered(db, at: "fair"), try Postings.offered(db, at: "april"))
        }
        #expect(lists.0.map(\.openings).sorted() == [10, 20, 40])
        #expect(lists.1.map(\.openings).sorted() == [2, 4, 8])
    }
}
