import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Ledger
import PluginKit
import Testing
import Workflow

/// Every list a plugin reads (`campaign import KIND`) given the fuzz corpus's hostile files — broken
/// quoting, stray bytes, formulas, empty headers, wrong encodings: each is imported or refused in words,
/// every row read is counted once, and nothing crashes.
@Suite struct ImportKindsCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus")

    static let kinds = BuiltinPlugins.all.flatMap(\.importKinds)

    @Test(arguments: kinds.map(\.name)) func everyCorpusFileIsImportedOrRefusedInWords(kind name: String) async throws {
        let kind = try #require(Self.kinds.first { $0.name == name })
        let h = try await LedgerHarness()
        var files = 0
        for folder in ["csv", "xlsx"] {
            let dir = Self.corpus.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() {
                let bytes = try Data(contentsOf: dir.appendingPathComponent(file))
                let url = try h.file("input-\(files).\(folder)", bytes: bytes)
                files += 1
                do {
                    let summary = try await h.importFile(kind, url)
                    let counted = summary.inserted + summary.updated + summary.unchanged + summary.rejected
                    #expect(counted == summary.rows, "\(name) \(folder)/\(file): \(summary.rows) rows read, \(counted) counted")
                } catch let error as WorkflowError {
                    #expect(!error.message.isEmpty, "\(name) \(folder)/\(file)")
                }
            }
        }
        #expect(files >= 14)
    }
}
