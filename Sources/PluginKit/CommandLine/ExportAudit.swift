import Foundation
import Ledger
import Workflow

/// Records in the audit log that a list of people left the workspace as a file (masked or not): who
/// (the manager named with `--by`, else the login name), which campaign, which file, how many rows.
public enum ExportAudit {
    public static func record(_ workspace: Workspace, campaign: String, file: String, rows: Int, what: MessageText,
                              by: String? = nil) async throws {
        guard !workspace.isReadOnly else { return }
        let actor = by ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        let now = try CommandSupport.clock().now()
        try await workspace.pool.write { db in
            try AuditLog.record(db, actor: actor, action: "export", campaign: campaign,
                                said: AdminMessages.exported(["rows": "\(rows)", "file": file], words: ["what": what()]), at: now)
            try PersonalFiles.record(db, [file], campaign: campaign, kind: "export", at: now)
        }
    }
}
