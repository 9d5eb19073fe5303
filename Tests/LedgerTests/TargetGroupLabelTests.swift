import BuiltinPlugins
import CampaignTesting
import Foundation
import Ledger
import Testing
import Workflow

/// The labels counties write in 人员类别: the built-in ones, a definition's own, and what an
/// unknown label costs (that label, not the person).
@Suite struct TargetGroupLabelTests {
    @Test func aCountysOwnLabelsComeFromTheDefinitionOrTheCommandLine() async throws {
        let h = try await LedgerHarness()
        let url = try h.file("ledger.csv", """
            姓名,身份证号,人员类别
            张三,11010519491231002X,贫困劳动力
            李四,341222197009160028,帮扶对象
            王五,511923197506040031,低保户、帮扶对象
            """)
        var options = ImportOptions(campaign: "fair", source: "ledger.csv", now: Date())
        options.groupLabels = try TargetGroup.vocabulary(["帮扶对象": "monitored"])
        let given = options
        let summary = try await h.pool.write { db in try ImportKind.people.importFile(db, url, options: given) }
        #expect((summary.inserted, summary.rejected, summary.cellsRefused) == (3, 0, 0))
        #expect(try await h.person("11010519491231002X")["groups"] == String(TargetGroup.povertyAlleviated.bit))
        #expect(try await h.person("341222197009160028")["groups"] == String(TargetGroup.monitored.bit))
        #expect(try await h.person("511923197506040031")["groups"]
                == String(TargetGroup.lowIncome.bit | TargetGroup.monitored.bit))

        // Without the county's label, 帮扶对象 is refused as a label; the people are still registered.
        let plain = try await LedgerHarness()
        let again = try await plain.importFile(.people, try plain.file("ledger.csv", try String(contentsOf: url, encoding: .utf8)))
        #expect((again.inserted, again.rejected, again.cellsRefused) == (3, 0, 2))
        #expect(again.cellProblems.map(\.row) == [3, 4])
        #expect(try await plain.count("registration") == 3)
        #expect(try await plain.person("511923197506040031")["groups"] == String(TargetGroup.lowIncome.bit))

        let wrong = #expect(throws: WorkflowError.self) { try TargetGroup.vocabulary(["帮扶对象": "helped"]) }
        #expect(wrong?.code == .usage)
        #expect(wrong?.message == "'帮扶对象' is mapped to 'helped', which is not a target group")
        #expect(wrong?.hint?.contains("monitored (监测对象)") == true)
    }

    @Test func aStepsGroupLabelsAreCheckedWhenTheDefinitionIsValidated() {
        let yaml = """
            name: fair
            steps:
              - id: people
                uses: registration.import-people
                with:
                  file: people.csv
                  group_labels: { 帮扶对象: monitored, 其他: nobody }
            """
        let diagnostics = Validator(registry: BuiltinPlugins.registry).check(file: SourceFile(path: "fair.yaml", text: yaml)).1
        // (people.csv does not exist here: that error is not the one looked at.)
        let errors = diagnostics.filter { $0.severity == .error && $0.message.contains("group_labels") }
        #expect(errors.count == 1)
        #expect(errors.first?.message == "'group_labels' maps '其他' to something that is not a target group")
        #expect(errors.first.map { "\($0.location.line)" } == "7")
        #expect(errors.first?.hint?.contains("poverty_alleviated, monitored") == true)
    }
}
