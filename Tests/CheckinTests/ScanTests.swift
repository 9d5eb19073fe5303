import BuiltinPlugins
import CampaignTesting
import Checkin
import Foundation
import GRDB
import Ledger
import Testing
import Workflow
import WorkflowTesting

@Suite struct ScanTests {
    static let people = """
        姓名,身份证号,手机号,人员类别
        张伟,11010519491231002X,13800138000,脱贫人口
        李娜,522426199001010017,13900139000,
        """

    /// A fair with two registered people and check-in open at the north and south gates.
    func fair(gate: String = "{ gates: [north, south] }") async throws -> LedgerHarness {
        let h = try await LedgerHarness(gateYAML: gate)
        _ = try await h.importFile(.people, try h.file("people.csv", Self.people))
        return h
    }

    func scan(_ h: LedgerHarness, _ input: String, gate: String = "north", staff: String = "Li",
              nonce: String = UUID().uuidString, at now: Date? = nil) async throws -> ScanAnswer {
        let request = ScanRequest(campaign: "fair", input: input, gate: gate, staff: staff, device: "test", nonce: nonce)
        let time = now ?? h.engine.clock.now()
        return try await h.pool.write { db in try Scans.scan(db, request, now: time) }
    }

    func code(_ h: LedgerHarness, _ idNumber: String) async throws -> String {
        try await h.pool.write { db in
            let id = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE id_number = ?", arguments: [idNumber])!
            return try BadgeCode(key: UInt64(bitPattern: Int64.fetchOne(db, sql: "SELECT secret FROM campaign_badge_key")!))
                .encode(id)
        }
    }

    @Test func badgeIDAndPhoneAllCheckInAndTheSecondScanIsARepeat() async throws {
        let h = try await fair()
        let zhangCode = try await code(h, "11010519491231002X")
        let first = try await scan(h, zhangCode)
        #expect(first.result == .accepted)
        #expect(first.maskedName == "张*")
        #expect(first.maskedID == "110105********002X")
        #expect(first.groups == ["脱贫人口"])
        // The same person at the other gate, by ID number: amber, says who and where, counts once.
        let again = try await scan(h, "11010519491231002x", gate: "south", staff: "Wang")
        #expect(again.result == .repeat_)
        #expect(again.reason.hasPrefix("already checked in at "))
        #expect(again.reason.hasSuffix(" at the north gate by Li"))
        #expect(try await scan(h, "139 0013 9000").result == .accepted)  // by phone
        let counts = try await h.pool.read { db in try Scans.counts(db, campaign: "fair", checkpoint: "gate") }
        #expect(counts.attended == 2)
        #expect(counts.scans == 3 && counts.repeats == 1 && counts.rejected == 0)
        #expect(counts.byGate == ["north": 2])
        #expect(try await h.count("scan") == 3)
    }

    @Test func aReplayedNonceReturnsTheFirstAnswerWithoutANewScan() async throws {
        let h = try await fair()
        let first = try await scan(h, "11010519491231002X", nonce: "phone-7-scan-1")
        let replay = try await scan(h, "11010519491231002X", gate: "south", nonce: "phone-7-scan-1")
        #expect(first.result == .accepted)
        #expect(replay.result == .accepted)  // the first answer, not "repeat"
        #expect(replay.replayed)
        #expect(replay.reason == first.reason)
        #expect(try await h.count("scan") == 1)
    }

    @Test func aBatchIsolatesItsScansAndAnswersReplaysWithinIt() async throws {
        let h = try await fair()
        let now = h.engine.clock.now()
        let requests = [
            ScanRequest(campaign: "fair", input: "11010519491231002X", gate: "north", nonce: "a"),
            ScanRequest(campaign: "fair", input: "11010519491231002X", gate: "north", nonce: "a"),  // retried
            ScanRequest(campaign: "fair", input: "11010519491231002X", gate: "south", nonce: "b"),
            ScanRequest(campaign: "fair", input: "ZZZZZZZZ", gate: "north", nonce: "c"),
            ScanRequest(campaign: "fair", input: "13900139000", gate: "south", nonce: "d"),
        ]
        let answers = try await h.pool.write { db in try Scans.scan(db, requests, now: now).map { try $0.get() } }
        #expect(answers.map(\.result) == [.accepted, .accepted, .repeat_, .rejected, .accepted])
        #expect(answers.map(\.replayed) == [false, true, false, false, false])
        #expect(try await h.count("scan") == 4)
    }

