import BuiltinPlugins
import CampaignServer
import CampaignTesting
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Ledger
import PluginKit
import Testing
import Workflow
import WorkflowTesting
@testable import Training

/// 课堂考勤 through the server's own router: the open session's class list, a tap or a typed ID
/// number marking a trainee present once, a waiting applicant refused, and the session step's own
/// count when it closes agreeing with the page.
@Suite struct ClassAttendancePageTests {
    func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, _ body: [String: Any]? = nil,
              token: String) async throws -> (status: Int, json: [String: Any], body: String) {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        return try await client.execute(uri: path, method: method,
                                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                        body: data.map { ByteBuffer(bytes: $0) }) { response in
            let text = String(buffer: response.body)
            return (Int(response.status.code),
                    (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:], text)
        }
    }

    @Test func trainersMarkTheOpenSessionOnThePhone() async throws {
        let h = try EngineHarness(plugins: BuiltinPlugins.engines)
        var generator = LedgerGenerator(seed: 5)
        let people = (0..<4).map { _ in generator.personRow() }
        _ = try h.directory.write("applicants.csv", ([LedgerGenerator.peopleHeader] + people).map { $0.joined(separator: ",") }
            .joined(separator: "\n"))
        let workflow = try h.workflow("""
            name: course
            kind: training
            steps:
              - { id: applicants, uses: registration.import-people, with: { file: applicants.csv } }
              - { id: class, uses: training.class, with: { id: c1, trade: 艾灸师, base: 县技工学校, capacity: 3, sessions: 2 } }
              - { id: enrol, needs: [applicants, class], uses: training.enrol, with: { groups_first: [] } }
              - { id: s1, needs: enrol, uses: training.session, with: { session: 1 } }
            """)
        let engine = h.engine(waitHorizon: .zero)
        let started = try await engine.start(workflow)
        #expect(started.run.status == .waiting)
        let now = h.clock.now()
        let token = try await h.workspace.pool.write { db in try StaffAccounts.add(db, name: "张老师", role: .staff, now: now) }
        let enrolled = try await h.workspace.pool.read { db in try TrainingRecords.enrolled(db, campaign: "course", class: "c1") }
        let waiting = try #require(try await h.workspace.pool.read { db in
            try TrainingRecords.enrolment(db, campaign: "course", class: "c1").first { $0.value == "waiting" }?.key
        })
        let ids = try await h.workspace.pool.read { db in try People.summaries(db, ids: enrolled + [waiting]).mapValues(\.idNumber) }
        let server = StaffServer(environment: ServerEnvironment(workspace: h.workspace, campaign: "course", checkpoint: "gate",
                                                                clock: h.clock, plugins: BuiltinPlugins.all))
        try await Application(router: server.router()).test(.router) { client in
            let roster = try await call(client, .get, "/api/training/roster", token: token)
            #expect(roster.status == 200, "\(roster.body)")
            #expect(roster.json["session"] as? Int == 1)
            let trainees = try #require(roster.json["trainees"] as? [[String: Any]])
            #expect(trainees.count == 3)
            #expect(trainees.allSatisfy { ($0["id_number"] as? String)?.contains("********") == true })
            let tap = try await call(client, .post, "/api/training/attend", ["person": enrolled[0]], token: token)
            #expect(tap.json["result"] as? String == "accepted", "\(tap.body)")
            let again = try await call(client, .post, "/api/training/attend", ["input": ids[enrolled[0]]!], token: token)
            #expect(again.json["result"] as? String == "repeat", "\(again.body)")
            let typed = try await call(client, .post, "/api/training/attend", ["input": ids[enrolled[1]]!], token: token)
            #expect(typed.json["present"] as? Int == 2, "\(typed.body)")
            let stranger = try await call(client, .post, "/api/training/attend", ["input": ids[waiting]!], token: token)
            #expect(stranger.status == 400)
            #expect((stranger.json["error"] as? [String: Any])?["code"] as? String == "training.not-trainee", "\(stranger.body)")
        }
        let closed = try await engine.signal(campaign: "course", step: "s1", by: "张老师", note: nil)
        let outputs = try #require(closed.steps.first { $0.stepId == "s1" }?.outputs)
        #expect(outputs["present"] == .int(2))
        #expect(outputs["absent"] == .int(1))
        try await Application(router: server.router()).test(.router) { client in
            let none = try await call(client, .get, "/api/training/roster", token: token)
            #expect(none.status == 400)
            #expect((none.json["error"] as? [String: Any])?["code"] as? String == "training.no-open-session", "\(none.body)")
        }
    }

    /// A class size given by an expression is checked when the step runs: refused in words, never a crash.
    @Test func aClassOfNoSessionsFromAVariableIsRefusedInWords() async throws {
        let h = try EngineHarness(plugins: BuiltinPlugins.engines)
        let workflow = try h.workflow("""
            name: course
            kind: training
            vars: { sessions: 0 }
            steps:
              - { id: class, uses: training.class, with: { id: c1, trade: 艾灸师, base: 县技工学校, sessions: "${{ vars.sessions }}" } }
            """)
        let run = try await h.engine().start(workflow)
        #expect(run.run.status == .failed)
        let error = run.steps.first { $0.stepId == "class" }?.error ?? ""
        #expect(error.contains("sessions") && error.contains("0"), "\(error)")
    }

    @Test func aTraineePaidForTheTradeWithinAYearIsRefusedTheNextClassSubsidy() async throws {
        let h = try EngineHarness(plugins: BuiltinPlugins.engines)
        var generator = LedgerGenerator(seed: 9)
        var person = generator.personRow()
        person[5] = "脱贫人口"
        _ = try h.directory.write("applicants.csv", [LedgerGenerator.peopleHeader, person].map { $0.joined(separator: ",") }
            .joined(separator: "\n"))
        _ = try h.directory.write("attendance.csv", "身份证号,课次\n\(person[1]),1\n\(person[1]),2")
        _ = try h.directory.write("results.csv", "身份证号,证书编号\n\(person[1]),S0001")
        func course(_ name: String) throws -> ValidatedWorkflow {
            try h.workflow("""
                name: \(name)
                kind: training
                steps:
                  - { id: applicants, uses: registration.import-people, with: { file: applicants.csv } }
                  - { id: class, uses: training.class, with: { id: c1, trade: 艾灸师, base: 县技工学校, sessions: 2 } }
                  - { id: enrol, needs: [applicants, class], uses: training.enrol }
                  - { id: attendance, needs: enrol, uses: training.import-attendance, with: { file: attendance.csv } }
                  - { id: exam, needs: attendance, uses: training.import-results, with: { file: results.csv } }
                  - { id: subsidy, needs: exam, uses: training.subsidy, with: { amount: 1000, out: \(name).xlsx } }
                """, file: "\(name).yaml")
        }
        let first = try await h.engine().start(try course("spring"))
        #expect(first.steps.first { $0.stepId == "subsidy" }?.outputs["qualified"] == .int(1))
        h.clock.advance(by: 200 * 86_400)
        let second = try await h.engine().start(try course("autumn"))
        #expect(second.steps.first { $0.stepId == "subsidy" }?.outputs["qualified"] == .int(0))
        let reason = try await h.workspace.pool.read { db in
            try String.fetchOne(db, sql: "SELECT reason FROM training_subsidy WHERE campaign = 'autumn'")
        }
        #expect(reason == "subsidised-within-year")
        h.clock.advance(by: 170 * 86_400)
        let third = try await h.engine().start(try course("next-spring"))
        #expect(third.steps.first { $0.stepId == "subsidy" }?.outputs["qualified"] == .int(1))
    }
}
