import Foundation
import Workflow

/// The tally as a PDF: the HTML report printed at A4 by headless Chromium where it is installed (the
/// report's own print styles lay the pages out). Without Chromium the command says so and what to
/// install (exit 69); nothing is written. A browser that does not finish in a minute is stopped.
enum TallyPDF {
    static let browsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    static func write(_ report: TallyReport, lang: Language, to url: URL) throws {
        guard let browser = browsers.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw WorkflowError.unavailable(TallyCommandMessages.pdfNeedsChromium(), hint: TallyCommandMessages.pdfInstall())
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("tally.html"), pdf = folder.appendingPathComponent("tally.pdf")
        try Data(TallyHTML.render(report, lang: lang).utf8).write(to: html)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--user-data-dir=\(folder.path)/profile", "--print-to-pdf=\(pdf.path)", html.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        guard let bytes = try? Data(contentsOf: pdf), bytes.starts(with: Data("%PDF".utf8)) else {
            throw WorkflowError.unavailable(TallyCommandMessages.pdfFailed(["browser": browser]), hint: TallyCommandMessages.pdfInstall())
        }
        try bytes.write(to: url, options: .atomic)
    }
}
