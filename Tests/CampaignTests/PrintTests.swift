import Foundation
import Testing
import WorkflowTesting

/// What the scheduling plugin prints, printed by a real browser (Chromium's print to PDF): the booth
/// map on A4 landscape (the venue, then its table), the interview slips on A4 portrait, eight a page.
@Suite struct PrintTests {
    /// Each page's size in points, read from the PDF's MediaBox entries.
    static func pages(_ pdf: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
        let text = String(decoding: data, as: UTF8.self)
        let pattern = try NSRegularExpression(pattern: #"/MediaBox\s*\[0 0 ([0-9.]+) ([0-9.]+)\]"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            let width = Double(text[Range(match.range(at: 1), in: text)!])!, height = Double(text[Range(match.range(at: 2), in: text)!])!
            return "\(Int(width.rounded()))x\(Int(height.rounded()))"
        }
    }

    static func printToPDF(_ html: String, _ pdf: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BrowserTests.chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--user-data-dir=\(NSTemporaryDirectory())/chromium-\(UUID().uuidString)",
                             "--print-to-pdf=\(pdf)", URL(fileURLWithPath: html).absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    static let poppler = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")

    /// Runs a poppler tool and returns what it printed.
    static func poppler(_ tool: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// The darkest pixel within `band` of the right edge of a binary PGM image (255 = white).
    static func darkestAtRightEdge(_ pgm: Data, band: Double) -> UInt8 {
        // Header: "P5\n<width> <height>\n<max>\n", then one byte per pixel.
        var fields: [Int] = []
        var index = 2
        var number = ""
        while fields.count < 3, index < pgm.count {
            let byte = pgm[index]
            if byte >= 48 && byte <= 57 { number.append(Character(UnicodeScalar(byte))) } else if !number.isEmpty {
                fields.append(Int(number)!)
                number = ""
            }
            index += 1
        }
        let (width, height) = (fields[0], fields[1])
        let pixels = pgm.suffix(width * height)
        let from = Int(Double(width) * (1 - band))
        var darkest: UInt8 = 255
        for row in 0..<height {
            for column in from..<width { darkest = min(darkest, pixels[pixels.startIndex + row * width + column]) }
        }
        return darkest
    }

    /// The county's tally printed from its HTML by a real browser at A4 and read back page by page:
    /// the summary portrait, the breakdowns landscape, every column on its page (nothing reaches the
    /// paper's edge), 合计 under each table and the signature lines at the end.
    @Test(.enabled(if: BrowserTests.chromium != nil && Self.poppler,
                   "needs Debian's chromium and poppler-utils (scripts/test installs them)"),
          .timeLimit(.minutes(3)))
    func theTallyPrintsOnA4WithEveryColumnTotalsAndSignatures() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]).status == 0)
        let html = dir.url.appendingPathComponent("tally.html").path
        let written = try cli.run("tally", "spring-fair-2026", "--by", "township,group,enterprise", "--format", "html",
                                  "--out", html, "--preparer", "李娜", "--compare-from", "2025-01-01",
                                  "--compare-to", "2025-12-31", env: ["CAMPAIGN_NOW": "2026-03-01T12:00:00+08:00"])
        #expect(written.status == 0, "\(written.stderr)")
        let pdf = dir.url.appendingPathComponent("tally.pdf").path
        try Self.printToPDF(html, pdf)
        let pages = try Self.pages(pdf)
        #expect(pages.first == "595x842", "the summary is portrait: \(pages)")
        #expect(pages.dropFirst().contains("842x595"), "breakdowns are landscape: \(pages)")
        #expect(Set(pages).isSubset(of: ["595x842", "842x595"]), "\(pages)")

        // Page by page: nothing within 2% of the right edge (12 mm margins are 4%): no table runs off the paper.
        for page in 1...pages.count {
            let image = try Self.poppler("pdftoppm", ["-r", "40", "-gray", "-f", "\(page)", "-l", "\(page)", pdf])
            #expect(image.starts(with: Array("P5".utf8)), "pdftoppm gave no image for page \(page)")
            #expect(Self.darkestAtRightEdge(image, band: 0.02) > 200, "page \(page) has ink at its right edge: a cut table")
        }
        // The words: every funnel header (the last 其中 and the comparison too), 合计 under each breakdown,
        // the signature lines.
        let text = String(decoding: try Self.poppler("pdftotext", [pdf, "-"]), as: UTF8.self)
        let squeezed = text.filter { !$0.isWhitespace }
        for header in ["其中返乡农民工", "对比期", "增减率", "就业率"] {
            #expect(squeezed.contains(header), "\(header) is missing from the printed report")
        }
        #expect(text.components(separatedBy: "合计").count - 1 >= 4, "合计 under the summary and each of 3 breakdowns")
        for line in ["填报单位", "示范县人力资源和社会保障局", "单位负责人", "统计负责人", "填表人", "李娜", "联系电话", "报出日期"] {
            #expect(squeezed.contains(line), "\(line) is missing from the signature lines")
        }
    }

    @Test(.enabled(if: BrowserTests.chromium != nil, "needs Debian's chromium (scripts/test installs it)"),
          .timeLimit(.minutes(3)))
    func theBoothMapAndTheSlipsPrintOnA4() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let map = dir.url.appendingPathComponent("reports").path
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(map)").status == 0)
        let mapPDF = dir.url.appendingPathComponent("booths.pdf").path
        try Self.printToPDF("\(map)/spring-fair-2026-booths.html", mapPDF)
        #expect(try Self.pages(mapPDF) == ["842x595", "842x595"])   // A4 landscape: the venue, then the table

        let slips = dir.url.appendingPathComponent("slips.html").path
        #expect(try cli.run("interviews", "--campaign", "spring-fair-2026", "--slips", slips).status == 0)
        let slipsPDF = dir.url.appendingPathComponent("slips.pdf").path
        try Self.printToPDF(slips, slipsPDF)
        let pages = try Self.pages(slipsPDF)
        #expect(Set(pages) == ["595x842"])                        // A4 portrait
        #expect(pages.count == 8, "\(pages.count) pages for 59 slips")   // eight a page
    }
}
