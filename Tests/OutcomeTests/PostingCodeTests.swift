import CampaignTesting
import Foundation
import GRDB
import Ledger
import Outcomes
import Testing
import Workflow

/// Posting codes (岗位编号) from the clerk's list are kept; they are unique per enterprise, and a
/// code two enterprises share is resolved by the campaign or refused with both named.
@Suite struct PostingCodeTests {
    static let numbered = """
        统一社会信用代码,岗位编号,岗位名称,招聘人数
        913505828PBRNYTPLA,001,电子装配工,40
        913505828PBRNYTPLA,002,质检员,10
        913302063BFU7CH3JQ,001,分拣员,20
        913302063BFU7CH3JQ,,叉车司机,2
        913302063BFU7CH3JQ,001,装卸工,5
        913302063BFU7CH3JQ,a-12,调度员,1
        913302063BFU7CH3JQ,编号一,理货员,1
        """

    func codes(_ f: OutcomeFixture) async throws -> [String: String] {
        try await f.pool.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT title, code FROM posting").map {
                ($0["title"] as String, $0["code"] as String)
            })
        }
    }

    @Test func theClerksCodesAreKeptAndOnlyMissingOnesAreMadeUp() async throws {
        let f = try await OutcomeFixture()
        let summary = try await f.h.importFile(.postings, try f.h.file("numbered.csv", Self.numbered), campaign: "fair")
        // The fixture's three postings get their codes (updated); 叉车司机 and 调度员 are new.
        #expect((summary.rows, summary.inserted, summary.updated, summary.rejected) == (7, 2, 3, 2))
        let codes = try await codes(f)
        #expect(codes["电子装配工"] == "001")
        #expect(codes["质检员"] == "002")
        #expect(codes["分拣员"] == "001")       // another enterprise's 001: fine
        #expect(codes["调度员"] == "A-12")
        #expect(codes["叉车司机"]?.hasPrefix("P") == true && codes["叉车司机"]?.count == 7)
        let taken = try #require(summary.problems.first { $0.row == 6 })
        #expect(taken.column == "岗位编号")
        #expect(taken.reason.text(.en) == "the posting code 001 is already this enterprise's posting '分拣员'; give each posting "
                + "of an enterprise its own code")
        let odd = try #require(summary.problems.first { $0.row == 8 })
        #expect(odd.reason.text(.en).hasPrefix("the posting code '编号一' must be at most 20 letters, digits, - or _"))
    }

    @Test func aSharedCodeIsResolvedByTheCampaignOrRefusedNamingBoth() async throws {
        let f = try await OutcomeFixture()
        _ = try await f.h.importFile(.postings, try f.h.file("numbered.csv", Self.numbered), campaign: "fair")
        try await f.checkIn(OutcomeFixture.zhang)
        let ambiguous = await #expect(throws: OutcomeRefusal.self) { try await f.record(.interviewed, OutcomeFixture.zhang, "001") }
        #expect(ambiguous?.input == .posting)
        #expect(ambiguous?.reason.text(.en) == "the code 001 is used by 2 enterprises' postings (示范县顺达物流有限公司 分拣员; "
                + "贵州示范电子科技有限公司 电子装配工); give the enterprise and the title instead")

        // A second fair offers only the electronics company's postings: 001 is theirs there.
        let workflow = try f.h.engine.workflow("name: april\nsteps:\n  - id: gate\n    uses: checkin.gate\n", file: "april.yaml")
        _ = try await f.h.engine.engine(waitHorizon: .zero).start(workflow)
        _ = try await f.h.importFile(.people, try f.h.file("april.csv", "姓名,身份证号\n张伟,11010519491231002X\n"),
                                     campaign: "april")
        _ = try await f.h.importFile(.postings, try f.h.file("april-postings.csv", """
            统一社会信用代码,岗位编号,岗位名称,招聘人数
            913505828PBRNYTPLA,001,电子装配工,30
            """), campaign: "april")
        try await f.checkIn(OutcomeFixture.zhang, campaign: "april")
        let result = try await f.record(.interviewed, OutcomeFixture.zhang, "001", campaign: "april")
        #expect((result.posting, result.enterprise) == ("电子装配工", "贵州示范电子科技有限公司"))
        let unknown = await #expect(throws: OutcomeRefusal.self) { try await f.record(.interviewed, OutcomeFixture.zhang, "999") }
        #expect(unknown?.reason.text(.en) == "no posting with code 999 is in the ledger; see the codes with "
                + "`campaign postings --campaign fair`")
    }
}
