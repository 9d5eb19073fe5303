import Foundation
import Testing
import WorkflowTesting

/// The run page in a real browser: an organizer signs in, sees the run's waiting step, signals it
/// and sees the run move on; a manager sees the run but cannot signal; staff cannot see it.
@Suite struct RunPageTests {
    static func season(_ dir: TemporaryDirectory) throws -> (cli: CLIRunner, organizer: String, manager: String, staff: String) {
        let cli = CLIRunner(directory: dir)
        let path = try dir.write("season.yaml", """
            name: bus-season
            title: 点对点包车
            steps:
              - id: plan
                uses: core.log
                with: { message: batches planned }
              - id: board
                needs: plan
                for_each: [第1批, 第2批]
                uses: core.wait
                with: { signal: true, prompt: "${{ item }} boarding" }
              - id: arrive
                needs: plan
                uses: core.wait
                with: { signal: true, prompt: all arrived at the factory }
              - id: report
                needs: [board, arrive]
                uses: core.log
                with: { message: season done }
            """)
        #expect(try cli.run("start", path).status == 0)
        let organizer = ServerTests.token(try cli.run("staff", "add", "王主任", "--role", "organizer").stdout)
        let manager = ServerTests.token(try cli.run("staff", "add", "Chen", "--role", "manager").stdout)
        let staff = ServerTests.token(try cli.run("staff", "add", "Li").stdout)
        return (cli, organizer, manager, staff)
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "needs Debian's chromium (scripts/test installs it)"),
          .timeLimit(.minutes(5)))
    func anOrganizerSignalsAWaitingStepAndSeesTheRunMoveOn() throws {
        let dir = try TemporaryDirectory()
        let (cli, organizer, _, _) = try Self.season(dir)
        let server = try ServerTests.Server(cli, campaign: "bus-season", env: [:])
        let page = "\(server.base.absoluteString)/runs#token=\(organizer)&campaign=bus-season&lang=en"
        let browser = BrowserTests()

        let before = try browser.browse(page, windowSize: "1280,900")
        #expect(before.contains(#"<b id="run-status" class="state">waiting</b>"#), "\(before)")
        #expect(before.contains(#"<g class="step waiting" data-step="arrive">"#))
        #expect(before.contains(#"<g class="step succeeded" data-step="plan">"#))
        #expect(before.contains(#"<g class="step running" data-step="board">"#))  // its instances wait
        #expect(before.contains("第2批 boarding"))
        #expect(before.contains(#"data-signal="arrive""#))
        #expect(before.contains(#"data-signal="board" data-item="2""#))
        #expect(before.contains(#"<button id="cancel" data-t="cancel">Cancel campaign</button>"#))   // shown to organizers

        _ = try browser.browse(page + "&signal=arrive", windowSize: "1280,900")
        let one = try browser.browse(page + "&signal=board&item=1", windowSize: "1280,900")
        #expect(one.contains(#"<g class="step succeeded" data-step="arrive">"#), "\(one)")
        #expect(one.contains("Signalled: board 1"))
        let last = try browser.browse(page + "&signal=board&item=2", windowSize: "1280,900")
        #expect(last.contains(#"<b id="run-status" class="state">completed</b>"#), "\(last)")
        #expect(last.contains(#"<g class="step succeeded" data-step="report">"#))
        #expect(last.contains("由 王主任 发出通知"), "\(last)")  // the history says who
        // The history is worded, not event names and JSON: the run's end as words of the catalogue.
        let chinese = try browser.browse(page.replacingOccurrences(of: "lang=en", with: "lang=zh"), windowSize: "1280,900")
        #expect(chinese.contains(#"<td title="run-completed">活动完成</td>"#), "\(chinese)")
        #expect(!chinese.contains(#"<td>{""#), "a step's outputs shown as JSON")

        let output = CLIRunner.packageRoot.appendingPathComponent(".build/test-output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let png = output.appendingPathComponent("run-page.png").path
        _ = try browser.browse(page, screenshot: png, windowSize: "1280,900")
        #expect(FileManager.default.fileExists(atPath: png))
        let status = try cli.run("status", "bus-season")
        #expect(status.stdout.contains("[已完成]"), "\(status.stdout)")
    }

    @Test func managersSeeRunsOrganizersSignalStaffSeeNothing() throws {
        let dir = try TemporaryDirectory()
        let (cli, organizer, manager, staff) = try Self.season(dir)
        let server = try ServerTests.Server(cli, campaign: "bus-season", env: [:])
        let list = try server.get("api/runs", token: manager)
        #expect(list.status == 200)
        let runs = list.json as? [[String: Any]]
        #expect(runs?.first?["campaign"] as? String == "bus-season")
        #expect(runs?.first?["status"] as? String == "waiting")
        let detail = try server.get("api/runs/bus-season", token: manager)
        #expect((detail.json as? [String: Any])?["canSignal"] as? Bool == false)
        #expect(try server.get("api/runs", token: staff).status == 403)
        let refused = try server.post("api/runs/bus-season/signal", ["step": "arrive"], token: manager)
        #expect(refused.status == 403)
        #expect((refused.json["error"] as? [String: Any])?["message"] as? String == "only organizers can do this")
        let wrong = try server.post("api/runs/bus-season/signal", ["step": "plan"], token: organizer)
        #expect(wrong.status == 400)
        #expect(((wrong.json["error"] as? [String: Any])?["message"] as? String)?
                    .hasPrefix("step 'plan' is not waiting for a signal (it is succeeded)") == true)
        let bare = try server.post("api/runs/bus-season/signal", ["step": "board"], token: organizer)
        #expect(((bare.json["error"] as? [String: Any])?["message"] as? String)?
                    .hasPrefix("step 'board' runs once per item; say which instance to signal") == true)
        let ok = try server.post("api/runs/bus-season/signal", ["step": "board", "item": "第1批", "note": "准时"],
                                 token: organizer)
        #expect(ok.status == 200)
        let steps = ok.json["steps"] as? [[String: Any]]
        #expect((steps?.first { $0["id"] as? String == "board" }?["instances"] as? [String: Int]) == ["succeeded": 1, "waiting": 1])

        // Cancelling is an organizer's act too, recorded with their name.
        #expect(try server.post("api/runs/bus-season/cancel", [:], token: manager).status == 403)
        let cancelled = try server.post("api/runs/bus-season/cancel", ["reason": "暴雨"], token: organizer)
        #expect(cancelled.status == 200)
        #expect(cancelled.json["status"] as? String == "cancelled")
        #expect(cancelled.json["cancelledBy"] as? String == "王主任")
        let twice = try server.post("api/runs/bus-season/cancel", [:], token: organizer)
        #expect(twice.status == 400)
        #expect(((twice.json["error"] as? [String: Any])?["message"] as? String)?
                    .hasPrefix("campaign 'bus-season' was already cancelled") == true)
    }
}
