import Foundation
import GRDB
import Testing
import WorkflowTesting

/// What the page starts, staff finish on the phone (#35): in headless Chromium at a phone's width,
/// driven through its DevTools protocol (`Fixtures/phone_journey.py`), a placement of someone who
/// never checked in is refused in the page's words and then recorded with the 未到场 box and a note; a
/// walk-in is registered with their township; a lead known by phone only is booked for an interview
/// with the ID number they give. Screenshots: `.build/test-output/phone-*.png`.
@Suite struct PhoneJourneyTests {
    static let output = CLIRunner.packageRoot.appendingPathComponent(".build/test-output")

    /// Runs the journey's steps on the page at `width` px and returns what they read.
    static func walk(_ link: String, width: Int, profile: URL, steps: [[String: String]]) throws -> [Any] {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let script = CLIRunner.packageRoot.appendingPathComponent("Tests/CampaignTests/Fixtures/phone_journey.py").path
        let json = String(decoding: try JSONSerialization.data(withJSONObject: steps), as: UTF8.self)
        let run = try TLSServeTests.run("/usr/bin/env", "python3", script, BrowserTests.chromium!, link, String(width),
                                        output.path, profile.path, json)
        #expect(run.status == 0, "\(run.output)")
        let line = run.output.split(separator: "\n").last.map(String.init) ?? ""
        let result = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(run.output)")
        #expect(result["signed_in"] as? Bool == true, "\(result)")
        return result["reads"] as? [Any] ?? []
    }

    static let answer = "document.getElementById('answer')"