    @Test func unknownAndUnregisteredPeopleAreRefusedWithAReason() async throws {
        let h = try await fair()
        let unknown = try await scan(h, "ZZZZ-ZZZZ")
        #expect(unknown.result == .rejected)
        #expect(unknown.reason.contains("unknown code"))
        let badID = try await scan(h, "110105194912310021")
        #expect(badID.reason.contains("not a valid ID number"))
        #expect(badID.reason.contains("110105********0021"))
        // In the ledger, but not registered for this campaign.
        _ = try await h.importFile(.people, try h.file("other.csv", "姓名,身份证号\n王芳,522426199001010025\n"), campaign: nil)
        let outsider = try await scan(h, "522426199001010025")
        #expect(outsider.result == .rejected)
        #expect(outsider.reason.contains("not registered for fair"))
        #expect(outsider.reason.contains("walk-ins are welcome"))
        let wrongGate = try await scan(h, "11010519491231002X", gate: "east")
        #expect(wrongGate.reason.contains("no gate 'east'"))
    }

    @Test func scansOutsideTheWindowAreRefused() async throws {
        let h = try await fair(gate: "{ gates: [north], opens: \"2026-03-01 08:30\", closes: \"2026-03-01 17:00\" }")
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let early = try await scan(h, "11010519491231002X", at: TimeFormats.dateTime("2026-03-01 08:00", timeZone: zone))
        #expect(early.result == .rejected)
        #expect(early.reason == "check-in at gate opens at 2026-03-01 08:30")
        let late = try await scan(h, "11010519491231002X", at: TimeFormats.dateTime("2026-03-01 17:05", timeZone: zone))
        #expect(late.reason == "check-in at gate closed at 2026-03-01 17:00")
        let inTime = try await scan(h, "11010519491231002X", at: TimeFormats.dateTime("2026-03-01 09:00", timeZone: zone))
        #expect(inTime.result == .accepted)
    }

    @Test func closingTheGateCountsAndRefusesLaterScans() async throws {
        let h = try await fair()
        _ = try await scan(h, "11010519491231002X")
        _ = try await scan(h, "11010519491231002X", gate: "south")
        _ = try await scan(h, "13900139000", gate: "south")
        _ = try await scan(h, "ZZZZZZZZ")
        let summary = try await h.engine.engine().signal(campaign: "fair", step: "gate", by: "Li", note: nil)
        let outputs = summary.steps[0].outputs
        #expect(outputs["attended"] == .int(2))
        #expect(outputs["by_gate"] == .string("north=1 south=1"))
        #expect(outputs["scans"] == .int(4))
        #expect(outputs["repeats"] == .int(1))
        #expect(outputs["rejected"] == .int(1))
        #expect(try await scan(h, "13800138000").reason == "check-in at gate has closed")
    }

    /// Eight independent connections (as eight processes would have) scan the same 2,000 people
    /// concurrently, a fifth of them twice: exactly 2,000 accepted, every other scan a repeat.
    @Test func concurrentStaffCountEveryoneExactlyOnce() async throws {
        let h = try await LedgerHarness()
        let ids = try await h.importGeneratedPeople(2000, seed: 5)
        let scans = ids + ids.prefix(400)
        let devices = try (0..<8).map { _ in try Workspace(path: h.directory.databasePath, registry: BuiltinPlugins.registry) }
        let now = h.engine.clock.now()
        let results = try await withThrowingTaskGroup(of: [ScanAnswer.Result].self) { group in
            for (d, device) in devices.enumerated() {
                let mine = scans.enumerated().filter { $0.offset % 8 == d }.map(\.element)
                group.addTask {
                    var out: [ScanAnswer.Result] = []
                    for input in mine.shuffled() {
                        let request = ScanRequest(campaign: "fair", input: input, gate: d % 2 == 0 ? "north" : "south",
                                                  staff: "staff\(d)", device: "device\(d)")
                        out.append(try await device.pool.write { db in try Scans.scan(db, request, now: now) }.result)
                    }
                    return out
                }
            }
            var all: [ScanAnswer.Result] = []
            for try await part in group { all += part }
            return all
        }
        #expect(results.filter { $0 == .accepted }.count == 2000)
        #expect(results.filter { $0 == .repeat_ }.count == 400)
        #expect(!results.contains(.rejected))
        let counted = try await h.pool.read { db in try Scans.counts(db, campaign: "fair", checkpoint: "gate") }
        #expect(counted.attended == 2000)
        #expect(counted.repeats == 400)
    }
}
