import CampaignTesting
@testable import Checkin
import Foundation
import GRDB
import Testing
import WorkflowTesting

/// Attendance read from `scan_once` a checkpoint at a time (#39: no second index on accepted scans)
/// gives what a plain read of every accepted scan gives: the same people, each once, in order.
@Suite struct AcceptedScansTests {
    @Test func everyCheckpointsPeopleAreMergedEachOnceAsAPlainReadFindsThem() async throws {
        let h = try await LedgerHarness()
        _ = try await h.importGeneratedPeople(60, seed: 12)
        try await h.pool.write { db in
            let people = try Int64.fetchAll(db, sql: "SELECT id FROM person ORDER BY id")
            var n = 0
            func scan(_ campaign: String, _ checkpoint: String, _ person: Int64, _ result: String) throws {
                n += 1
                try db.execute(sql: """
                    INSERT INTO scan (nonce, campaign, checkpoint, person_id, method, input, gate, staff, device, received_at,
                                      result, reason)
                    VALUES (?, ?, ?, ?, 'id', '', 'north', 'Li', 'test', '2026-03-01 09:00:00.000', ?, '')
                    """, arguments: ["n\(n)", campaign, checkpoint, person, result])
            }
            for (i, person) in people.enumerated() {
                if i % 2 == 0 { try scan("fair", "gate", person, "accepted") }
                if i % 3 == 0 { try scan("fair", "hall", person, "accepted") }   // some at both
                if i % 5 == 0 { try scan("fair", "", person, "accepted") }      // a checkpoint named ""
                if i % 7 == 0 { try scan("fair", "zz", person, "repeat") }      // not attendance
                if i % 11 == 0 { try scan("other", "gate", person, "accepted") } // another campaign
            }
        }
        try await h.pool.read { db in
            let plain = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT person_id FROM scan NOT INDEXED WHERE campaign = 'fair' AND result = 'accepted' ORDER BY person_id
                """)
            #expect(plain.count > 30)
            #expect(try AcceptedScans.checkpoints(db, campaign: "fair") == ["", "gate", "hall"])
            #expect(try AcceptedScans.people(db, campaign: "fair") == plain)
            #expect(try AttendanceSection().personLevels(db, campaign: "fair").map(\.person) == plain)
            let everyone = try Int64.fetchAll(db, sql: "SELECT id FROM person")
            for person in everyone {
                #expect(try AcceptedScans.contains(db, person, campaign: "fair") == plain.contains(person), "person \(person)")
            }
            #expect(try AcceptedScans.people(db, campaign: "nowhere").isEmpty)
            #expect(try AcceptedScans.checkpoints(db, campaign: "nowhere").isEmpty)
        }
    }

    @Test func twoAscendingListsBecomeOneWithEachNumberOnce() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let a = Set((0..<Int(random.next() % 40)).map { _ in Int64(random.next() % 60) }).sorted()
            let b = Set((0..<Int(random.next() % 40)).map { _ in Int64(random.next() % 60) }).sorted()
            #expect(AcceptedScans.union(a, b) == Set(a + b).sorted())
        }
    }
}
