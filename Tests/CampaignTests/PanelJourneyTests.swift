import Foundation
import GRDB
import Testing
import WorkflowTesting

/// The two panels the training and monitoring plugins bring, on a phone's width in headless Chromium
/// (`Fixtures/phone_journey.py`): a trainer marks a trainee present at the open session (课堂考勤), a
/// helper records that a person wanting work was placed (我的帮扶) — each passing the accessibility
/// check, and neither showing the gate's scan box. Screenshots: `.build/test-output/phone-360-*.png`.
@Suite struct PanelJourneyTests {
    func sample(_ dir: TemporaryDirectory) throws -> (CLIRunner, URL) {
        let cli = CLIRunner(directory: dir)
        let target = dir.url.appendingPathComponent("workflows")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("workflows"), to: target)
        try? FileManager.default.removeItem(at: target.appendingPathComponent("reports"))
        return (cli, target)
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "needs Debian's chromium (scripts/test installs it)"), .timeLimit(.minutes(3)))
    func aTrainerMarksATraineePresentOnThePhone() throws {
        let dir = try TemporaryDirectory()
        let (cli, target) = try sample(dir)
        let yaml = try dir.write("workflows/live.yaml", """
            name: live-class
            kind: training
            steps:
              - { id: applicants, uses: registration.import-people, with: { file: data/training/报名表.csv } }
              - { id: class, uses: training.class, with: { id: zl-02, trade: 足部修护师, base: 县职业技能培训中心, sessions: 10 } }
              - { id: enrol, needs: [applicants, class], uses: training.enrol }
              - { id: s1, needs: enrol, uses: training.session, with: { session: 1 } }
            """)
        _ = target
        let env = ["CAMPAIGN_NOW": "2026-03-02T08:30:00+08:00"]
        #expect(try cli.run("start", yaml, env: env).status == 0)
        let teacher = ServerTests.token(try cli.run("staff", "add", "张老师").stdout)
        let server = try ServerTests.Server(cli, campaign: "live-class", env: env)
        let first = "document.querySelector('#trainees .trainee')"
        let reads = try PhoneJourneyTests.walk("\(server.base.absoluteString)/#token=\(teacher)&lang=zh", width: 360,
                                               profile: dir.url.appendingPathComponent("profile"), steps: [
            ["wait": "!!\(first)", "read": "!document.getElementById('scan') || !!document.getElementById('scan').closest('.hidden')"],
            ["read": PhoneJourneyTests.audit],
            ["run": "\(first).querySelector('button').click()", "wait": "\(PhoneJourneyTests.answer).className === 'accepted'",
             "read": "\(PhoneJourneyTests.answer).textContent", "shot": "phone-360-class-attendance"],
        ])
        #expect(reads.count == 3, "\(reads)")
        #expect(reads.first as? Bool == true, "the gate's scan box is not shown on a training's page")
        #expect((reads.dropFirst().first as? [String])?.isEmpty == true, "accessibility at 360 px: \(reads.dropFirst().first ?? "")")
        #expect((reads.last as? String ?? "").contains("已到"), "\(reads)")
        let present = try DatabaseQueue(path: cli.database).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM training_attendance WHERE campaign = 'live-class' AND session = 1 AND source = 'page'")
        }
        #expect(present == 1)
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "needs Debian's chromium (scripts/test installs it)"), .timeLimit(.minutes(3)))
    func aHelperRecordsAPlacementOnThePhone() throws {
        let dir = try TemporaryDirectory()
        let (cli, target) = try sample(dir)
        let env = ["CAMPAIGN_NOW": "2026-04-06T10:00:00+08:00"]
        #expect(try cli.run("start", target.appendingPathComponent("monitoring.yaml").path, env: env).status == 0)
        let campaign = "monitoring-20260401-0800"
        let wang = ServerTests.token(try cli.run("staff", "add", "王芳").stdout)
        let server = try ServerTests.Server(cli, campaign: campaign, env: env)
        let first = "document.querySelector('#helpList .helpee')"
        let reads = try PhoneJourneyTests.walk("\(server.base.absoluteString)/#token=\(wang)&lang=zh", width: 360,
                                               profile: dir.url.appendingPathComponent("profile"), steps: [
            ["wait": "!!\(first)", "read": "\(first).dataset.person"],
            ["read": PhoneJourneyTests.audit],
            ["run": "\(first).querySelector('[data-result=placed]').click()",
             "wait": "\(PhoneJourneyTests.answer).className === 'accepted'", "read": "\(PhoneJourneyTests.answer).textContent",
             "shot": "phone-360-help"],
        ])
        #expect(reads.count == 3, "\(reads)")
        #expect((reads.dropFirst().first as? [String])?.isEmpty == true, "accessibility at 360 px: \(reads.dropFirst().first ?? "")")
        #expect((reads.last as? String ?? "").contains("已就业"), "\(reads)")
        let person = Int64(reads.first as? String ?? "") ?? -1
        let result = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchOne(db, sql: "SELECT result || '/' || staff FROM monitoring_help WHERE campaign = ? AND person_id = ?",
                                arguments: [campaign, person])
        }
        #expect(result == "placed/王芳")
    }
}

