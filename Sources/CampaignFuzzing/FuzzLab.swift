import BuiltinPlugins
import Foundation
import GRDB
import Ledger
import Workflow

/// Where inputs are tried: a temporary folder with a workspace holding one campaign, so that an
/// import goes all the way into the ledger (and is rolled back), and a validator knowing every
/// built-in plugin. One per process; inputs run one after the other.
public final class FuzzLab: @unchecked Sendable {
    public let folder: URL
    let workspace: Workspace
    /// The staff API in-process, for the route targets; made on first use (a campaign, two accounts).
    public lazy var server: ServerProbe? = try? ServerProbe(countsDescriptors: ownsProcess)
    /// Whether nothing else runs in this process (libFuzzer's `campaign-fuzz`), so that its open
    /// descriptors are the probe's alone. Under `swift test` other suites open and close files and
    /// pipes at the same moment; there the server's descriptors are counted by `PhotoWearTests`,
    /// on a server process of its own.
    let ownsProcess: Bool
    let validator: Validator
    private var serial = 0
    /// How deep the inputs went, so a test can tell a run that reached the ledger from one whose
    /// every input died at the first byte.
    public private(set) var reached = Reached()

    public struct Reached: Sendable {
        /// Rows that came into the ledger (before the rollback), and rows refused with a reason.
        public var rowsImported = 0
        public var rowsRejected = 0
        /// Files refused whole (a WorkflowError: unreadable, no header, a limit).
        public var filesRefused = 0
        public var definitionsValid = 0
        public var definitionsWithDiagnostics = 0
    }

    public init(ownsProcess: Bool = true) throws {
        self.ownsProcess = ownsProcess
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        workspace = try Workspace(path: folder.appendingPathComponent("fuzz.sqlite").path,
                                  registry: BuiltinPlugins.registry)
        // A fuzzed `plugins:` must not start programs on this machine.
        validator = Validator(registry: BuiltinPlugins.registry, runsExternalPlugins: false)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A fresh file name each time: a reject file of one input never meets the next.
    private func write(_ bytes: [UInt8], extension ext: String) -> URL? {
        serial += 1
        let url = folder.appendingPathComponent("input-\(serial % 4).\(ext)")
        do {
            try Data(bytes).write(to: url)
            return url
        } catch {
            return nil
        }
    }

    /// Imports the bytes as a village ledger and checks what an import promises: every row
    /// counted once, nothing unreadable or invisible in the ledger, errors only of the kind the
    /// command line words for a clerk.
    func importTable(_ bytes: [UInt8], extension ext: String) -> [String] {
        guard let url = write(bytes, extension: ext) else { return [] }
        defer {
            try? FileManager.default.removeItem(at: url)
            let rejects = url.deletingPathExtension().lastPathComponent + ".rejects.csv"
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(rejects))
        }
        var problems: [String] = []
        let options = ImportOptions(source: url.lastPathComponent, now: Date(timeIntervalSince1970: 1_780_000_000))
        do {
            try workspace.pool.writeWithoutTransaction { db in
                try db.inTransaction {
                    do {
                        let summary = try ImportKind.people.importFile(db, url, options: options)
                        reached.rowsImported += summary.inserted + summary.updated + summary.unchanged
                        reached.rowsRejected += summary.rejected
                        let counted = summary.inserted + summary.updated + summary.unchanged + summary.rejected
                        if counted != summary.rows {
                            problems.append("\(summary.rows) rows read but \(counted) counted")
                        }
                        if summary.rejected > 0, summary.rejectFile == nil {
                            problems.append("\(summary.rejected) rows rejected without a reject file")
                        }
                        // A reject file repeats at most 1,000 characters of a cell: a long shared string
                        // referred to by many cells must not multiply into it.
                        if let rejects = summary.rejectFile,
                           let size = (try? FileManager.default.attributesOfItem(atPath: rejects))?[.size] as? Int,
                           size > 64 * 1024 + summary.rejected * 24 * 1024 {
                            problems.append("a reject file of \(size) bytes for \(summary.rejected) rows")
                        }
                        let garbled = try String.fetchAll(db, sql: """
                            SELECT name || '|' || coalesce(village, '') FROM person
                            WHERE instr(name, char(65533)) > 0 OR instr(coalesce(village, ''), char(65533)) > 0
                               OR name GLOB '*[' || char(1) || '-' || char(31) || ']*'
                               OR instr(name, char(0)) > 0
                            """)
                        if !garbled.isEmpty {
                            let shown = garbled.prefix(3).map { $0.unicodeScalars.map { $0.escaped(asASCII: true) }.joined() }
                            problems.append("people stored with unreadable or control characters: \(shown)")
                        }
                    } catch is WorkflowError {
                        // A refusal worded for the clerk: what a bad file should get.
                        reached.filesRefused += 1
                    } catch {
                        problems.append("the import failed with \(type(of: error)): \(error)")
                    }
                    return .rollback
                }
            }
        } catch {
            problems.append("the workspace failed: \(error)")
        }
        return problems
    }

    /// Loads the bytes as a campaign definition and validates it; every diagnostic must point
    /// into the file and render.
    func validateDefinition(_ bytes: [UInt8]) -> [String] {
        guard let url = write(bytes, extension: "yaml") else { return [] }
        defer { try? FileManager.default.removeItem(at: url) }
        let file: SourceFile
        do {
            file = try SourceFile.read(path: url.path)
        } catch is WorkflowError {
            return []
        } catch {
            return ["reading the definition failed with \(type(of: error)): \(error)"]
        }
        let (workflow, diagnostics) = validator.check(file: file)
        if workflow != nil { reached.definitionsValid += 1 } else { reached.definitionsWithDiagnostics += 1 }
        var problems: [String] = []
        for diagnostic in diagnostics {
            let line = diagnostic.location.line
            if line < 1 || line > file.lines.count + 1 || diagnostic.location.column < 1 {
                problems.append("diagnostic '\(diagnostic.message)' at \(diagnostic.location) is outside the file "
                                + "(\(file.lines.count) lines)")
            }
            if diagnostic.rendered(in: file).isEmpty { problems.append("diagnostic '\(diagnostic.message)' renders empty") }
        }
        return problems
    }
}
