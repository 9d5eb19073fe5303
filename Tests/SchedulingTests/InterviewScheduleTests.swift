import BuiltinPlugins
import Foundation
import GRDB
@testable import Scheduling
import Testing
import Workflow
import WorkflowTesting

/// A small fair planned end to end: ledgers and wishes imported by steps, interviews planned within
/// the hours and around the break, every left-out wish explained, and calendars a real iCalendar
/// reader (Python's `icalendar`) reads back, Chinese intact and every line within 75 octets.
@Suite struct InterviewScheduleTests {
    /// Python with `icalendar`, found on the PATH as the other reader tests find theirs.
    static let python = (try? Process.run(URL(fileURLWithPath: "/usr/bin/env"),
                                          arguments: ["python3", "-c", "import icalendar"])).map {
        $0.waitUntilExit()
        return $0.terminationStatus == 0
    } == true

    static let files = [
        "people.csv": """
            姓名,身份证号,手机号,乡镇
            张伟,11010519491231002X,13800138000,城关镇
            李娜,522426199001010017,13900139000,城关镇
            王芳,522426199202020019,13700137000,河西镇
            刘洋,522426198803030015,13600136000,河西镇
            """,
        "enterprises.csv": """
            企业名称,统一社会信用代码
            贵州示范电子科技有限公司,913505828PBRNYTPLA
            示范县顺达物流有限公司,913302063BFU7CH3JQ
            """,
        "postings.csv": """
            统一社会信用代码,岗位名称,招聘人数,岗位编号
            913505828PBRNYTPLA,电子装配工,40,P001
            913505828PBRNYTPLA,质检员,10,P002
            913302063BFU7CH3JQ,分拣员,20,P003
            """,
        // Four people want the electronics booth first; it has one interviewer and two slots.
        "wishes.csv": """
            身份证号,岗位编号,志愿
            11010519491231002X,P001,1
            11010519491231002X,P003,2
            522426199001010017,P002,1
            522426199202020019,P001,1
            522426199202020019,P003,2
            522426198803030015,P001,1
            522426198803030015,P009,2
            """,
    ]

    static func definition(hours: String, replanAt: String? = nil) -> String {
        """
        name: fair
        date: 2026-03-01
        steps:
          - id: people
            uses: registration.import-people
            with: { file: people.csv }
          - id: enterprises
            uses: registration.import-enterprises
            with: { file: enterprises.csv }
          - id: postings
            needs: enterprises
            uses: registration.import-postings
            with: { file: postings.csv }
          - id: wishes
            needs: [people, postings]
            uses: schedule.import-wishes
            with: { file: wishes.csv }
          - id: plan
            needs: wishes
            uses: schedule.interviews
            with: { hours: "\(hours)", slot: 15m, breaks: ["09:15-09:30"], interviewers: 1 }
        """ + (replanAt.map { """

          - id: replan
            needs: plan
            uses: schedule.interviews
            with: { hours: "\($0)", slot: 15m, interviewers: 1 }
        """ } ?? "")
    }

