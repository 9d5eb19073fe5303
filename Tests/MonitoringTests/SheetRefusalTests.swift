import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Testing
import Workflow
import WorkflowTesting
@testable import Monitoring

/// A township's sheet with bad rows: each refused with its row, column and reason, the good ones
/// kept; a sheet before the month is set refused as a whole, naming the step to run.
@Suite struct SheetRefusalTests {
    @Test func badRowsAreRefusedWithTheirReasonAndTheRestKept() async throws {
        let h = try EngineHarness(plugins: BuiltinPlugins.engines)
        var generator = LedgerGenerator(seed: 4)
        let people = (0..<3).map { _ in generator.personRow() }
        _ = try h.directory.write("people.csv", ([LedgerGenerator.peopleHeader] + people).map { $0.joined(separator: ",") }
            .joined(separator: "\n"))
        let stranger = generator.idNumber()
        _ = try h.directory.write("sheet.csv", """
            身份证号,是否务工,务工地域,务工地点,外出时间,就业意愿
            \(people[0][1]),是,,广东省东莞市,,
            \(people[1][1]),也许,,,,
            \(people[2][1]),是,,县城工业园,2026年3月,
            \(stranger),否,,,,有
            \(people[0][1].prefix(17))0,否,,,,有
            """)
        _ = try h.directory.write("good.csv", "身份证号,是否务工,务工地域\n\(people[1][1]),是,省外")
        let workflow = try h.workflow("""
            name: may
            kind: monitoring
            steps:
              - { id: ledger, uses: registration.import-people, with: { file: people.csv, register: false } }
              - { id: month, needs: ledger, uses: monitoring.month, with: { month: "2026-05" } }
              - { id: sheet, needs: month, uses: monitoring.import-sheet, with: { file: sheet.csv } }
              - { id: good, needs: sheet, uses: monitoring.import-sheet, with: { file: good.csv } }
            """)
        let run = try await h.engine().start(workflow)
        let outputs = try #require(run.steps.first { $0.stepId == "sheet" }?.outputs)
        #expect(outputs["rejected"] == .int(5))
        guard case .string(let path)? = outputs["reject_file"] else { Issue.record("no reject file"); return }
        let rejects = try String(contentsOfFile: path, encoding: .utf8)
        #expect(rejects.contains("务工人员要写务工地域：“”不是县内、省内县外或省外"), "\(rejects)")  // 广东省东莞市 names no area word
        #expect(rejects.contains("“也许”看不出是否务工"))
        #expect(rejects.contains("“2026年3月”不是日期或月份") || rejects.contains("务工人员要写务工地域"))
        #expect(rejects.contains("不在台账中：监测对象应先导入台账"))
        #expect(rejects.contains("校验位"))
        // The reject file keeps the row as written (to correct and import again); the reason masks it.
        let strangerReason = try #require(rejects.split(separator: "\n").first { $0.contains(stranger) }, "\(rejects)")
        #expect(strangerReason.components(separatedBy: stranger).count == 2, "\(strangerReason)")
        #expect(strangerReason.contains(Masking.idNumber(stranger)))
        #expect(run.steps.first { $0.stepId == "good" }?.outputs["inserted"] == .int(1))

        let early = try h.workflow("""
            name: june
            kind: monitoring
            steps:
              - { id: sheet, uses: monitoring.import-sheet, with: { file: good.csv } }
            """, file: "june.yaml")
        let failed = try await h.engine().start(early)
        #expect(failed.run.status == .failed)
        let error = failed.steps.first { $0.stepId == "sheet" }?.error ?? ""
        #expect(error.contains("june 还没有设定监测月份：先运行 monitoring.month 步骤") || error.contains("run a monitoring.month step first"),
                "\(error)")
    }
}