    /// An accessibility check of what is shown (the documented equivalent of an audit tool, which the
    /// machine lacks): every visible input and select has a label, every visible button and label
    /// text stands out from its background by WCAG's 4.5:1, and every button is at least 44 px tall.
    static let audit = #"""
        (() => {
          const visible = el => el.offsetParent !== null && getComputedStyle(el).visibility !== "hidden";
          const rgb = text => (text.match(/[\d.]+/g) || []).map(Number);
          const luminance = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const background = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
            if (c.length < 4 || c[3] > 0) return c.slice(0, 3); } return [255, 255, 255]; };
          const problems = [];
          for (const el of document.querySelectorAll("input, select")) {
            if (!visible(el) || el.type === "file") continue;
            if (!el.labels.length && !el.getAttribute("aria-label")) problems.push("no label: " + (el.id || el.className));
          }
          for (const el of document.querySelectorAll("button, label, h2, a")) {
            if (!visible(el) || !el.textContent.trim()) continue;
            const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(background(el))];
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) problems.push("contrast " + ratio.toFixed(2) + ": " + el.textContent.trim().slice(0, 20));
            if (el.tagName === "BUTTON" && el.getBoundingClientRect().height < 44) problems.push("under 44 px: " + el.textContent.trim());
          }
          return problems;
        })()
        """#

    @Test(.enabled(if: BrowserTests.chromium != nil, "needs Debian's chromium (scripts/test installs it)"), .timeLimit(.minutes(3)))
    func aPlacementWithoutAttendanceAndAWalkInWithTheirTownshipAtThreeHundredSixtyPixels() throws {
        let dir = try TemporaryDirectory()
        let (cli, env, staff, manager) = try ServerTests.fairDayWithStaff(dir)
        let server = try ServerTests.Server(cli, campaign: "spring-fair-2026", env: env)
        let code = try #require((try server.get("api/postings", token: staff).json as? [[String: Any]])?.first?["code"] as? String)
        let booth = """
            $('oPerson').value = '341222197009160001'; $('oPosting').value = '\(code)'; $('oStage').value = 'placement';
            $('oNote').value = '回访推荐';
            """
        let reads = try Self.walk("\(server.base.absoluteString)/#token=\(staff)&lang=zh", width: 360,
                                  profile: dir.url.appendingPathComponent("profile"), steps: [
            // The booth's postings come after sign-in.
            ["wait": "$('oPosting').options.length > 0", "read": Self.audit],
            ["run": booth + "$('oRecord').click()", "wait": "$('oAnswer').className !== ''", "read": "$('oAnswer').textContent"],
            ["run": booth + "$('oNotAttended').checked = true; $('oRecord').click()",
             "wait": "$('oAnswer').className === 'accepted'", "read": "$('oAnswer').textContent", "shot": "phone-360-booth"],
            ["run": """
                $('wName').value = '周杰'; $('wId').value = '11010519491231002X'; $('wPhone').value = '13800138000';
                $('wTownship').value = '河西镇'; $('wVillage').value = '柳村'; $('register').click()
                """, "wait": "\(Self.answer).textContent.includes('周')", "read": "\(Self.answer).className + ' ' + \(Self.answer).textContent",
             "shot": "phone-360-walk-in"],
        ])
        #expect(reads.count == 4, "\(reads)")
        #expect((reads.first as? [String])?.isEmpty == true, "accessibility at 360 px: \(reads.first ?? "")")
        let refused = reads.dropFirst().first as? String ?? ""
        #expect(refused.contains("勾选“未到场”") && !refused.contains("--"), "\(refused)")
        #expect((reads.dropFirst(2).first as? String ?? "").contains("已记录"), "\(reads)")
        #expect((reads.last as? String ?? "").hasPrefix("accepted"), "\(reads)")

        let (township, placed) = try DatabaseQueue(path: cli.database).read { db in
            (try String.fetchOne(db, sql: "SELECT township FROM person WHERE id_number = '11010519491231002X'"),
             try Int.fetchOne(db, sql: """
                SELECT count(*) FROM outcome o JOIN person p ON p.id = o.person_id
                WHERE p.id_number = '341222197009160001' AND o.stage >= 3
                """))
        }
        #expect(township == "河西镇")
        #expect(placed == 1)

        // The desk, as a manager: find someone by the last digits, check them in from the list, and
        // correct their township; the reprint button is there for a lost badge.
        let desk = try Self.walk("\(server.base.absoluteString)/#token=\(manager)&lang=zh", width: 360,
                                 profile: dir.url.appendingPathComponent("profile-desk"), steps: [
            ["run": "$('last4').value = '0002'; $('lookupButton').click()", "wait": "!!document.querySelector('#candidates .reprint')",
             "read": "document.querySelectorAll('#candidates .candidate').length"],
            ["run": "document.querySelector('#candidates .correct').click()", "wait": "!!document.querySelector('.correction')"],
            ["run": "document.querySelector('.correction [name=township]').value = '柳树乡'; document.querySelector('.saveCorrection').click()",
             "wait": "\(Self.answer).className === 'accepted'", "read": "\(Self.answer).textContent", "shot": "phone-360-desk"],
        ])
        #expect((desk.first as? Int ?? 0) >= 1, "\(desk)")
        #expect((desk.last as? String ?? "").contains("已更正") && (desk.last as? String ?? "").contains("柳树乡"), "\(desk)")
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "needs Debian's chromium (scripts/test installs it)"), .timeLimit(.minutes(3)))
    func aLeadKnownByPhoneOnlyIsBookedWithTheIDNumberTheyGive() throws {
        let dir = try TemporaryDirectory()
        let cli = try LivestreamJourneyTests.afterTheStream(dir)
        let li = ServerTests.token(try cli.run("staff", "add", "李娜").stdout)
        let call = try #require(try DatabaseQueue(path: cli.database).read { db in
            try Int64.fetchOne(db, sql: """
                SELECT c.id FROM livestream_call c JOIN livestream_lead l ON l.id = c.lead_id
                WHERE c.staff = '李娜' AND c.status = 'open' AND l.person_id IS NULL AND l.name <> '' ORDER BY c.id LIMIT 1
                """)
        }, "李娜 has a lead known by phone only")
        let server = try ServerTests.Server(cli, campaign: LivestreamJourneyTests.campaign,
                                            env: ["CAMPAIGN_NOW": "2026-03-16T10:00:00+08:00"])
        let row = "document.querySelector('[data-call=\"\(call)\"]')"
        let reads = try Self.walk("\(server.base.absoluteString)/#token=\(li)&lang=zh", width: 360,
                                  profile: dir.url.appendingPathComponent("profile"), steps: [
            ["wait": "!!\(row)", "read": "!document.getElementById('scan') || !!document.getElementById('scan').closest('.hidden')"],
            ["run": "\(row).querySelector('[data-status=booked]').click()", "wait": "!!\(row).querySelector('.booking')",
             "read": Self.audit],
            ["run": "\(row).querySelector('.bookPosting').selectedIndex = 1; \(row).querySelector('.bookConfirm').click()",
             "wait": "\(Self.answer).className === 'rejected'", "read": "\(Self.answer).textContent"],
            ["run": "\(row).querySelector('.bookId').value = '11010519491231002X'; \(row).querySelector('.bookConfirm').click()",
             "wait": "\(Self.answer).className === 'accepted'", "read": "\(Self.answer).textContent", "shot": "phone-360-calls"],
        ])
        #expect(reads.count == 4, "\(reads)")
        #expect(reads.first as? Bool == true, "the gate's scan box is not shown on a livestream's page")
        #expect((reads.dropFirst().first as? [String])?.isEmpty == true, "accessibility at 360 px: \(reads.dropFirst().first ?? "")")
        let refused = reads.dropFirst(2).first as? String ?? ""
        #expect(refused.contains("身份证号") && !refused.contains("--"), "\(refused)")
        #expect((reads.last as? String ?? "").contains("约面试"), "\(reads)")
        let booked = try DatabaseQueue(path: cli.database).read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM livestream_call c JOIN livestream_lead l ON l.id = c.lead_id JOIN person p ON p.id = l.person_id
                WHERE c.id = ? AND c.status = 'booked' AND p.id_number = '11010519491231002X'
                """, arguments: [call])
        }
        #expect(booked == 1)
    }
}
