import ArgumentParser
import BuiltinPlugins
import CampaignServer
import Checkin
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Ledger
import PluginKit
import Tally
import Testing
import Workflow
import WorkflowTesting

/// docs/writing-a-plugin.md, proved with the smallest real example (`SurveyPlugin`): added
/// the way one line in BuiltinPlugins adds it, its table, step, import, command, route and tally
/// section all reach people, and nothing else had to change.
@Suite struct WritingAPluginTests {
    static let plugins = BuiltinPlugins.with([SurveyPlugin.plugin])

    @Test(.timeLimit(.minutes(5))) func aPluginAddedInOneLineReachesEveryFrontEnd() async throws {
        let h = try EngineHarness(plugins: Self.plugins.map(\.engine))
        // Its table comes after the ledger's, which it points at.
        let order = try h.registry.migrationOrder().map(\.name)
        #expect(try #require(order.firstIndex(of: "survey")) > (try #require(order.firstIndex(of: "ledger"))))

        // Its step in a campaign, its output read downstream.
        try h.directory.write("people.csv", """
            姓名,身份证号,乡镇
            张伟,11010519491231002X,城关镇
            李娜,522426199001010017,城关镇
            王芳,522426199202020019,河西镇
            """)
        let engine = h.engine(waitHorizon: .zero)
        _ = try await engine.start(try h.workflow("""
            name: fair
            steps:
              - id: people
                uses: registration.import-people
                with: { file: people.csv }
              - id: gate
                needs: people
                uses: checkin.gate
              - id: survey
                needs: people
                uses: survey.open
              - id: thanks
                needs: survey
                uses: core.log
                with: { message: "${{ steps.survey.outputs.answers }} answers" }
            """))
        let now = h.clock.now()
        try await h.workspace.pool.write { db in
            for id in ["11010519491231002X", "522426199001010017"] {
                _ = try Scans.scan(db, ScanRequest(campaign: "fair", input: id), now: now)
            }
        }

        // Its list, imported like any other: bad rows refused with their reason.
        let sheet = URL(fileURLWithPath: try h.directory.write("survey.csv", """
            身份证号,满意度
            11010519491231002X,5
            522426199001010017,3
            522426199202020019,9
            """))
        let kind = try #require(Self.plugins.flatMap(\.importKinds).first { $0.name == "surveys" })
        let imported = try await h.workspace.pool.write { db in
            try kind.importFile(db, sheet, options: ImportOptions(campaign: "fair", source: "survey.csv", now: now))
        }
        #expect(imported.inserted == 2)
        #expect(imported.problems.map { $0.summary(.en) } == ["row 4, 满意度: '9' is not a score from 1 to 5"])

        // Its measures in the tally, in every format, with their rate.
        let report = try await h.workspace.pool.read { db in
            try TallyQuery.run(db, TallyRequest(campaigns: ["fair"], breakdowns: [.township]),
                               sections: Self.plugins.tallySections, now: now)
        }
        #expect(report.funnel.surveyed == 2)
        #expect(report.funnel.satisfied == 1)
        #expect(report.breakdowns[0].rows.first { $0.key == "城关镇" }?.counts.surveyed == 2)
        #expect(TallyTextReport.table(report, lang: .zh).contains("问卷人数"))
        let json = try #require(try JSONSerialization.jsonObject(with: TallyJSON.encode(report)) as? [String: Any])
        let funnel = try #require(json["funnel"] as? [String: Any])
        #expect(funnel["surveyed"] as? Int == 2)
        #expect((funnel["rates"] as? [String: Any])?["surveyed_of_attended"] as? Double == 1)

        // Its step ends by a signal with its outputs, which the next step reads.
        let done = try await engine.signal(campaign: "fair", step: "survey", by: "Li", note: nil)
        #expect(done.steps.first { $0.stepId == "survey" }?.outputs["answers"] == .int(2))
        #expect(done.steps.first { $0.stepId == "thanks" }?.status == .succeeded)

        // Its command, under its own heading in `campaign --help`, in the reader's language (its title
        // "surveys (满意度调查)" says both).
        let heading = Language.fromEnvironment() == .zh ? "满意度调查" : "surveys"
        #expect(Self.plugins.commandGroups.contains { $0.name == heading })
        #expect(CommandHost.helpMessage().contains("\(heading.uppercased()) SUBCOMMANDS:"))
        #expect(try CommandHost.parseAsRoot(["survey", "--campaign", "fair"]) is SurveyCommand)

        // Its route, mounted by the server behind staff sign-in: tried in-process through the server's
        // own router (HummingbirdTesting), as a plugin author tries theirs — no binary, no port.
        let token = try await h.workspace.pool.write { db in try StaffAccounts.add(db, name: "Li", role: .staff, now: now) }
        let server = StaffServer(environment: ServerEnvironment(workspace: h.workspace, campaign: "fair", checkpoint: "gate",
                                                                clock: h.clock, plugins: Self.plugins))
        try await Application(router: server.router()).test(.router) { client in
            let anonymous = try await client.execute(uri: "/api/survey", method: .get)
            #expect(anonymous.status == .unauthorized)
            let answer = try await client.execute(uri: "/api/survey", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(answer.status == .ok)
            let results = try #require(try JSONSerialization.jsonObject(with: Data(buffer: answer.body)) as? [String: Any])
            #expect(results["answers"] as? Int == 2)
            #expect(results["average"] as? Double == 4)

            // Its panel on the staff page, with its words, and its route in /openapi.json — the server untouched.
            let page = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(page.contains(#"<div class="panel" data-panel="survey" data-kinds="">"#))
            #expect(page.contains(#"<h2 data-t="survey-page.title">满意度调查</h2>"#))
            #expect(page.contains(#""survey-page.title":{"en":"Satisfaction survey","zh":"满意度调查"}"#))
            #expect(page.contains("page.onSignIn(showResults);"))
            let described = String(buffer: try await client.execute(uri: "/openapi.json", method: .get).body)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(described.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: Any])
            #expect(paths["/api/survey"] != nil)
            #expect(paths["/api/checkin"] != nil)
        }
    }
}

/// A root command built as `campaign`'s is: the plugins' commands grouped under their headings.
struct CommandHost: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "campaign", groupedSubcommands: WritingAPluginTests.plugins.commandGroups)
    }
}
