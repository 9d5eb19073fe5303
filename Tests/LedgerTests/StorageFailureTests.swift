import CampaignTesting
import Foundation
import GRDB
import Ledger
import Testing
import Workflow
import WorkflowTesting

/// A full disk and a read-only folder, as a county office's shared drive has them: the import
/// says which, in words, and leaves the ledger as it was.
@Suite struct StorageFailureTests {
    @Test func aFullWorkspaceRefusesTheImportAndKeepsTheLedgerAsItWas() async throws {
        let h = try await LedgerHarness()
        var generator = LedgerGenerator(seed: 7)
        let first = h.directory.url.appendingPathComponent("first.csv")
        try generator.writePeopleCSV(to: first, count: 50)
        let options = ImportOptions(campaign: "fair", source: "first.csv", now: Date())
        _ = try await ImportKind.people.importFile(first, options: options, pool: h.pool)
        let before = try await h.count("person")
        #expect(before == 50)

        // SQLite's page limit stands in for the disk: past it every write fails with SQLITE_FULL,
        // exactly as when the disk itself is full.
        let pages = try await h.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        try await h.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = \(pages + 8)") }
        let big = h.directory.url.appendingPathComponent("big.csv")
        try generator.writePeopleCSV(to: big, count: 5_000)
        let failure = await #expect(throws: DatabaseError.self) {
            try await ImportKind.people.importFile(big, options: ImportOptions(campaign: "fair", source: "big.csv",
                                                                               now: Date()), pool: h.pool)
        }
        #expect(failure?.resultCode == .SQLITE_FULL)
        let said = try #require(failure.flatMap(WorkflowError.init(storage:)))
        #expect(said.code == .unavailable)
        #expect(said.message == "the disk holding the workspace is full, so nothing was saved")
        #expect(said.hint?.contains("free some space") == true)
        #expect(try await h.count("person") == before)

        // With room again, the same file comes in whole.
        try await h.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        let summary = try await ImportKind.people.importFile(big, options: ImportOptions(campaign: "fair", source: "big.csv",
                                                                                          now: Date()), pool: h.pool)
        #expect(summary.inserted == 5_000)
        #expect(try await h.count("person") == before + 5_000)
    }

    @Test func storageFailuresSpeakToTheClerk() {
        let cases: [(ResultCode, String)] = [
            (.SQLITE_READONLY, "the workspace is read-only"),
            (.SQLITE_BUSY, "another command is writing to it"),
            (.SQLITE_CORRUPT, "damaged"),
            (.SQLITE_NOTADB, "not a campaign workspace"),
            (.SQLITE_IOERR, "the disk reported an error"),
        ]
        for (code, words) in cases {
            let error = WorkflowError(storage: DatabaseError(resultCode: code))
            #expect(error?.code == .unavailable)
            #expect(error?.message.contains(words) == true, "\(code)")
        }
        // A broken constraint is a bug, not the disk: it is not dressed up as one.
        #expect(WorkflowError(storage: DatabaseError(resultCode: .SQLITE_CONSTRAINT)) == nil)
    }

    @Test func rejectFileGoesBesideTheWorkspaceWhenTheInputFolderRefusesIt() async throws {
        let h = try await LedgerHarness()
        let share = h.directory.url.appendingPathComponent("share")
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        let input = share.appendingPathComponent("people.csv")
        try (ImportTests.header + ImportTests.zhang + "王芳,123,13800138000,城关镇,南关村,,,\n").withBOM.write(to: input)
        // Where the reject file would go, something that is not a writable file stands: the folder
        // refuses it (as a read-only share does — and unlike a permission bit, even for root).
        try FileManager.default.createDirectory(at: share.appendingPathComponent("people.rejects.csv"),
                                                withIntermediateDirectories: false)
        let summary = try await ImportKind.people.importFile(input, options: ImportOptions(campaign: "fair",
                                                                                           source: "people.csv",
                                                                                           now: Date()), pool: h.pool)
        #expect((summary.inserted, summary.rejected) == (1, 1))
        #expect(summary.rejectFileMoved)
        let workspaceFolder = h.directory.url.standardizedFileURL.resolvingSymlinksInPath().path
        let rejectFile = try #require(summary.rejectFile)
        #expect(URL(fileURLWithPath: rejectFile).deletingLastPathComponent().resolvingSymlinksInPath().path
                == workspaceFolder)
        let text = try String(contentsOfFile: rejectFile, encoding: .utf8)
        #expect(text.contains("王芳"))
        #expect(text.contains("身份证号"))
    }
}
