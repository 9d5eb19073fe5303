import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Ledger
import Workflow
import WorkflowTesting

/// `campaign-bench backup [--rows N]`: a backup (VACUUM INTO, then verified) of a workspace holding a
/// ledger of N generated people registered to a campaign, beside a plain copy of the same database
/// file in the same run — the floor, though a copy of a workspace in use could be torn.
enum BackupBenchmark {
    static func run(rows: Int) async throws {
        let dir = try TemporaryDirectory()
        print("backup benchmark — a workspace with \(rows.formatted()) people registered to a campaign")
        let workspace = try await BenchSupport.ledgerWorkspace(rows: rows, seed: 9, in: dir)
        let size = (try FileManager.default.attributesOfItem(atPath: dir.databasePath)[.size] as? Int) ?? 0

        var start = Date()
        let copy = dir.url.appendingPathComponent("copy.sqlite")
        try FileManager.default.copyItem(atPath: dir.databasePath, toPath: copy.path)
        let floor = Date().timeIntervalSince(start)

        start = Date()
        let report = try WorkspaceBackup.backup(workspace, to: dir.url.appendingPathComponent("backups/b.sqlite"))
        let seconds = Date().timeIntervalSince(start)
        guard report.rows["person"] == rows, report.rows["registration"] == rows else {
            throw WorkflowError.internal("the backup holds \(report.rows) rows")
        }
        print(String(format: "workspace %.0f MB; plain file copy %.2f s; backup (VACUUM INTO + integrity_check + counts) %.2f s "
                     + "(%.1f× the copy), %.0f MB", Double(size) / 1e6, floor, seconds, seconds / max(floor, 1e-9),
                     Double(report.bytes) / 1e6))
        BenchFigures.record("backup", seconds / max(floor, 1e-9), .lower, meaning: "a verified backup ÷ a plain copy of the file")
    }
}
