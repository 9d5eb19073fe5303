import Foundation
import Workflow

/// A report printed to PDF at A4 by headless Chromium where it is installed: the HTML's own print
/// styles lay the pages out (its `@page` rules put the title and "第 N 页，共 M 页" on each). Without
/// Chromium the command says so and what to install (exit 69); nothing is written. A browser that does
/// not finish in a minute is stopped.
public enum ChromiumPrinter {
    public static let browsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]

    /// Whether a file named `url` asks for a PDF (`manifests.pdf`).
    public static func wantsPDF(_ url: URL) -> Bool { url.pathExtension.lowercased() == "pdf" }

    public static func print(html: String, to url: URL) throws {
        let target = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw WorkflowError.unavailable(ToolMessages.noFolder(["name": url.lastPathComponent, "folder": target.path]),
                                            hint: ToolMessages.createIt())
        }
        guard let browser = browsers.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw WorkflowError.unavailable(ReportPrintMessages.needsChromium(), hint: ReportPrintMessages.install())
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html"), pdf = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--user-data-dir=\(folder.path)/profile", "--print-to-pdf=\(pdf.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        guard let bytes = try? Data(contentsOf: pdf), bytes.starts(with: Data("%PDF".utf8)) else {
            throw WorkflowError.unavailable(ReportPrintMessages.failed(["browser": browser]), hint: ReportPrintMessages.install())
        }
        do {
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw WorkflowError.unavailable(ToolMessages.cannotWrite(["path": url.path, "reason": error.localizedDescription]),
                                            hint: ToolMessages.createIt())
        }
    }
}
