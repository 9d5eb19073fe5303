import CampaignTesting
import Checkin
import Foundation
import GRDB
import Ledger
import Testing
import Workflow
import WorkflowTesting

/// What staff type at the gate is kept masked however it was typed, never echoed whole, and never
/// more than a badge, ID or phone number could be.
@Suite struct ScanPrivacyTests {
    func fair() async throws -> LedgerHarness {
        let h = try await LedgerHarness()
        _ = try await h.importFile(.people, try h.file("people.csv", ScanTests.people))
        return h
    }

    func scan(_ h: LedgerHarness, _ input: String) async throws -> ScanAnswer {
        let request = ScanRequest(campaign: "fair", input: input, gate: "north", staff: "Li")
        let now = h.engine.clock.now()
        return try await h.pool.write { db in try Scans.scan(db, request, now: now) }
    }

    func storedInputs(_ h: LedgerHarness) async throws -> [String] {
        try await h.pool.read { db in try Scans.history(db, campaign: "fair", checkpoint: "gate").map(\.input) }
    }

    @Test func numbersTypedWithSpacesFullWidthDigitsOrDashesAreStoredMasked() async throws {
        let h = try await fair()
        #expect(try await scan(h, "1101 0519 4912 3100 2X").result == .accepted)
        #expect(try await scan(h, "５２２４２６１９９００１０１００１７").result == .accepted)
        #expect(try await scan(h, "+86 139-0013-9000").result == .repeat_)
        let stored = try await storedInputs(h)
        #expect(stored == ["110105********002X", "522426********0017", "+861******9000"])
        for input in stored { #expect(!input.contains("0519491231") && !input.contains("00139")) }
    }

    @Test func anUnknownCodeIsQuotedMasked() async throws {
        let h = try await fair()
        let answer = try await scan(h, "tel:13912345678")
        #expect(answer.result == .rejected)
        #expect(answer.reason == "unknown code 'tel:13****45': not a badge of fair")
    }

    @Test func anInputLongerThanAnyNumberIsRefusedUnreadAndKeptShort() async throws {
        let h = try await fair()
        let answer = try await scan(h, String(repeating: "A", count: 1 << 20))
        #expect(answer.result == .rejected)
        #expect(answer.reason == "what was scanned is 1048576 characters long; a badge code, ID number or phone number is "
                + "at most 64")
        let nul = try await scan(h, "AB\u{0}CD")
        #expect(nul.result == .rejected)
        #expect(try await storedInputs(h) == [String(repeating: "A", count: 64), "ABCD"])
    }
}
