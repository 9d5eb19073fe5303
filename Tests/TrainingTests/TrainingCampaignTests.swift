import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Ledger
import Tally
import Testing
import Workflow
import WorkflowTesting
@testable import Training

/// A training campaign end to end on random counties: the test keeps its own account of what it wrote
/// in the sheets — who applied, who is in which group, who came to which session, who passed with a
/// certificate, who found work — works out by the README's rules who is enrolled, completed,
/// certified, subsidised and employed, and compares that second count with the step outputs, the
/// tally (funnel, by group and by trade) and the rejected rows.
@Suite struct TrainingCampaignTests {
    struct Applicant {
        var ledgerIndex: Int
        var id: String
        var groups: String
    }

    @Test(arguments: 1...6) func everyFigureMatchesASecondCount(seed: Int) async throws {
        var random = SplitMix64(seed: UInt64(seed))
        func roll(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let h = try EngineHarness(plugins: BuiltinPlugins.engines)
        var generator = LedgerGenerator(seed: UInt64(100 + seed))
        var people: [[String]] = []
        for _ in 0..<(40 + roll(30)) { people.append(generator.personRow()) }
        _ = try h.directory.write("people.csv", ([LedgerGenerator.peopleHeader] + people).map { $0.joined(separator: ",") }
            .joined(separator: "\n"))
        // Applicants in a shuffled order: enrolment goes by group, then by registration (the same
        // instant for one sheet, so by ledger number — the ledger's order).
        var applicants = people.indices.filter { _ in roll(4) > 0 }.map { Applicant(ledgerIndex: $0, id: people[$0][1], groups: people[$0][5]) }
        applicants.shuffle(using: &random)
        _ = try h.directory.write("applicants.csv", (["姓名,身份证号"] + applicants.map { "\(people[$0.ledgerIndex][0]),\($0.id)" })
            .joined(separator: "\n"))
        let capacity = 5 + roll(30), sessions = 4 + roll(8), completion = [0.6, 0.75, 0.8, 1.0][roll(4)]
        let required = Int((Double(sessions) * completion - 1e-9).rounded(.up))

        // The second count: places by the rule.
        func rank(_ a: Applicant) -> Int { a.groups.contains("脱贫人口") ? 0 : a.groups.contains("监测对象") ? 1 : 2 }
        let ordered = applicants.sorted { (rank($0), $0.ledgerIndex) < (rank($1), $1.ledgerIndex) }
        let enrolled = Array(ordered.prefix(capacity)), waiting = Array(ordered.dropFirst(capacity))
        var attendanceRows: [String] = [], attended: [String: Set<Int>] = [:], refusedRows = 0
        for a in applicants {
            for s in 1...sessions where roll(5) > 0 {
                let isEnrolled = enrolled.contains { $0.id == a.id }
                // Marked twice now and then (第3课, then 3): counts once; a waiting applicant's rows are refused.
                for text in roll(10) == 0 ? ["第\(s)课", "\(s)"] : ["第\(s)课"] {
                    attendanceRows.append("\(a.id),\(text)")
                    if isEnrolled { attended[a.id, default: []].insert(s) } else { refusedRows += 1 }
                }
            }
        }
        attendanceRows.append("\(enrolled[0].id),第\(sessions + 1)课"); refusedRows += 1   // no such session
        _ = try h.directory.write("attendance.csv", (["身份证号,课次"] + attendanceRows).joined(separator: "\n"))
        var resultRows: [String] = [], certified = Set<String>()
        for a in enrolled where roll(4) > 0 {
            let passes = roll(5) > 0
            resultRows.append("\(a.id),\(passes ? 80 : 40),\(passes ? "合格" : "不合格"),\(passes ? "S\(a.id.suffix(6))" : "")")
            if passes && (attended[a.id]?.count ?? 0) >= required { certified.insert(a.id) }
        }
        _ = try h.directory.write("results.csv", (["身份证号,成绩,考核结果,证书编号"] + resultRows).joined(separator: "\n"))
        var jobs = Set<String>()
        for a in enrolled where roll(3) == 0 { jobs.insert(a.id) }
        _ = try h.directory.write("jobs.csv", (["身份证号,就业单位,就业地点"] + jobs.sorted().map { "\($0),某足道店,广东省东莞市" })
            .joined(separator: "\n"))

        let workflow = try h.workflow("""
            name: course
            kind: training
            date: 2026-03-01
            steps:
              - { id: ledger, uses: registration.import-people, with: { file: people.csv, register: false } }
              - { id: applicants, needs: ledger, uses: registration.import-people, with: { file: applicants.csv } }
              - id: class
                uses: training.class
                with: { id: c1, trade: 艾灸师, base: 县技工学校, capacity: \(capacity), sessions: \(sessions), completion: \(completion) }
              - { id: enrol, needs: [applicants, class], uses: training.enrol }
              - { id: attendance, needs: enrol, uses: training.import-attendance, with: { file: attendance.csv } }
              - { id: exam, needs: attendance, uses: training.import-results, with: { file: results.csv } }
              - { id: jobs, needs: exam, uses: training.import-employment, with: { file: jobs.csv } }
              - id: subsidy
                needs: exam
                uses: training.subsidy
                with: { amount: 1500, groups: [脱贫人口, 监测对象], out: subsidy.xlsx }
            """)
        let run = try await h.engine().start(workflow)
        #expect(run.run.status == .completed)
        func outputs(_ step: String) -> [String: Value] { run.steps.first { $0.stepId == step }?.outputs ?? [:] }
        #expect(outputs("enrol")["enrolled"] == .int(enrolled.count))
        #expect(outputs("enrol")["waiting"] == .int(waiting.count))
        #expect(outputs("enrol")["from_groups"] == .int(enrolled.filter { rank($0) < 2 }.count))
        #expect(outputs("attendance")["rejected"] == .int(refusedRows))
        let completed = Set(enrolled.filter { (attended[$0.id]?.count ?? 0) >= required }.map(\.id))
        let inGroups = Set(applicants.filter { rank($0) < 2 }.map(\.id))
        let subsidised = certified.intersection(inGroups)
        #expect(outputs("subsidy")["qualified"] == .int(subsidised.count))
        #expect(outputs("subsidy")["amount"] == .int(subsidised.count * 1500))
        #expect(outputs("subsidy")["short"] == .int(enrolled.count - subsidised.count))

        let tally = try await h.workspace.pool.read { db in
            try TallyQuery.run(db, TallyRequest(campaigns: ["course"], breakdowns: [.group, TallyDimension(TrainingSection().groupings[0])]),
                               sections: BuiltinPlugins.all.tallySections, now: h.clock.now())
        }
        let funnel = tally.funnel
        #expect(funnel.registered == applicants.count)
        #expect(funnel.trainees == enrolled.count)
        #expect(funnel.trained == enrolled.filter { !(attended[$0.id] ?? []).isEmpty }.count)
        #expect(funnel.completed == completed.count)
        #expect(funnel.certified == certified.count)
        #expect(funnel.subsidised == subsidised.count)
        #expect(funnel.training_subsidy_yuan == subsidised.count * 1500)
        #expect(funnel.employed_after_training == jobs.count)
        #expect(funnel.classes == 1)
        let poor = enrolled.filter { $0.groups.contains("脱贫人口") }
        #expect(funnel.ofWhich[.povertyAlleviated]?.certified ?? 0 == poor.filter { certified.contains($0.id) }.count)
        let byTrade = try #require(tally.breakdowns.first { $0.dimension.rawValue == "trade" })
        #expect(byTrade.rows.first { $0.key == "艾灸师" }?.counts.completed == completed.count)
    }
}
