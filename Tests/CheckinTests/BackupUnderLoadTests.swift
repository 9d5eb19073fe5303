import BuiltinPlugins
import CampaignTesting
import Checkin
import Foundation
import GRDB
import Ledger
import Testing
import Workflow
import WorkflowTesting

/// A backup taken while 32 staff scan at once is one consistent moment: every check-in acknowledged
/// before it started is in it, nothing is torn, and it restores; a damaged file is refused.
@Suite struct BackupUnderLoadTests {
    actor Acknowledged {
        var people: [String] = []
        func add(_ id: String) { people.append(id) }
        func snapshot() -> [String] { people }
    }

    @Test(.timeLimit(.minutes(5))) func aBackupDuringThirtyTwoScannersKeepsEveryAcknowledgedCheckIn() async throws {
        let h = try await LedgerHarness()
        let ids = try await h.importGeneratedPeople(640, seed: 5)
        let acknowledged = Acknowledged()
        let backupFile = h.directory.url.appendingPathComponent("backups/b.sqlite")
        let scanners = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for scanner in 0..<32 {
                    group.addTask {
                        for id in ids[(scanner * 20)..<(scanner * 20 + 20)] {
                            let request = ScanRequest(campaign: "fair", input: id, gate: scanner % 2 == 0 ? "north" : "south",
                                                      staff: "S\(scanner)", device: "test", nonce: UUID().uuidString)
                            let answer = try await h.pool.write { db in try Scans.scan(db, request, now: Date()) }
                            if answer.result == .accepted { await acknowledged.add(id) }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        // Once scanning is under way, the backup, while it goes on.
        while await acknowledged.snapshot().count < 100 { try await Task.sleep(for: .milliseconds(2)) }
        let before = Set(await acknowledged.snapshot())
        let report = try WorkspaceBackup.backup(h.engine.workspace, to: backupFile)
        try await scanners.value
        let all = Set(await acknowledged.snapshot())
        #expect(all.count == 640)

        let inBackup = try await DatabaseQueue(path: backupFile.path).read { db in
            try String.fetchAll(db, sql: """
                SELECT p.id_number FROM scan s JOIN person p ON p.id = s.person_id WHERE s.result = 'accepted'
                """)
        }
        #expect(before.isSubset(of: Set(inBackup)), "a check-in acknowledged before the backup is missing")
        #expect(Set(inBackup).isSubset(of: all))
        #expect(inBackup.count == Set(inBackup).count)
        #expect(report.rows["scan"] == inBackup.count)

        // It restores, and the restored workspace holds what the backup held.
        let restoredPath = h.directory.url.appendingPathComponent("restored.sqlite").path
        let restore = try WorkspaceBackup.restore(backupFile, into: restoredPath, now: Date(), registry: BuiltinPlugins.registry)
        #expect(restore.setAside == nil)
        #expect(restore.after["scan"] == inBackup.count)
        #expect(restore.after["person"] == 640)

        // A truncated copy is refused, and nothing is replaced.
        let truncated = h.directory.url.appendingPathComponent("truncated.sqlite")
        let bytes = try Data(contentsOf: backupFile)
        try bytes.prefix(bytes.count / 2).write(to: truncated)
        do {
            _ = try WorkspaceBackup.restore(truncated, into: restoredPath, now: Date(), registry: BuiltinPlugins.registry)
            Issue.record("a truncated backup was restored")
        } catch let error as WorkflowError {
            #expect(error.exitCode == 65)
            #expect(error.message.hasPrefix("truncated.sqlite is damaged"), "\(error.message)")
        }
        #expect(try WorkspaceBackup.verify(URL(fileURLWithPath: restoredPath), counting: BuiltinPlugins.registry.countedTables)["scan"] == inBackup.count)
    }
}
