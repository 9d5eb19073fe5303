import Foundation
import GRDB
import Testing
import WorkflowTesting

/// `workflows/bus-transport.yaml` from the command line, as a county runs it: vehicles and passengers
/// imported, the roster and masked manifests, the four checkpoints scanned at the bus doors (one
/// worker on the wrong bus, one left behind, no-shows), the follow-up records, the subsidy at its
/// three-month boundary, and the tally with its transport section.
@Suite struct TransportJourneyTests {
    static let campaign = "bus-transport-2026"

    /// The sample copied into the test's folder: its reports and reject files stay there.
    static func sample(_ dir: TemporaryDirectory) throws -> String {
        let target = dir.url.appendingPathComponent("workflows")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("workflows"), to: target)
        try? FileManager.default.removeItem(at: target.appendingPathComponent("reports"))
        return target.appendingPathComponent("bus-transport.yaml").path
    }

    /// Passengers of the sample by row (1: the first after the header): ID number and destination province.
    static func passenger(_ row: Int) throws -> (id: String, province: String) {
        let text = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("workflows/data/passengers.csv"),
                              encoding: .utf8)
        let cells = text.split(whereSeparator: \.isNewline)[row].split(separator: ",", omittingEmptySubsequences: false)
        return (String(cells[1]), String(cells[8]))
    }

    static func plate(of id: String, db: String) throws -> String {
        try DatabaseQueue(path: db).read { db in
            try String.fetchOne(db, sql: """
                SELECT plate FROM transport_seat JOIN person ON person.id = transport_seat.person_id WHERE id_number = ?
                """, arguments: [id])!
        }
    }

    @Test func theSampleRunsFromRosterToSubsidyAndTally() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        cli.environment["CAMPAIGN_NOW"] = "2026-02-19T20:00:00+08:00"
        let yaml = try Self.sample(dir)
        let start = try cli.run("start", yaml)
        #expect(start.status == 0, "\(start.stderr)")
        // The 22 who wished to leave on the 21st go on the 20th's buses, which have room: 4 buses instead of 6.
        #expect(start.stdout.contains("batches=3 buses=4 changed=22 earlier=22"), "\(start.stdout)")
        #expect(start.stdout.contains("✓ roster"), "\(start.stdout)")
        #expect(start.stdout.contains("batches=3 buses=4"), "\(start.stdout)")
        #expect(start.stdout.contains("depart：3 个实例，每项一个"))
        #expect(start.stdout.contains("正在等待（已完成 4/13 步）"), "\(start.stdout)")

        // The roster: the fewest buses, said beside the count.
        let roster = try cli.run("roster", "--campaign", Self.campaign, "--dry-run")
        #expect(roster.status == 0, "\(roster.stderr)")
        #expect(roster.stdout.contains("4 辆车（最少可能：4），3 个批次，128 名乘客；128 人保留座位"), "\(roster.stdout)")

        // Masked manifests, one bus a page.
        let manifests = dir.url.appendingPathComponent("workflows/reports/\(Self.campaign)-manifests.html")
        let html = try String(contentsOf: manifests, encoding: .utf8)
        let (a, _) = try Self.passenger(1)
        #expect(html.components(separatedBy: "<section class=\"bus\">").count == 6)   // the batch summary, then 4 buses
        #expect(html.contains("第2批 1号车"))
        #expect(html.contains(String(a.prefix(6)) + "********" + String(a.suffix(4))))
        #expect(!html.contains(a))

        // The workbook: the batch summary, a sheet per bus, masked, printable on A4 with the header repeated.
        let xlsx = dir.url.appendingPathComponent("manifests.xlsx").path
        #expect(try cli.run("roster", "--campaign", Self.campaign, "--xlsx", xlsx).status == 0)
        let book = try Self.openpyxl(xlsx, """
            s = wb[wb.sheetnames[1]]
            out = {"sheets": wb.sheetnames, "title": s["A1"].value, "header": [c.value for c in s[3]],
                   "first": [c.value for c in s[4]], "paper": s.page_setup.paperSize, "titles": s.print_title_rows,
                   "batches": [[c.value for c in r] for r in wb["批次汇总"].iter_rows(min_row=4, max_row=5)]}
            """)
        #expect((book["sheets"] as? [String])?.count == 5)
        #expect((book["sheets"] as? [String])?.first == "批次汇总")
        #expect((book["title"] as? String)?.hasPrefix("2026年春节后点对点包车返岗 第1批") == true, "\(book)")   // the title, not the id (#36)
        #expect((book["header"] as? [String])?.prefix(3) == ["座位", "姓名", "身份证号"])
        #expect(((book["first"] as? [Any])?[2] as? String)?.contains("********") == true)
        #expect(book["paper"] as? String == "9" || book["paper"] as? Int == 9)
        #expect(book["titles"] as? String == "$3:$3")
        #expect((book["batches"] as? [[Any]])?.first?.prefix(4).map { "\($0)" } == ["第1批", "2026-02-20", "广东东莞精密电子有限公司", "1"])

        // The bus doors: A passes every checkpoint on their own bus; B boards another bus without
        // leaving home; C boards and is never scanned off; the rest never board.
        let (b, _) = try Self.passenger(2)
        let (c, _) = try Self.passenger(3)
        let plateA = try Self.plate(of: a, db: cli.database)
        let plateB = try Self.plate(of: b, db: cli.database)
        let wrong = plateB == "贵A·12345" ? "贵A·23456" : "贵A·12345"
        let scans: [(String, String, String)] = [(a, "leave-home", ""), (a, "board", plateA), (b, "board", wrong),
                                                 (c, "leave-home", ""), (c, "board", try Self.plate(of: c, db: cli.database)),
                                                 (a, "alight", ""), (a, "enter-factory", "")]
        // The eve is not their day: a board scan is refused with the right one (#36).
        let early = try cli.run("checkin", a, "--campaign", Self.campaign, "--checkpoint", "board", "--gate", plateA)
        #expect(early.status == 1)
        #expect(early.stdout.contains("此人应在 2026-02-20 通过此处，不是今天（2026-02-19）"), "\(early.stdout)")
        cli.environment["CAMPAIGN_NOW"] = "2026-02-20T06:00:00+08:00"   // the morning of the first departures
        for (person, checkpoint, gate) in scans {
            let scan = try cli.run("checkin", person, "--campaign", Self.campaign, "--checkpoint", checkpoint, "--gate", gate)
            #expect(scan.status == 0, "\(checkpoint): \(scan.stderr)")
        }
        let busB = try cli.run("buses", "--campaign", Self.campaign, "--plate", plateB, "--lang", "en")
        #expect(busB.stdout.contains("boarded without left home; boarded another bus: \(wrong)"), "\(busB.stdout)")
        // A bus's head count is who is on it: B counts on the bus B boarded, listed there as seated
        // elsewhere, and not on B's own.
        let plateC = try Self.plate(of: c, db: cli.database)
        func boarded(_ text: String) -> Int? {
            (text.firstMatch(of: /(\d+) of \d+ boarded/)?.1).flatMap { Int($0) }
        }
        func ownRiders(on plate: String) -> Int { [plateA, plateC].filter { $0 == plate }.count }
        #expect(boarded(busB.stdout) == ownRiders(on: plateB), "\(busB.stdout)")
        let busWrong = try cli.run("buses", "--campaign", Self.campaign, "--plate", wrong, "--lang", "en")
        #expect(boarded(busWrong.stdout) == ownRiders(on: wrong) + 1, "\(busWrong.stdout)")
        #expect(busWrong.stdout.contains("not on this bus's list: seated on 第"), "\(busWrong.stdout)")
        #expect(busWrong.stdout.contains(String(b.prefix(6)) + "********" + String(b.suffix(4))))
        for checkpoint in ["leave-home", "board", "alight", "enter-factory"] {
            #expect(try cli.run("signal", Self.campaign, checkpoint).status == 0)
        }
        // A morning's departures at once (#36): each batch of the day gets its own signal.
        let none = try cli.run("signal", Self.campaign, "depart", "--day", "2026-02-25")
        #expect(none.status == 64)
        #expect(none.stderr.contains("步骤“depart”没有与“2026-02-25”相符且正在等待通知的实例"), "\(none.stderr)")
        let morning = try cli.run("signal", Self.campaign, "depart", "--day", "2026-02-20")
        #expect(morning.status == 0, "\(morning.stderr)")
        #expect(morning.stdout.contains("depart[1]: 已收到通知") && morning.stdout.contains("depart[2]: 已收到通知"), "\(morning.stdout)")
        #expect(morning.stdout.contains("⏸ depart[3]"), "\(morning.stdout)")
        #expect(try cli.run("signal", Self.campaign, "depart", "--day", "2026-02-21").status == 0)
        let signals = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchAll(db, sql: "SELECT step_id FROM workflow_signal WHERE step_id LIKE 'depart%' ORDER BY id")
        }
        #expect(signals == ["depart[1]", "depart[2]", "depart[3]"])
        let buses = try cli.run("buses", "--campaign", Self.campaign)
        #expect(buses.stdout.contains("4 辆车；没有开放的检查点"), "\(buses.stdout)")
        let busC = try cli.run("buses", "--campaign", Self.campaign, "--plate", try Self.plate(of: c, db: cli.database))
        #expect(busC.stdout.contains("下车未到"), "\(busC.stdout)")
        #expect(busC.stdout.contains("未上车"))

        // Three months on: the follow-up records decide the subsidy at its boundary.
        let (g, province) = try Self.passenger(119)
        #expect(province == "贵州省")
        let records = try dir.write("followup.csv", """
            身份证号,入职日期,是否在岗,离职日期,回访日期,开户银行,社保卡号
            \(a),2026-02-22,在岗,,2026-05-22,贵州农信,6231 0012 3456 7890 123
            \(b),2026-02-22,离职,2026-05-21,,,
            \(g),2026-02-23,在岗,,2026-06-01,,
            """)
        let imported = try cli.run("import", "employment", records, "--campaign", Self.campaign)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("3 行：新增 3"), "\(imported.stdout)")
        let subsidy = try cli.run("subsidy", "--campaign", Self.campaign, "--home-province", "贵州省", "--amount", "500",
                                  "--lang", "en")
        #expect(subsidy.stdout.contains("stayed 3 months 0 days: qualifies"), "\(subsidy.stdout)")
        #expect(subsidy.stdout.contains("left after 2 months 29 days"))
        #expect(subsidy.stdout.contains("works in the home province (贵州省)"))
        #expect(subsidy.stdout.contains("1 qualify (500 yuan), 127 fall short"))
        #expect(subsidy.stdout.contains("never boarded"), "no-shows are not carried (#36)")
        // Only C boarded without a follow-up record; the rest who have none never boarded.
        #expect(subsidy.stdout.components(separatedBy: "no follow-up employment record").count == 2, "\(subsidy.stdout)")
        // The payment list: the campaign's title, the bank and the account (masked), the amount, a column to sign.
        let list = dir.url.appendingPathComponent("payment.xlsx").path
        #expect(try cli.run("subsidy", "--campaign", Self.campaign, "--home-province", "贵州省", "--amount", "500",
                            "--xlsx", list).status == 0)
        let payment = try Self.openpyxl(list, """
            s = wb["补贴名单"]
            out = {"title": s["A1"].value, "header": [c.value for c in s[3]], "first": [c.value for c in s[4]],
                   "form": s["A2"].value, "page_header": s.oddHeader.center.text, "page_footer": s.oddFooter.right.text}
            """)
        // Printed as a county form: 填报单位 under the title, the title and 第 N 页，共 M 页 on every page.
        #expect(payment["form"] as? String == "填报单位：示范县人力资源和社会保障局", "\(payment)")
        #expect(payment["page_header"] as? String == "2026年春节后点对点包车返岗 交通补贴发放名单", "\(payment)")
        #expect(payment["page_footer"] as? String == "第 &P 页，共 &N 页", "\(payment)")
        #expect(payment["title"] as? String == "2026年春节后点对点包车返岗 交通补贴发放名单", "\(payment)")
        #expect((payment["header"] as? [String])?.suffix(4) == ["开户银行", "账号/社保卡号", "补贴金额（元）", "领取人签字"], "\(payment)")
        let first = payment["first"] as? [Any] ?? []
        #expect(first.count == 15 && first[11] as? String == "贵州农信", "\(payment)")
        #expect(first.count == 15 && first[12] as? String == "6231***********0123", "\(payment)")

        let finish = try cli.run("signal", Self.campaign, "stay", env: ["CAMPAIGN_NOW": "2026-05-25T09:00:00+08:00"])
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect(finish.stdout.contains("amount=500"), "\(finish.stdout)")
        #expect(finish.stdout.contains("活动 \(Self.campaign) 已完成（共 13 步）"), "\(finish.stdout)")
        #expect(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent(
            "workflows/reports/\(Self.campaign)-subsidy.xlsx").path))

        let tally = try cli.run("tally", Self.campaign, "--format", "json")
        #expect(tally.status == 0, "\(tally.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(tally.stdout.utf8)) as! [String: Any]
        let funnel = json["funnel"] as! [String: Any]
        for (key, value) in ["buses": 4, "batches": 3, "passengers": 128, "boarded": 3, "arrived": 1, "entered_factory": 1,
                             "subsidy_qualified": 1, "subsidy_yuan": 500, "checkpoint_anomalies": 2] {
            #expect((funnel[key] as? Int) == value, "\(key): \(String(describing: funnel[key]))")
        }
        // By destination: transport's own breakdown, in the step's report too.
        let byDestination = try cli.run("tally", Self.campaign, "--by", "destination", "--format", "json")
        let destination = try JSONSerialization.jsonObject(with: Data(byDestination.stdout.utf8)) as! [String: Any]
        let breakdown = try #require((destination["breakdowns"] as? [[String: Any]])?.first)
        #expect(breakdown["by"] as? String == "destination")
        let rows = try #require(breakdown["rows"] as? [[String: Any]])
        let passengers = rows.map { (($0["counts"] as? [String: Any])?["passengers"] as? Int) ?? -1 }
        #expect(passengers.sorted() == [18, 42, 68])   // 朱辉 (row 89, phone a digit short) travels too
        #expect(rows.reduce(0) { $0 + ((($1["counts"] as? [String: Any])?["boarded"] as? Int) ?? 0) } == 3)
        let report = try String(contentsOf: dir.url.appendingPathComponent("workflows/reports/\(Self.campaign).html"), encoding: .utf8)
        #expect(report.contains("按目的地企业"))
    }

    @Test func unmaskedManifestsAreAManagersRecordedAct() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        cli.environment["CAMPAIGN_NOW"] = "2026-02-19T20:00:00+08:00"
        #expect(try cli.run("start", try Self.sample(dir)).status == 0)
        #expect(try cli.run("staff", "add", "李", "--role", "staff").status == 0)
        #expect(try cli.run("staff", "add", "王主任", "--role", "manager").status == 0)
        let out = dir.url.appendingPathComponent("escort.html").path
        let refused = try cli.run("roster", "--campaign", Self.campaign, "--manifests", out, "--unmasked", "--by", "李")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("李 的角色是 staff，不是管理员：未遮挡的数据只给管理员"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let (a, _) = try Self.passenger(1)
        let done = try cli.run("roster", "--campaign", Self.campaign, "--manifests", out, "--unmasked", "--by", "王主任")
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("（未脱敏，已记录）"), "\(done.stdout)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains(a))
        let entries = try DatabaseQueue(path: cli.database).read { db in
            try Row.fetchAll(db, sql: "SELECT actor, action, campaign, detail FROM audit_log")
        }
        #expect(entries.count == 1)
        #expect(entries.first?["actor"] == "王主任")
        #expect(entries.first?["action"] == "unmasked-export")
        #expect((entries.first?["detail"] as String?)?.contains("escort.html") == true)
    }

    /// #36: a coach to 广东 or 浙江 is away four days; the roster prints each coach's days out and back,
    /// and a trip length out of range is a validation error at its line.
    @Test func eachCoachsDaysOutAndBackArePrinted() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        cli.environment["CAMPAIGN_NOW"] = "2026-02-19T20:00:00+08:00"
        let yaml = try Self.sample(dir)
        #expect(try cli.run("start", yaml).status == 0)
        let roster = try cli.run("roster", "--campaign", Self.campaign, "--dry-run")
        #expect(roster.stdout.contains("贵A·67890：02-20 → 广东东莞精密电子有限公司（02-24 回）"), "\(roster.stdout)")
        #expect(roster.stdout.contains("贵A·12345：02-21 → 贵阳经开区食品有限公司（02-22 回）"), "\(roster.stdout)")
        #expect(roster.stdout.contains("2 辆车未出车：贵A·23456 贵A·34567"), "\(roster.stdout)")
        // pickup_order: each bus collects a stretch of the road, in its order, and the stops are counted.
        #expect(roster.stdout.contains("龙泉乡政府 → 青山乡车站 → 白沙镇政府 → 河西镇车站 → 城关镇政府"), "\(roster.stdout)")
        #expect(roster.stdout.contains("  河西镇车站 → 城关镇政府"), "\(roster.stdout)")
        #expect(roster.stdout.contains("沿途停靠共 15 站（每个批次每个上车点至少停一次：14 站）"), "\(roster.stdout)")
        let text = try String(contentsOfFile: yaml, encoding: .utf8)
            .replacingOccurrences(of: "{ 广东省: 4, 浙江省: 4, 贵州省: 1 }", with: "{ 广东省: 0, 浙江省: 4 }")
        let bad = try dir.write("workflows/bad.yaml", text)
        let checked = try cli.run("validate", bad)
        #expect(checked.status == 65)
        #expect(checked.stderr.contains("trip_days 中“广东省”的天数应是 1 到 60 的整数，不是 0"), "\(checked.stderr)")
    }

    /// #36: boarding on another day than one's departure is refused with the right day; a manager may
    /// let the person through, and that is in the audit log.
    @Test func boardingOnAnotherDayIsRefusedUnlessAManagerLetsThemThrough() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        cli.environment["CAMPAIGN_NOW"] = "2026-02-19T20:00:00+08:00"
        #expect(try cli.run("start", try Self.sample(dir)).status == 0)
        #expect(try cli.run("staff", "add", "王主任", "--role", "manager").status == 0)
        #expect(try cli.run("staff", "add", "小李").status == 0)
        let (g, province) = try Self.passenger(119)
        #expect(province == "贵州省")
        let plate = try Self.plate(of: g, db: cli.database)
        cli.environment["CAMPAIGN_NOW"] = "2026-02-20T06:00:00+08:00"
        let refused = try cli.run("checkin", g, "--campaign", Self.campaign, "--checkpoint", "board", "--gate", plate,
                                  "--staff", "小李")
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("此人应在 2026-02-21 通过此处，不是今天（2026-02-20）"), "\(refused.stdout)")
        let notManager = try cli.run("checkin", g, "--campaign", Self.campaign, "--checkpoint", "board", "--gate", plate,
                                     "--staff", "小李", "--override-day")
        #expect(notManager.status != 0)
        #expect(notManager.stderr.contains("小李"), "\(notManager.stderr)")
        let let_ = try cli.run("checkin", g, "--campaign", Self.campaign, "--checkpoint", "board", "--gate", plate,
                               "--staff", "王主任", "--override-day")
        #expect(let_.status == 0, "\(let_.stdout)\(let_.stderr)")
        let audit = try cli.run("audit")
        #expect(audit.stdout.contains("越日放行") && audit.stdout.contains("王主任"), "\(audit.stdout)")
        #expect(audit.stdout.contains("due on 2026-02-21"), "\(audit.stdout)")

        // Once the 20th's buses have left, boarding onto them is refused, saying when they left.
        let (a, _) = try Self.passenger(1)
        let plateA = try Self.plate(of: a, db: cli.database)
        #expect(try cli.run("signal", Self.campaign, "depart", "--day", "2026-02-20").status == 0)
        let late = try cli.run("checkin", a, "--campaign", Self.campaign, "--checkpoint", "board", "--gate", plateA)
        #expect(late.status == 1)
        #expect(late.stdout.contains("此人所乘车辆已于 2026-02-20 06:00 发车"), "\(late.stdout)")
        let outputs = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchAll(db, sql: "SELECT outputs_json FROM workflow_step WHERE step_id LIKE 'depart[%' AND status = 'succeeded'")
        }
        #expect(outputs.sorted() == ["{\"boarded\":0,\"missing\":42,\"seated\":42}", "{\"boarded\":0,\"missing\":68,\"seated\":68}"], "\(outputs)")
    }

    @Test func tooFewVehiclesNameWhoHasNoSeatAndChangeNothing() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        cli.environment["CAMPAIGN_NOW"] = "2026-02-19T20:00:00+08:00"
        #expect(try cli.run("start", try Self.sample(dir)).status == 0)
        let retire = try dir.write("retire.csv", "车牌号,座位数,状态\n贵A·45678,45,停用\n贵A·56789,45,停用\n贵A·23456,53,停用\n")
        #expect(try cli.run("import", "vehicles", retire, "--campaign", Self.campaign).status == 0)
        let before = try cli.run("roster", "--campaign", Self.campaign, "--dry-run")
        #expect(before.status == 65)
        #expect(before.stderr.contains("车辆不够"), "\(before.stderr)")
        // The three coaches left carry 02-20's Dongguan and Ningbo passengers, and are four days away on
        // 02-21 (trip_days): Guiyang's 18 have no coach that day.
        #expect(before.stderr.contains("2026-02-21 → 贵阳经开区食品有限公司：18 人无座位"), "\(before.stderr)")
        #expect(before.stderr.contains("campaign import vehicles FILE --campaign \(Self.campaign)"))
        let seats = try DatabaseQueue(path: cli.database).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM transport_seat WHERE plate = '贵A·45678'")
        }
        #expect(seats == 43)   // the saved roster is untouched
    }

    @Test func aReRunAfterOneChangeMovesOnlyThatPassenger() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        cli.environment["CAMPAIGN_NOW"] = "2026-02-19T20:00:00+08:00"
        #expect(try cli.run("start", try Self.sample(dir)).status == 0)
        let text = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("workflows/data/passengers.csv"),
                              encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "2026-02-20", with: "2026-02-21")   // A travels a day later
        lines[2] = lines[2].replacingOccurrences(of: ",,", with: ",").dropLast() + ",取消"  // B withdraws
        let edited = try dir.write("passengers-v2.csv", lines.joined(separator: "\n"))
        let imported = try cli.run("import", "passengers", edited, "--campaign", Self.campaign)
        #expect(imported.stdout.contains("，更新 2，"), "\(imported.stdout)")
        let again = try cli.run("roster", "--campaign", Self.campaign, "--lang", "en")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("for 127 passengers; 126 kept their seat, 2 moved, 0 added"), "\(again.stdout)")
        #expect(again.stdout.contains("(departure day or destination changed)"))
        #expect(again.stdout.contains("→ — (withdrawn)"))
    }

    @Test func aFairsPlacedWorkersWithDistantEnterprisesBecomePassengers() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let fairDay = ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]
        let start = try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports", env: fairDay)
        #expect(start.status == 0, "\(start.stderr)")
        let ids = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchAll(db, sql: "SELECT id_number FROM person ORDER BY id LIMIT 3")
        }
        // Placed with 宁波 (far, the province from `provinces:`), 示范县 (local) and 东莞 (far, province unknown).
        for (id, posting) in zip(ids, ["SF004", "SF001", "SF008"]) {
            #expect(try cli.run("checkin", id, "--campaign", "spring-fair-2026", "--gate", "north", env: fairDay).status == 0)
            let placed = try cli.run("record", "placement", "--campaign", "spring-fair-2026", "--person", id,
                                     "--posting", posting, env: fairDay)
            #expect(placed.status == 0, "\(placed.stderr)")
        }
        let yaml = try dir.write("buses.yaml", """
            name: buses-2026
            kind: bus-transport
            steps:
              - id: placed
                uses: transport.import-placements
                with:
                  from: spring-fair-2026
                  local: [示范县]
                  departs_on: 2026-03-15
                  provinces: { 宁波市: 浙江省 }
              - id: again
                needs: placed
                uses: transport.import-placements
                with: { from: spring-fair-2026, local: [示范县], departs_on: 2026-03-16 }
            """)
        let bus = try cli.run("start", yaml, env: ["CAMPAIGN_NOW": "2026-03-10T09:00:00+08:00"])
        #expect(bus.status == 0, "\(bus.stderr)")
        #expect(bus.stdout.contains("added=2 already=0 local=1 unknown_province=1"), "\(bus.stdout)")
        #expect(bus.stdout.contains("added=0 already=2 local=1 unknown_province=0"), "\(bus.stdout)")
        #expect(bus.stdout.contains("1 名乘客的目的地没有省份"), "\(bus.stdout)")
        let rows = try DatabaseQueue(path: cli.database).read { db in
            try Row.fetchAll(db, sql: """
                SELECT destination, city, province, departs_on FROM transport_passenger ORDER BY destination
                """).map { [$0["destination"], $0["city"], $0["province"], $0["departs_on"]] as [String] }
        }
        #expect(rows == [["广东东莞华盛五金制品厂", "东莞市", "", "2026-03-15"],
                         ["浙江宁波长丰服装有限公司", "宁波市", "浙江省", "2026-03-15"]])
        // Registered to the bus campaign (so its checkpoints can scan them), through the placement channel.
        let registered = try DatabaseQueue(path: cli.database).read { db in
            try String.fetchAll(db, sql: "SELECT channel FROM registration WHERE campaign = 'buses-2026'")
        }
        #expect(registered == ["placement", "placement"])
    }

    /// Opens a workbook with Python's openpyxl (scripts/test installs it), runs `body` (which sets `out`) and
    /// returns `out` read back as JSON.
    static func openpyxl(_ path: String, _ body: String) throws -> [String: Any] {
        let script = "import json, sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n" + body
            + "\nprint(json.dumps(out, ensure_ascii=False, default=str))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openpyxl could not read the workbook (scripts/test installs it): \(errors)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