/// A morning's departures at once on the run page (#36): one button for every waiting departure of a day.
@Suite struct MorningOnTheRunPageTests {
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs Debian's chromium (scripts/test installs it)"), .timeLimit(.minutes(5)))
    func anOrganizerConfirmsAMorningsDeparturesAtOnce() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        cli.environment["CAMPAIGN_NOW"] = "2026-02-19T20:00:00+08:00"
        #expect(try cli.run("start", try TransportJourneyTests.sample(dir)).status == 0)
        let organizer = ServerTests.token(try cli.run("staff", "add", "王主任", "--role", "organizer").stdout)
        let server = try ServerTests.Server(cli, campaign: TransportJourneyTests.campaign,
                                            env: ["CAMPAIGN_NOW": "2026-02-20T06:30:00+08:00"])
        let page = "\(server.base.absoluteString)/runs#token=\(organizer)&campaign=\(TransportJourneyTests.campaign)&lang=en"
        let browser = BrowserTests()
        let before = try browser.browse(page, windowSize: "1280,900")
        #expect(before.contains(#"data-every="depart" data-day="2026-02-20">All 2 of 2026-02-20 done</button>"#), "\(before)")
        let after = try browser.browse(page + "&signal=depart&item=2026-02-20&every=1", windowSize: "1280,900")
        #expect(after.contains("Signalled: depart 2026-02-20"), "\(after)")
        let states = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchAll(db, sql: "SELECT step_id || ' ' || status FROM workflow_step WHERE step_id LIKE 'depart[%' ORDER BY step_id")
        }
        #expect(states == ["depart[1] succeeded", "depart[2] succeeded", "depart[3] waiting"], "\(states)")
    }
}

/// One `serve` for a bus campaign's four doors (#36): the page's bus-door mode picks the checkpoint and
/// the bus, and its scan lands at that checkpoint; the API takes the checkpoint per request and refuses
/// one the campaign has not.
@Suite struct BusDoorsJourneyTests {
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs Debian's chromium (scripts/test installs it)"), .timeLimit(.minutes(3)))
    func oneServerAnswersEveryDoorAndThePagePicksIt() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        cli.environment["CAMPAIGN_NOW"] = "2026-02-19T20:00:00+08:00"
        #expect(try cli.run("start", try TransportJourneyTests.sample(dir)).status == 0)
        let (a, _) = try TransportJourneyTests.passenger(1)
        let plate = try TransportJourneyTests.plate(of: a, db: cli.database)
        let token = ServerTests.token(try cli.run("staff", "add", "押车员甲").stdout)
        let server = try ServerTests.Server(cli, campaign: TransportJourneyTests.campaign,
                                            env: ["CAMPAIGN_NOW": "2026-02-20T06:00:00+08:00"])
        let unknown = try server.post("api/checkin", ["input": a, "checkpoint": "boarding", "gate": plate], token: token)
        #expect(unknown.status == 400)
        #expect(((unknown.json["error"] as? [String: Any])?["code"] as? String) == "checkin.unknown-checkpoint", "\(unknown.json)")
        let home = try server.post("api/checkin", ["input": a, "checkpoint": "leave-home"], token: token)
        #expect(home.json["result"] as? String == "accepted", "\(home.json)")

        let door = "document.getElementById('door')", bus = "document.getElementById('bus')"
        let reads = try PhoneJourneyTests.walk("\(server.base.absoluteString)/#token=\(token)&lang=zh", width: 360,
                                               profile: dir.url.appendingPathComponent("profile"), steps: [
            ["wait": "\(door).options.length === 4 && \(bus).options.length > 1",
             "read": "[...\(door).options].map(o => o.textContent).join(' ')"],
            ["run": "\(door).value = 'board'; \(door).onchange()", "wait": "\(bus).options.length > 1", "read": PhoneJourneyTests.audit],
            ["run": "\(bus).value = String([...\(bus).options].findIndex(o => o.textContent.includes('\(plate)')) - 1); \(bus).onchange()",
             "wait": "document.getElementById('gate').value === '\(plate)'", "read": "document.getElementById('gate').value"],
            ["run": "document.getElementById('scan').value = '\(a)'; document.getElementById('submit').click()",
             "wait": "\(PhoneJourneyTests.answer).className === 'accepted'", "read": "\(PhoneJourneyTests.answer).textContent",
             "shot": "phone-360-bus-doors"],
        ])
        #expect(reads.count == 4, "\(reads)")
        #expect(reads.first as? String == "出家门 上车 下车 进厂门", "\(reads)")
        #expect((reads.dropFirst().first as? [String])?.isEmpty == true, "accessibility at 360 px: \(reads.dropFirst().first ?? "")")
        let scans = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchAll(db, sql: """
                SELECT s.checkpoint || '@' || s.gate FROM scan s JOIN person p ON p.id = s.person_id
                WHERE p.id_number = ? AND s.result = 'accepted' ORDER BY s.id
                """, arguments: [a])
        }
        #expect(scans == ["leave-home@", "board@\(plate)"], "\(scans)")
    }
}
