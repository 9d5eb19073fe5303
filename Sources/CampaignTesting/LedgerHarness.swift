import BuiltinPlugins
import Foundation
import GRDB
import Ledger
import Workflow
import WorkflowTesting

/// A workspace with a started campaign named `fair` (its first step opens check-in at the
/// gates north and south), and helpers to import into it.
public struct LedgerHarness: Sendable {
    public let engine: EngineHarness

    public init(gateYAML: String = "{ gates: [north, south] }") async throws {
        engine = try EngineHarness(plugins: BuiltinPlugins.engines)
        let workflow = try engine.workflow("""
            name: fair
            steps:
              - id: gate
                uses: checkin.gate
                with: \(gateYAML)
            """)
        _ = try await engine.engine(waitHorizon: .zero).start(workflow)
    }

    public var directory: TemporaryDirectory { engine.directory }
    public var pool: DatabasePool { engine.workspace.pool }

    public func file(_ name: String, _ text: String) throws -> URL {
        URL(fileURLWithPath: try directory.write(name, text))
    }

    public func file(_ name: String, bytes: Data) throws -> URL {
        let url = directory.url.appendingPathComponent(name)
        try bytes.write(to: url)
        return url
    }

    public func importFile(_ kind: ImportKind, _ url: URL, campaign: String? = "fair", strict: Bool = false,
                           columns: [String: String] = [:], sheet: String? = nil, encoding: TextEncoding? = nil,
                           now: Date = Date()) async throws -> ImportSummary {
        let options = ImportOptions(campaign: campaign, encoding: encoding, sheet: sheet, columns: columns, strict: strict,
                                    source: url.lastPathComponent, now: now)
        return try await pool.write { db in try kind.importFile(db, url, options: options) }
    }

    /// `count` generated people (`LedgerGenerator(seed:)`) imported into the ledger and registered for the
    /// fair: their ID numbers, in ledger order.
    public func importGeneratedPeople(_ count: Int, seed: UInt64) async throws -> [String] {
        var generator = LedgerGenerator(seed: seed)
        let url = directory.url.appendingPathComponent("generated-\(seed)-\(count).csv")
        try generator.writePeopleCSV(to: url, count: count)
        _ = try await importFile(.people, url)
        return try await pool.read { db in try String.fetchAll(db, sql: "SELECT id_number FROM person ORDER BY id") }
    }

    public func count(_ table: String) async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    public func person(_ idNumber: String) async throws -> [String: String] {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM person WHERE id_number = ?", arguments: [idNumber]) else {
                return [:]
            }
            var out: [String: String] = [:]
            for column in row.columnNames { out[column] = row[column].map { "\($0)" } ?? "" }
            return out
        }
    }
}

extension String {
    /// CSV text with a UTF-8 byte-order mark, as Excel writes "CSV UTF-8".
    public var withBOM: Data { Data([0xEF, 0xBB, 0xBF]) + Data(self.utf8) }
}
