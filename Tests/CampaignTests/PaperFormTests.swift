import Foundation
import Testing
import WorkflowTesting

/// The county's reports as they go out on paper, read back page by page from the PDF: the tally and
/// the bus manifests and payment list printed by Chromium, the tally's workbook printed by LibreOffice.
/// Every page carries the report's title and "第 N 页，共 M 页"; no page holds only a heading or only the
/// signature lines.
@Suite struct PaperFormTests {
    static let tools = BrowserTests.chromium != nil && PrintTests.poppler
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")
    static let signatureWords = ["单位负责人", "统计负责人", "填表人", "联系电话", "报出日期"]

    /// The pages' text (pdftotext -layout), one entry a page, counted by pdfinfo.
    static func pages(_ pdf: String) throws -> [String] {
        let info = String(decoding: try PrintTests.poppler("pdfinfo", [pdf]), as: UTF8.self)
        let count = Int(info.firstMatch(of: /Pages:\s+([0-9]+)/)?.1 ?? "") ?? 0
        return try (0..<count).map { page in
            String(decoding: try PrintTests.poppler("pdftotext", ["-layout", "-f", "\(page + 1)", "-l", "\(page + 1)", pdf, "-"]),
                   as: UTF8.self)
        }
    }

    /// Each page: its title, its number of all, and something besides headings and signature lines.
    static func expectForms(_ pages: [String], title: String, headings: Set<String>, _ what: String) {
        #expect(!pages.isEmpty, "\(what): no pages")
        for (i, text) in pages.enumerated() {
            let squeezed = text.filter { !$0.isWhitespace }
            #expect(squeezed.contains(title.filter { !$0.isWhitespace }), "\(what) page \(i + 1) has no title")
            #expect(squeezed.contains("第\(i + 1)页，共\(pages.count)页"), "\(what) page \(i + 1) has no 第 N 页，共 M 页")
            let content = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { line in !line.isEmpty && !line.filter { !$0.isWhitespace }.contains(title.filter { !$0.isWhitespace })
                    && !line.contains("页，共") }
            let body = content.filter { line in !headings.contains(line) && !signatureWords.contains { line.contains($0) } }
            #expect(body.count >= 2, "\(what) page \(i + 1) holds only a heading or the signature: \(content)")
        }
    }

    @Test(.enabled(if: Self.tools, "needs Debian's chromium and poppler-utils (scripts/test installs them)"),
          .timeLimit(.minutes(5)))
    func theTallyPrintsAsACountyFormInPDFAndFromItsWorkbook() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let day = ["CAMPAIGN_NOW": "2026-03-01T12:00:00+08:00"]
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports", env: day).status == 0)
        let title = "示范县 2026年春风行动专场招聘会 招聘成效汇总"
        let headings: Set<String> = ["总体", "按乡镇", "按村", "按人员类别", "按企业"]
        let pdf = dir.url.appendingPathComponent("tally.pdf").path
        let written = try cli.run("tally", "spring-fair-2026", "--by", "township,village,group,enterprise", "--format", "pdf",
                                  "--out", pdf, "--preparer", "李娜", "--form-number", "人社统春1表", env: day)
        #expect(written.status == 0, "\(written.stderr)")
        let pages = try Self.pages(pdf)
        Self.expectForms(pages, title: title, headings: headings, "tally.pdf")
        let first = pages[0].filter { !$0.isWhitespace }
        #expect(first.contains("表号：人社统春1表") && first.contains("填报单位：示范县人力资源和社会保障局") && first.contains("计量单位：人"))
        let last = pages[pages.count - 1].filter { !$0.isWhitespace }
        #expect(last.contains("填表人：李娜") && last.contains("报出日期：2026-03-01"), "the signature is on the last page")
        #expect(pages.count <= 8, "\(pages.count) pages")

