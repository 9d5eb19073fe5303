import CampaignTesting
import Foundation
import GRDB
import Outcomes
import Testing
import Workflow
import WorkflowTesting

@Suite struct OutcomeImportTests {
    @Test func aFollowUpSheetImportsWithChineseHeadersAndReportsBadRows() async throws {
        let f = try await OutcomeFixture()
        try await f.checkIn(OutcomeFixture.zhang)   // 张 came; 王 did not, and the sheet says so (未到场, with how)
        let sheet = """
            身份证号,手机号,企业名称,岗位名称,岗位编号,结果,日期,备注,未到场
            \(OutcomeFixture.zhang),,,,\(f.posting["分拣员"]!),面试,2026/3/1,,
            \(OutcomeFixture.zhang),,,,\(f.posting["分拣员"]!),成功就业,2026-03-08,已入职,
            ,139 0013 9000,贵州示范电子科技有限公司,质检员,,达成意向,46086,,
            \(OutcomeFixture.wang),,,,\(f.posting["分拣员"]!),录用,,回访推荐,是
            \(OutcomeFixture.liu),,,,\(f.posting["分拣员"]!),考虑中,,,
            522426199606060017,,,,\(f.posting["分拣员"]!),面试,,,
            \(OutcomeFixture.chen),,示范县顺达物流有限公司,司机,,面试,,,
            \(OutcomeFixture.chen),,,,\(f.posting["分拣员"]!),面试,2026-13-01,,
            ,,,,\(f.posting["分拣员"]!),面试,,,
            """
        let url = try f.h.file("跟踪回访.csv", sheet)
        let summary = try await f.h.importFile(.outcomes, url)
        #expect(summary.rows == 9)
        #expect(summary.inserted == 3)     // 张 interviewed, 李 intent, 王 placed
        #expect(summary.updated == 1)      // 张 interview → placement
        #expect(summary.rejected == 5)
        let reasons = summary.problems.map { $0.summary(.en) }
        #expect(reasons.contains { $0.hasPrefix("row 6, 结果: '考虑中' is not a stage") })
        #expect(reasons.contains { $0.hasPrefix("row 7, 身份证号: no one with ID number 522426********0017") })
        #expect(reasons.contains { $0.hasPrefix("row 8, 岗位名称: 示范县顺达物流有限公司 offers no posting titled '司机'") })
        #expect(reasons.contains { $0.hasPrefix("row 9, 日期: '2026-13-01' is not a date") })
        #expect(reasons.contains { $0.hasPrefix("row 10, 身份证号: the row names no job seeker") })
        // The reject file repeats the refused rows, cells included, ready to fix and re-import.
        let rejects = try String(contentsOfFile: try #require(summary.rejectFile), encoding: .utf8)
        #expect(rejects.contains("示范县顺达物流有限公司,司机"))

        var report = try await f.tally()
        #expect(report.funnel.interviewed == 3)
        #expect(report.funnel.intents == 3)
        #expect(report.funnel.placed == 2)
        #expect(report.funnel.placed_not_attended == 1)   // 王, placed through a follow-up call
        let history = try await f.pool.read { db in try OutcomeRecorder.history(db, campaign: "fair", person: OutcomeFixture.li) }
        #expect(history.first?.date == "2026-03-05")     // an Excel date cell (serial 46086)
        #expect(history.first?.source == "跟踪回访.csv")

        // The same sheet again changes nothing.
        let again = try await f.h.importFile(.outcomes, url)
        #expect(again.inserted == 0 && again.updated == 0)
        #expect(again.unchanged == 4)
        report = try await f.tally()
        #expect(report.funnel.placed == 2)
        #expect(try await f.h.count("outcome_change") == 4)
    }

    @Test func outcomesNeedACampaign() async throws {
        let f = try await OutcomeFixture()
        let url = try f.h.file("o.csv", "身份证号,岗位编号,结果\n\(OutcomeFixture.zhang),\(f.posting["分拣员"]!),面试\n")
        let noCampaign = await #expect(throws: WorkflowError.self) { try await f.h.importFile(.outcomes, url, campaign: nil) }
        #expect(noCampaign?.code == .usage)
        #expect(noCampaign?.message == "outcomes belong to a campaign")
        #expect(noCampaign?.hint == "add --campaign NAME")
        #expect(try await f.h.count("outcome") == 0)
    }

    @Test func strictRefusesTheWholeSheet() async throws {
        let f = try await OutcomeFixture()
        let url = try f.h.file("o.csv", "身份证号,岗位编号,结果\n\(OutcomeFixture.zhang),\(f.posting["分拣员"]!),面试\n\(OutcomeFixture.li),PNOPE,面试\n")
        let strict = await #expect(throws: WorkflowError.self) { try await f.h.importFile(.outcomes, url, strict: true) }
        #expect(strict?.code == .invalidInput)
        #expect(strict?.message(in: .zh).hasPrefix("o.csv：2 行中有 1 行有误，因此什么都没有导入（--strict）：第 3 行，岗位编号：")
                == true)
        #expect(try await f.h.count("outcome") == 0)
        #expect(try await f.h.count("outcome_change") == 0)
    }
}
