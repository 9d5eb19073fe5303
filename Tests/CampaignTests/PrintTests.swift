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