        // The workbook, printed by LibreOffice as a clerk would: every sheet a form, the chart's data not printed.
        let xlsx = dir.url.appendingPathComponent("tally.xlsx").path
        #expect(try cli.run("tally", "spring-fair-2026", "--by", "township,village,group,enterprise", "--format", "xlsx",
                            "--out", xlsx, "--preparer", "李娜", env: day).status == 0)
        let printed = try Self.libreOfficePDF(xlsx, dir)
        let sheets = try Self.pages(printed)
        Self.expectForms(sheets, title: title, headings: headings, "tally.xlsx")
        #expect(!sheets.joined().contains("漏斗图数据"), "the chart's data sheet is hidden and not printed")
        #expect(sheets.allSatisfy { $0.contains("填表人：李娜") }, "the signature lines in every page's footer")
        let subjects = sheets.map { page in headings.first { page.contains(title + " — " + $0) } }
        #expect(subjects.compactMap { $0 } .count == sheets.count - 1, "each breakdown page names its sheet: \(subjects)")
    }

    /// LibreOffice's print of a workbook to PDF (its own profile in the test's folder, so tests run side by side).
    static func libreOfficePDF(_ xlsx: String, _ dir: TemporaryDirectory) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["soffice", "-env:UserInstallation=file://\(dir.url.path)/lo-profile", "--headless",
                             "--convert-to", "pdf", "--outdir", dir.url.appendingPathComponent("lo").path, xlsx]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let pdf = dir.url.appendingPathComponent("lo").appendingPathComponent(
            URL(fileURLWithPath: xlsx).deletingPathExtension().lastPathComponent + ".pdf").path
        try #require(FileManager.default.fileExists(atPath: pdf), "LibreOffice printed no PDF (scripts/test installs libreoffice-calc-nogui)")
        return pdf
    }

    @Test(.enabled(if: Self.tools, "needs Debian's chromium and poppler-utils (scripts/test installs them)"),
          .timeLimit(.minutes(5)))
    func theManifestsAndThePaymentListPrintAsForms() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        cli.environment["CAMPAIGN_NOW"] = "2026-02-19T20:00:00+08:00"
        #expect(try cli.run("start", try TransportJourneyTests.sample(dir)).status == 0)
        let campaign = TransportJourneyTests.campaign
        let manifests = dir.url.appendingPathComponent("manifests.pdf").path
        let written = try cli.run("roster", "--campaign", campaign, "--manifests", manifests, "--departs-at", "06:00")
        #expect(written.status == 0, "\(written.stderr)")
        let pages = try Self.pages(manifests)
        let title = "2026年春节后点对点包车返岗 乘车人员名单"
        Self.expectForms(pages, title: title, headings: [], "manifests.pdf")
        #expect(pages.count >= 5, "the batch summary, then a page (or more) for each of 4 buses: \(pages.count)")
        #expect(pages[0].contains("填报单位：示范县人力资源和社会保障局") || pages[0].filter { !$0.isWhitespace }
            .contains("填报单位：示范县人力资源和社会保障局"))
        // Each bus ends on a page that names it (a long bus's header, with its name, repeats on the next page).
        for bus in ["第1批 1号车", "第2批 1号车", "第2批 2号车", "第3批 1号车"] {
            #expect(pages.contains { $0.contains(bus) && $0.contains("带队人签字") }, "\(bus) is signed on a page naming it")
        }

        let payment = dir.url.appendingPathComponent("payment.pdf").path
        let paid = try cli.run("subsidy", "--campaign", campaign, "--home-province", "贵州省", "--amount", "500", "--pdf", payment)
        #expect(paid.status == 0, "\(paid.stderr)")
        #expect(paid.stdout.contains("payment.pdf"), "\(paid.stdout)")
        let list = try Self.pages(payment)
        Self.expectForms(list, title: "2026年春节后点对点包车返岗 交通补贴发放名单", headings: [], "payment.pdf")
        #expect(list.joined().contains("领取人签字") && list.joined().contains("未达补贴条件人员"))
        #expect(list.last.map { $0.contains("单位负责人") } == true, "signed at the end")
    }

    /// The badges say the pages they print: 299 registered, 15 to a page, 20 pages — the heading in each
    /// page's margin, not in the flow, so the first page holds 15 too.
    @Test(.enabled(if: Self.tools, "needs Debian's chromium and poppler-utils (scripts/test installs them)"),
          .timeLimit(.minutes(5)))
    func theBadgesPrintOnThePagesTheySay() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports").status == 0)
        let pdf = dir.url.appendingPathComponent("badges.pdf").path
        let written = try cli.run("badges", "--campaign", "spring-fair-2026", "--out", pdf)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("299 张胸卡") && written.stdout.contains("（20 页 A4）"), "\(written.stdout)")
        let pages = try Self.pages(pdf)
        #expect(pages.count == 20, "said 20 pages, printed \(pages.count)")
        Self.expectForms(pages, title: "2026年春风行动专场招聘会 · 299 人", headings: [], "badges.pdf")

        // The interview slips: eight to a page, each page naming the fair and its number.
        let slips = dir.url.appendingPathComponent("slips.pdf").path
        let slipped = try cli.run("interviews", "--campaign", "spring-fair-2026", "--slips", slips)
        #expect(slipped.status == 0, "\(slipped.stderr)")
        let slipPages = try Self.pages(slips)
        #expect(slipPages.count == 8, "59 slips, eight to a page: \(slipPages.count) pages")
        Self.expectForms(slipPages, title: "spring-fair-2026 面试通知单", headings: [], "slips.pdf")
    }

    /// A step's page printed by its name: the livestream's run sheet as `out: reports/run-sheet.pdf`.
    @Test(.enabled(if: Self.tools, "needs Debian's chromium and poppler-utils (scripts/test installs them)"),
          .timeLimit(.minutes(5)))
    func aStepPrintsItsPageToPDFByItsName() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let workflows = dir.url.appendingPathComponent("workflows")
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("workflows"), to: workflows)
        try? FileManager.default.removeItem(at: workflows.appendingPathComponent("reports"))
        let yaml = workflows.appendingPathComponent("livestream.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "      host: 小李\n", with: "      host: 小李\n      out: reports/run-sheet.pdf\n")
        #expect(edited != text)
        try edited.write(to: yaml, atomically: true, encoding: .utf8)
        let started = try cli.run("start", yaml.path, env: ["CAMPAIGN_NOW": "2026-03-15T18:00:00+08:00"])
        #expect(started.status == 0, "\(started.stderr)")
        let pages = try Self.pages(workflows.appendingPathComponent("reports/run-sheet.pdf").path)
        Self.expectForms(pages, title: "2026年3月直播带岗专场 直播流程单", headings: [], "run-sheet.pdf")
        let all = pages.joined().filter { !$0.isWhitespace }
        #expect(all.contains("开场") && all.contains("收尾") && all.contains("5000-8000"), "\(pages)")
    }

    @Test(.timeLimit(.minutes(5)))
    func aPDFIntoAMissingFolderIsRefusedBeforeAnythingIsPrinted() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        cli.environment["CAMPAIGN_NOW"] = "2026-02-19T20:00:00+08:00"
        #expect(try cli.run("start", try TransportJourneyTests.sample(dir)).status == 0)
        // A folder that is not there: refused before anything is printed, nothing written.
        let missing = dir.url.appendingPathComponent("no-such-folder/payment.pdf").path
        let refused = try cli.run("subsidy", "--campaign", TransportJourneyTests.campaign, "--home-province", "贵州省",
                                  "--amount", "500", "--pdf", missing)
        #expect(refused.status == 69, "\(refused.stderr)")
        #expect(refused.stderr.contains("无法写入 payment.pdf：文件夹") && refused.stderr.contains("不存在"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
