import Foundation
import Workflow

/// Old `.xls` workbooks (Excel 97–2003) and WPS `.et` files, still saved by older office machines,
/// converted to .xlsx by LibreOffice (`soffice --headless --convert-to xlsx`) when it is installed.
/// Reading the old binary formats ourselves would mean trusting a second, much larger parser.
enum LegacyWorkbook {
    /// How long a conversion may take: LibreOffice starts in 2–5 s; a large workbook takes longer.
    static let timeout: TimeInterval = 300

    /// The LibreOffice program: `CAMPAIGN_SOFFICE` when set, else `soffice` or `libreoffice` on the PATH.
    static func program() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["CAMPAIGN_SOFFICE"], !given.isEmpty {
            return FileManager.default.isExecutableFile(atPath: given) ? URL(fileURLWithPath: given) : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
            + ["/usr/lib/libreoffice/program", "/opt/libreoffice/program"]
        for folder in folders {
            for name in ["soffice", "libreoffice"] {
                let path = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
            }
        }
        return nil
    }

    static func hint(for file: String) -> Message { Message(ImportFileMessages.saveAsXLSX) }

    /// Converts `url` into a new temporary folder; returns the .xlsx and the folder to remove.
    static func convert(_ url: URL) throws -> (URL, folder: URL) {
        let file = url.lastPathComponent
        guard let soffice = program() else {
            throw WorkflowError.invalidInput(
                Message(ImportFileMessages.oldWorkbook, ["file": file, "ext": url.pathExtension.lowercased()]), hint: hint(for: file))
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("campaign-convert-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            // A copy under a plain name: LibreOffice reads WPS .et files (BIFF inside) best as .xls,
            // and a name with spaces or quotes cannot trouble its command line.
            let input = folder.appendingPathComponent("input.xls")
            try FileManager.default.copyItem(at: url, to: input)
            let process = Process()
            process.executableURL = soffice
            // Its own profile folder: no clash with a LibreOffice the clerk has open, nothing left in ~.
            process.arguments = ["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore",
                                 "--convert-to", "xlsx", "--outdir", folder.path, input.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning {
                process.terminate()
                throw WorkflowError.unavailable(
                    Message(ImportFileMessages.convertTimedOut, ["file": file, "seconds": String(Int(timeout))]), hint: hint(for: file))
            }
            let output = folder.appendingPathComponent("input.xlsx")
            guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output.path) else {
                throw WorkflowError.invalidInput(
                    Message(ImportFileMessages.convertFailed, ["file": file, "status": String(process.terminationStatus)]),
                    hint: hint(for: file))
            }
            return (output, folder)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }
}