    @Test func aSmallFairIsPlannedAroundTheBreakAndExplainsWhatItLeavesOut() async throws {
        let h = try EngineHarness(plugins: BuiltinPlugins.engines)
        for (name, text) in Self.files { _ = try h.directory.write(name, text) }
        let run = try await h.engine(waitHorizon: .zero).start(try h.workflow(Self.definition(hours: "09:00-09:45")))
        #expect(run.run.status == .completed, "\(run.steps.map { "\($0.stepId) \($0.status) \($0.error ?? "")" })")
        let wishes = run.steps.first { $0.stepId == "wishes" }?.outputs
        #expect(wishes?["inserted"] == .int(6))   // P009 is no posting: refused with its row
        #expect(wishes?["rejected"] == .int(1))
        let plan = try #require(run.steps.first { $0.stepId == "plan" }?.outputs)
        // 09:00 and 09:30 (the break takes 09:15): two slots, one interviewer per booth.
        #expect(plan["slots"] == .int(2))
        #expect(plan["interviews"] == .int(4))
        #expect(plan["upper_bound"] == .int(4))
        #expect(plan["unmet"] == .int(2))

        let listing = try await h.workspace.pool.read { db in
            try InterviewListing.read(db, campaign: "fair", person: nil)
        }
        #expect(Set(listing.interviews.map(\.time)) == ["09:00-09:15", "09:30-09:45"])
        // Never two at one booth in one slot, never one person in two.
        #expect(Set(listing.interviews.map { "\($0.boothCode) \($0.time)" }).count == 4)
        #expect(Set(listing.interviews.map { "\($0.person) \($0.time)" }).count == 4)
        #expect(listing.interviews.allSatisfy { !$0.idNumber.contains("1231002") })   // masked
        #expect(listing.unmet.map(\.reasonEn).sorted() == [
            "posting P001's booth (贵州示范电子科技有限公司) has all its 2 interview slots taken, by 2 first wishes",
            "posting P001's booth (贵州示范电子科技有限公司) has all its 2 interview slots taken, by 2 first wishes",
        ])
        #expect(listing.unmet.first?.reasonZh == "岗位 P001（贵州示范电子科技有限公司）的 2 个面试名额已满：第一志愿2个")
    }

    @Test(.enabled(if: python, "needs python3 with icalendar (scripts/test installs it)"))
    func calendarsReadBackInARealParserAndMovedSlotsRaiseTheirSequence() async throws {
        let h = try EngineHarness(plugins: BuiltinPlugins.engines)
        for (name, text) in Self.files { _ = try h.directory.write(name, text) }
        // Planned, then planned again an hour later (the organizer moved the fair): every interview moves,
        // so each gets SEQUENCE 1 and calendars that import the files again move their events.
        let run = try await h.engine(waitHorizon: .zero).start(try h.workflow(Self.definition(hours: "09:00-09:45",
                                                                                               replanAt: "10:00-10:30")))
        #expect(run.run.status == .completed)
        #expect(run.steps.first { $0.stepId == "replan" }?.outputs["interviews"] == .int(4))
        let after = try await h.workspace.pool.read { db in try InterviewRow.all(db, campaign: "fair") }
        #expect(after.map(\.sequence) == [1, 1, 1, 1])
        let listing = try await h.workspace.pool.read { db in try InterviewListing.read(db, campaign: "fair", person: nil) }
        let folder = h.directory.url.appendingPathComponent("ics")
        let written = try InterviewCalendars.write(listing, campaign: "fair", to: folder, stamp: Date())
        // Each booth, each booth's (one) interviewer and each job seeker.
        #expect(written == 2 + 2 + Set(listing.interviews.map(\.person)).count)
        let script = """
            import sys, glob, icalendar
            for path in sorted(glob.glob(sys.argv[1] + "/*.ics")):
                raw = open(path, "rb").read()
                assert all(len(line) <= 75 for line in raw.split(b"\\r\\n")), path + ": a line over 75 octets"
                assert b"\\n" not in raw.replace(b"\\r\\n", b""), path + ": a bare LF"
                cal = icalendar.Calendar.from_ical(raw)
                tz = [c for c in cal.walk("VTIMEZONE")]
                assert tz and str(tz[0]["TZID"]) == "Asia/Shanghai", path
                for event in cal.walk("VEVENT"):
                    print(path.split("/")[-1], event["UID"], int(event["SEQUENCE"]),
                          event.decoded("DTSTART").isoformat(), str(event["SUMMARY"]), str(event["LOCATION"]))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, folder.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(problems)")
        let lines = text.split(separator: "\n")
        #expect(lines.count == 12, "\(text)")   // each interview in its booth's, its interviewer's and its seeker's calendar
        #expect(lines.allSatisfy { $0.contains(" 1 2026-03-01T10:") || $0.contains(" 1 2026-03-01T11:") }, "\(text)")
        #expect(text.contains("面试 P001 电子装配工 — "))
        #expect(text.contains("贵州示范电子科技有限公司，面试官 1"))
        #expect(!text.contains("张伟") && !text.contains("11010519491231002X"))   // masked
        // The same interview keeps its UID in both calendars (so a re-import updates it).
        let uids = lines.map { $0.split(separator: " ")[1] }
        #expect(Set(uids).count == 4)
        #expect(text.contains("interviewer-913505828PBRNYTPLA-1.ics"))
    }

    /// Planned again the same day (the break dropped, so there is one more slot): every announced
    /// interview stays at its time and interviewer, and the new room goes to wishes left out before.
    @Test func aReplanKeepsWhatWasAnnounced() async throws {
        let h = try EngineHarness(plugins: BuiltinPlugins.engines)
        for (name, text) in Self.files { _ = try h.directory.write(name, text) }
        let run = try await h.engine(waitHorizon: .zero).start(try h.workflow(Self.definition(hours: "09:00-09:45",
                                                                                               replanAt: "09:00-09:45")))
        let replan = try #require(run.steps.first { $0.stepId == "replan" }?.outputs)
        #expect(replan["kept"] == .int(4))
        #expect(replan["moved"] == .int(0))
        #expect(replan["interviews"] == .int(5))   // the freed break slot takes one more electronics interview
        let rows = try await h.workspace.pool.read { db in try InterviewRow.all(db, campaign: "fair") }
        #expect(rows.allSatisfy { $0.sequence == 0 })
    }

    @Test func foldingNeverCutsACharacter() {
        let line = "SUMMARY:" + String(repeating: "面试贵州示范电子科技有限公司", count: 6)
        let folded = ICalendar.fold(line)
        #expect(folded.count > 1)
        #expect(folded.allSatisfy { $0.utf8.count <= 75 })
        #expect(folded.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(folded.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
    }
}
