import Foundation
import GRDB
import Ledger
import Testing
import Workflow
import WorkflowTesting

/// The manager's journey through the real binary on the sample fair: record outcomes, import a
/// follow-up sheet, tally in every format; the workbook is read back by a real XLSX reader
/// (Python's openpyxl) and the HTML report rendered by headless Chromium.
@Suite struct OutcomeCLITests {
    static let fairDay = ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]
    /// Follow-ups are recorded after the fair: an outcome dated after today is refused.
    static let followUp = ["CAMPAIGN_NOW": "2026-03-20T10:00:00+08:00"]

    /// The spring fair started on its day (imports done, gates open), and three ID numbers and posting codes.
    func startedFair(_ dir: TemporaryDirectory) throws -> (CLIRunner, ids: [String], postings: [String]) {
        let cli = CLIRunner(directory: dir)
        let start = try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                                env: Self.fairDay)
        #expect(start.status == 0, "\(start.stderr)")
        #expect(try cli.run("staff", "add", "Li").status == 0)
        let queue = try DatabaseQueue(path: cli.database)
        let (ids, postings) = try queue.read { db in
            (try String.fetchAll(db, sql: "SELECT id_number FROM person ORDER BY id LIMIT 3"),
             try String.fetchAll(db, sql: "SELECT code FROM posting ORDER BY id LIMIT 2"))
        }
        return (cli, ids, postings)
    }

    /// `record --correct --staff NAME` acts with that account's role: a staff account is refused as the
    /// page refuses it (exit 65, who may), a manager's correction goes through.
    @Test func aCorrectionNamesAManagerOrIsRefused() throws {
        let dir = try TemporaryDirectory()
        let (cli, ids, postings) = try startedFair(dir)
        #expect(try cli.run("staff", "add", "Chen", "--role", "manager").status == 0)
        #expect(try cli.run("record", "intent", "--campaign", "spring-fair-2026", "--person", ids[0], "--posting", postings[0],
                            env: Self.fairDay).status == 0)
        let bystaff = try cli.run("record", "interview", "--correct", "--campaign", "spring-fair-2026", "--person", ids[0],
                                  "--posting", postings[0], "--staff", "Li", env: Self.fairDay)
        #expect(bystaff.status == 65, "\(bystaff.stdout)\(bystaff.stderr)")
        #expect(bystaff.stderr.contains("只有管理员可以更正结果：Li 是普通工作人员账号"), "\(bystaff.stderr)")
        let byManager = try cli.run("record", "interview", "--correct", "--campaign", "spring-fair-2026", "--person", ids[0],
                                    "--posting", postings[0], "--staff", "Chen", env: Self.fairDay)
        #expect(byManager.status == 0, "\(byManager.stderr)")
    }

    /// A report written, then an outcome recorded: the report no longer holds, and `tally` says so
    /// until it is written again.
    @Test func anOutcomeAfterTheReportMarksItStaleUntilItIsWrittenAgain() throws {
        let dir = try TemporaryDirectory()
        let (cli, ids, postings) = try startedFair(dir)
        #expect(try cli.run("checkin", ids[0], "--campaign", "spring-fair-2026", "--gate", "north", env: Self.fairDay).status == 0)
        let report = dir.url.appendingPathComponent("report.xlsx").path
        #expect(try cli.run("tally", "spring-fair-2026", "--format", "xlsx", "--out", report, env: Self.fairDay).status == 0)
        #expect(!(try cli.run("tally", "spring-fair-2026", env: Self.fairDay).stderr.contains("out of date")))
        #expect(try cli.run("record", "placement", "--campaign", "spring-fair-2026", "--person", ids[0],
                            "--posting", postings[0], env: Self.followUp).status == 0)
        let stale = try cli.run("tally", "spring-fair-2026", env: Self.followUp)
        #expect(stale.status == 0)
        #expect(stale.stderr.contains("已经过时——此后有"), "\(stale.stderr)")
        #expect(stale.stderr.contains("成功就业 0 → 1"),
                "\(stale.stderr)")
        #expect(stale.stderr.contains(report))
        #expect(try cli.run("tally", "spring-fair-2026", "--format", "xlsx", "--out", report, env: Self.followUp).status == 0)
        #expect(!(try cli.run("tally", "spring-fair-2026", env: Self.followUp).stderr.contains("out of date")))
    }

    @Test(.timeLimit(.minutes(5)))
    func recordImportAndTallyThroughTheCommandLine() throws {
        let dir = try TemporaryDirectory()
        let (cli, ids, postings) = try startedFair(dir)
        for id in ids { #expect(try cli.run("checkin", id, "--campaign", "spring-fair-2026", "--gate", "north", env: Self.fairDay).status == 0) }

        let interview = try cli.run("record", "interview", "--campaign", "spring-fair-2026", "--person", ids[0],
                                    "--posting", postings[0], "--staff", "Li", env: Self.fairDay)
        #expect(interview.status == 0, "\(interview.stderr)")
        #expect(interview.stdout.contains("✓ "))
        #expect(interview.stdout.contains("：面试，电子装配工（贵州示范电子科技有限公司）"), "\(interview.stdout)")
        let placed = try cli.run("record", "placement", "--campaign", "spring-fair-2026", "--person", ids[0],
                                 "--posting", postings[0], "--date", "2026-03-10", env: Self.followUp)
        #expect(placed.stdout.contains("（之前为面试）"), "\(placed.stdout)")
        let same = try cli.run("record", "intent", "--campaign", "spring-fair-2026", "--person", ids[0],
                               "--posting", postings[0], env: Self.fairDay)
        #expect(same.stdout.contains("已经是成功就业；没有改变"), "\(same.stdout)")
        for output in [interview.stdout, placed.stdout, same.stdout] { #expect(!output.contains(ids[0])) }
        // A date after today, or before the fair and the registration, is a typo: refused, and said why.
        let future = try cli.run("record", "interview", "--campaign", "spring-fair-2026", "--person", ids[1],
                                 "--posting", postings[0], "--date", "2026-04-10", env: Self.followUp)
        #expect(future.status == 65)
        #expect(future.stderr.contains("错误：--date: 2026-04-10 晚于今天（2026-03-20）；结果发生后再登记"), "\(future.stderr)")
        let inEnglish = try cli.run("record", "interview", "--campaign", "spring-fair-2026", "--person", ids[1],
                                    "--posting", postings[0], "--date", "2026-04-10",
                                    env: Self.followUp.merging(["CAMPAIGN_LANG": "en"]) { $1 })
        #expect(inEnglish.stderr.contains("error: --date: 2026-04-10 is after today (2026-03-20)"), "\(inEnglish.stderr)")
        let past = try cli.run("record", "interview", "--campaign", "spring-fair-2026", "--person", ids[1],
                               "--posting", postings[0], "--date", "2025-03-05", env: Self.followUp)
        #expect(past.status == 65)
        #expect(past.stderr.contains("2025-03-05 早于 spring-fair-2026（举办于 2026-03-01；报名于 2026-03-01）；请核对年份和月份"),
                "\(past.stderr)")

        // Clear refusals and exit codes.
        let stranger = try cli.run("record", "interview", "--campaign", "spring-fair-2026", "--person", "11010519491231002X",
                                   "--posting", postings[0])
        #expect(stranger.status == 65)
        #expect(stranger.stderr.contains("台账中没有身份证号为 110105********002X 的人员"), "\(stranger.stderr)")
        #expect(try cli.run("record", "hired-maybe", "--campaign", "spring-fair-2026", "--person", ids[0],
                            "--posting", postings[0]).status == 64)
        #expect(try cli.run("record", "none", "--campaign", "spring-fair-2026", "--person", ids[0],
                            "--posting", postings[0]).status == 64)

        let sheet = try dir.write("回访.csv", """
            身份证号,岗位编号,结果,日期
            \(ids[1]),\(postings[1]),达成意向,2026-03-05
            \(ids[2]),\(postings[1]),面试,2026-03-05
            \(ids[2]),PZZZZZZ,面试,2026-03-05
            """)
        let imported = try cli.run("import", "outcomes", sheet, "--campaign", "spring-fair-2026", env: Self.followUp)
        #expect(imported.status == 65, "a partial import says so to scripts: \(imported.stderr)")
        #expect(imported.stderr.contains("1 行未导入；其余的行已导入"), "\(imported.stderr)")
        #expect(imported.stdout.contains("3 行：新增 2，更新 0，未变 0，拒绝 1"))
        #expect(imported.stdout.contains("第 4 行，岗位编号：台账中没有编号为 PZZZZZZ 的岗位"), "\(imported.stdout)")

        let table = try cli.run("tally", "spring-fair-2026", "--by", "township,group", env: Self.fairDay)
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        func value(_ label: String) -> String? {
            lines.first { $0.hasPrefix(label) }?.split(separator: " ").dropFirst().first.map(String.init)
        }
        #expect(value("到场求职者") == "3")
        #expect(value("面试人数") == "3")
        #expect(value("达成意向") == "2")
        #expect(value("成功就业") == "1")
        #expect(table.stdout.contains("按乡镇"))
        #expect(table.stdout.contains("按人员类别"))
        let unknown = try cli.run("tally", "spring-fair-2026", "--by", "townshp")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("您是不是要找“township”？"), "\(unknown.stderr)")

        let json = try cli.run("tally", "spring-fair-2026", "--format", "json", "--by", "enterprise")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["funnel"] as? [String: Any])?["placed"] as? Int == 1)

        let placedList = try cli.run("outcomes", "--campaign", "spring-fair-2026", "--stage", "placement")
        #expect(placedList.stdout.contains("1 人达到“成功就业”或以上；身份证号和手机号已打码"), "\(placedList.stdout)")
        #expect(placedList.stdout.contains("姓名") && placedList.stdout.contains("成功就业"))
        #expect(!placedList.stdout.contains(ids[0]))
        let history = try cli.run("outcomes", "--campaign", "spring-fair-2026", "--person", ids[0])
        #expect(history.stdout.contains("面试    成功就业"), "\(history.stdout)")
        let historyInEnglish = try cli.run("outcomes", "--campaign", "spring-fair-2026", "--person", ids[0], "--lang", "en")
        #expect(historyInEnglish.stdout.contains("interview  placement"), "\(historyInEnglish.stdout)")
        #expect(historyInEnglish.stdout.contains("recorded"))
    }

    @Test(.timeLimit(.minutes(5)))
    func theWorkbookOpensInARealReaderWithTheExpectedCells() throws {
        let dir = try TemporaryDirectory()
        let (cli, ids, postings) = try startedFair(dir)
        for id in ids { _ = try cli.run("checkin", id, "--campaign", "spring-fair-2026", "--gate", "north", env: Self.fairDay) }
        _ = try cli.run("record", "placement", "--campaign", "spring-fair-2026", "--person", ids[0], "--posting", postings[0])
        let xlsx = dir.url.appendingPathComponent("报表.xlsx").path
        let written = try cli.run("tally", "spring-fair-2026", "--by", "township", "--by", "enterprise", "--format", "xlsx",
                                  "--list-placed", "--out", xlsx, "--preparer", "李娜", "--report-date", "2026-03-05",
                                  "--compare-from", "2025-01-01", "--compare-to", "2025-12-31",
                                  env: Self.fairDay)
        #expect(written.status == 0, "\(written.stderr)")

        let script = """
            import json, sys, zipfile, openpyxl
            charts = [n for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.startswith("xl/charts/chart")]
            chart_xml = zipfile.ZipFile(sys.argv[1]).read(charts[0]).decode() if charts else ""
            wb = openpyxl.load_workbook(sys.argv[1])
            summary = wb[wb.sheetnames[0]]
            rows = {r[0]: list(r[1:3]) for r in summary.iter_rows(min_row=5, values_only=True) if r[0]}
            towns = wb[wb.sheetnames[1]]
            placed = wb["就业名单"]
            town_rows = [list(r) for r in towns.iter_rows(min_row=5, values_only=True) if r[0]]
            signature = {r[0]: r[1] or "" for r in summary.iter_rows(min_row=5, values_only=True)
                         if r[0] in ("单位负责人", "统计负责人", "填表人", "联系电话", "报出日期")}
            data = wb["漏斗图数据"]
            print(json.dumps({"sheets": wb.sheetnames, "title": summary["A1"].value, "header": summary["B4"].value,
                              "form_line": summary["A3"].value, "town_title": towns["A1"].value,
                              "rows": rows, "town_header": [c.value for c in towns[4]], "town_rows": town_rows,
                              "signature": signature, "funnel_header": [c.value for c in summary[4]],
                              "charts": len(charts), "bar": "<c:barChart>" in chart_xml,
                              "chart_sheet": "漏斗图数据" in chart_xml, "data_hidden": data.sheet_state,
                              "reversed": chart_xml.count('<c:orientation val="maxMin"/>'),
                              "chart_data": [list(r[:2]) for r in data.iter_rows(values_only=True)
                                             if r[0] in ("登记求职者", "到场求职者", "成功就业")],
                              "print": [[ws.page_setup.paperSize, ws.page_setup.orientation,
                                         ws.sheet_properties.pageSetUpPr.fitToPage, ws.page_setup.fitToHeight,
                                         ws.print_title_rows] for ws in (summary, towns)],
                              "header_footer": [ws.oddHeader.center.text for ws in (summary, towns)]
                                               + [towns.oddFooter.left.text, towns.oddFooter.right.text],
                              "registered": [c.value for c in summary[5 + [r[0] for r in summary.iter_rows(min_row=5, values_only=True)].index("登记求职者")]],
                              "rate_format": towns.cell(row=5, column=8).number_format,
                              "placed": [c.value for c in placed[5]]}, ensure_ascii=False))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, xlsx]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "openpyxl could not read the workbook (scripts/test installs it): \(errors)")
        let read = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(read["sheets"] as? [String] == ["汇总", "按乡镇", "按企业", "就业名单", "漏斗图数据"])
        let placedRow = try #require(read["placed"] as? [Any])
        #expect(placedRow.first as? String == "spring-fair-2026")
        #expect(placedRow.contains { ($0 as? String) == Masking.idNumber(ids[0]) })
        #expect(!placedRow.contains { ($0 as? String) == ids[0] })
        #expect(read["title"] as? String == "示范县 2026年春风行动专场招聘会 招聘成效汇总")
        // The form: 填报单位 (the definition's report_unit) and 计量单位 over every table, a sheet's title
        // naming its report; signed under the lines given as flags, the rest blank.
        #expect(read["form_line"] as? String == "填报单位：示范县人力资源和社会保障局    计量单位：人")
        #expect(read["town_title"] as? String == "示范县 2026年春风行动专场招聘会 招聘成效汇总 — 按乡镇")
        let signature = try #require(read["signature"] as? [String: String])
        #expect(signature["填表人"] == "李娜")
        #expect(signature["单位负责人"] == "" && signature["统计负责人"] == "")
        #expect(signature["报出日期"] == "2026-03-05")
        // Every printed page: the title (and the sheet's subject) at the top, the signature lines and
        // 第 N 页，共 M 页 at the foot.
        let headerFooter = try #require(read["header_footer"] as? [String])
        #expect(headerFooter.prefix(2) == ["示范县 2026年春风行动专场招聘会 招聘成效汇总",
                                           "示范县 2026年春风行动专场招聘会 招聘成效汇总 — 按乡镇"], "\(headerFooter)")
        #expect(headerFooter[2].hasPrefix("单位负责人：________") && headerFooter[2].contains("填表人：李娜"), "\(headerFooter)")
        #expect(headerFooter[3] == "第 &P 页，共 &N 页")
        #expect(read["header"] as? String == "合计")
        // The funnel chart, drawn by Excel from a hidden sheet (it neither prints nor shows), its stages
        // running down (one reversed axis: the categories', not the values').
        #expect(read["charts"] as? Int == 1 && read["bar"] as? Bool == true && read["chart_sheet"] as? Bool == true)
        #expect(read["data_hidden"] as? String == "hidden" && read["reversed"] as? Int == 1)
        let chartData = try #require(read["chart_data"] as? [[Any]])
        #expect(chartData.map { "\($0[0])=\($0[1])" } == ["登记求职者=299", "到场求职者=3", "成功就业=1"], "\(chartData)")
        // Set up for A4: the summary (11 columns with the comparison) and the breakdown landscape, fit to
        // one page wide (width 1 is Excel's default, so only the height — 0, as many as it takes — is
        // written), headers repeated.
        let print = try #require(read["print"] as? [[Any]])
        #expect(print.map { $0.map { "\($0)" } } == [["9", "landscape", "1", "0", "$4:$4"], ["9", "landscape", "1", "0", "$4:$4"]],
                "\(print)")
        // Beside last year (no fair then): 对比期 0, the change the whole count, no change rate.
        let funnelHeader = try #require(read["funnel_header"] as? [Any])
        #expect(funnelHeader.suffix(3).compactMap { $0 as? String } == ["对比期", "增减", "增减率"], "\(funnelHeader)")
        let registered = try #require(read["registered"] as? [Any])
        #expect(registered.suffix(3).map { "\($0)" } == ["0", "299", "<null>"], "\(registered)")
        let rows = try #require(read["rows"] as? [String: [Any]])
        #expect(rows["登记求职者"]?.first as? Int == 299)   // row 152's unknown label (困难户) costs the label only
        #expect(rows["到场求职者"]?.first as? Int == 3)
        #expect(rows["成功就业"]?.first as? Int == 1)
        #expect(rows["招聘人数"]?.first as? Int == 407)
        #expect(read["town_header"] as? [String] == ["乡镇", "登记求职者", "到场求职者", "面试人数", "达成意向", "成功就业",
                                                    "稳定就业", "就业率", "对比期 成功就业", "成功就业 增减"])
        #expect(read["rate_format"] as? String == "0.0%")
        // The township sheet ends with 合计, each measure the sum of the townships above it.
        let townRows = try #require(read["town_rows"] as? [[Any]])
        let total = try #require(townRows.last)
        #expect(total.first as? String == "合计")
        for column in 1...6 {
            let sum = townRows.dropLast().compactMap { $0[column] as? Int }.reduce(0, +)
            #expect(total[column] as? Int == sum, "column \(column): 合计 \(total[column]) is not the sum \(sum)")
        }
        #expect(total[1] as? Int == 299)
        // Compared with last year (no fair): 0 earlier placements, the change the whole count.
        #expect(total.suffix(2).map { "\($0)" } == ["0", "1"], "\(total)")
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "needs Debian's chromium (scripts/test installs it)"),
          .timeLimit(.minutes(5)))
    func theHTMLReportRendersInChromium() throws {
        let dir = try TemporaryDirectory()
        let (cli, ids, postings) = try startedFair(dir)
        for id in ids { _ = try cli.run("checkin", id, "--campaign", "spring-fair-2026", "--gate", "north", env: Self.fairDay) }
        _ = try cli.run("record", "intent", "--campaign", "spring-fair-2026", "--person", ids[1], "--posting", postings[1])
        let html = dir.url.appendingPathComponent("report.html").path
        #expect(try cli.run("tally", "spring-fair-2026", "--by", "township,group,enterprise", "--format", "html",
                            "--out", html, env: Self.fairDay).status == 0)
        let dom = try BrowserTests().browse("file://\(html)")
        #expect(dom.contains("<svg class=\"funnel\""))
        #expect(dom.contains("<h2>按乡镇</h2>"))
        #expect(dom.contains("<h2>按企业</h2>"))
        let output = CLIRunner.packageRoot.appendingPathComponent(".build/test-output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let png = output.appendingPathComponent("tally-report.png").path
        try? FileManager.default.removeItem(atPath: png)
        _ = try BrowserTests().browse("file://\(html)", screenshot: png, windowSize: "1000,2000")
        let size = (try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        #expect(size > 20_000, "the screenshot should show the charts, not an empty page")

        // On a phone (412 px wide) every chart label and table cell is at least 12 px on screen, and every
        // stage of the funnel has its bar inside the screen: measured in the browser by a probe the test
        // adds to a copy (the report itself holds no script).
        let probe = """
            <script>
            const sizes = [];
            const bars = [...document.querySelectorAll(".phone-funnel i")];
            const shown = bars.filter(b => { const r = b.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= innerWidth; });
            document.querySelectorAll(".phone-funnel span").forEach(s => sizes.push(parseFloat(getComputedStyle(s).fontSize)));
            document.querySelectorAll("svg").forEach(svg => {
              if (svg.getBoundingClientRect().width == 0) return;   // the wide funnel, hidden on a phone
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              svg.querySelectorAll("text").forEach(t => sizes.push(parseFloat(t.getAttribute("font-size")) * scale));
            });
            const cells = [...document.querySelectorAll("td, th")].map(e => parseFloat(getComputedStyle(e).fontSize));
            document.title = "chart-min=" + Math.min(...sizes).toFixed(1) + " labels=" + sizes.length
              + " table-min=" + Math.min(...cells).toFixed(1) + " funnel=" + shown.length + "/" + bars.length;
            </script>
            """
        let probed = dir.url.appendingPathComponent("probed.html").path
        try String(contentsOfFile: html, encoding: .utf8).replacingOccurrences(of: "</body>", with: probe + "</body>")
            .write(toFile: probed, atomically: true, encoding: .utf8)
        let phone = try BrowserTests().browse("file://\(probed)", windowSize: "412,915")
        let title = try #require(phone.firstMatch(of: /chart-min=([0-9.]+) labels=([0-9]+) table-min=([0-9.]+) funnel=([0-9]+)\/([0-9]+)/))
        #expect(title.4 == title.5 && Int(title.5)! >= 5, "funnel bars on the phone's screen: \(title.4) of \(title.5)")
        #expect(Double(title.1)! >= 12, "the smallest chart label is \(title.1) px on a phone")
        #expect(Int(title.2)! > 20, "the probe measured the charts' labels")
        #expect(Double(title.3)! >= 12, "the smallest table text is \(title.3) px on a phone")
    }
}
