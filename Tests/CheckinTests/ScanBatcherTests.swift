import CampaignTesting
@testable import Checkin
import Foundation
import GRDB
import NIOCore

import Ledger
import Messages
import Testing
import Workflow

/// Group commit (#39): every scan waiting when the writer is free goes in its one transaction, more
/// than a batch's worth is written in turn, and each scan gets its own answer.
@Suite struct ScanBatcherTests {
    @Test func scansArrivingTogetherAreEachAnsweredAndCountedOnce() async throws {
        let h = try await LedgerHarness()
        var generator = LedgerGenerator(seed: 4)
        let ledger = h.directory.url.appendingPathComponent("people.csv")
        try generator.writePeopleCSV(to: ledger, count: 150)
        _ = try await h.importFile(.people, ledger)
        let ids = try await h.pool.read { db in try String.fetchAll(db, sql: "SELECT id_number FROM person ORDER BY id") }
        #expect(ids.count == 150)
        let batcher = ScanBatcher(workspace: h.engine.workspace, clock: h.engine.clock)
        // Each person twice, more scans at once than one batch takes, plus one nobody has and one retried.
        let inputs = ids + ids + ["110105194912310029"]
        let answers = try await withThrowingTaskGroup(of: (String, ScanAnswer).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask {
                    let request = ScanRequest(campaign: "fair", input: input, gate: index % 2 == 0 ? "north" : "south",
                                              staff: "Li", device: "test", nonce: "scan-\(index)")
                    return (input, try await batcher.scan(request))
                }
            }
            return try await group.reduce(into: [(String, ScanAnswer)]()) { $0.append($1) }
        }
        #expect(inputs.count > ScanBatcher.maxBatch)
        #expect(answers.count == inputs.count)
        let byPerson = Dictionary(grouping: answers.filter { $0.0 != "110105194912310029" }, by: \.0)
        #expect(byPerson.count == 150)
        for (input, pair) in byPerson {
            #expect(pair.map(\.1.result).sorted { $0.rawValue < $1.rawValue } == [.accepted, .repeat_], "\(input)")
            #expect(pair.allSatisfy { $0.1.maskedID == Masking.idNumber(input) })
        }
        let stranger = try #require(answers.first { $0.0 == "110105194912310029" }?.1)
        #expect(stranger.result == .rejected && stranger.maskedName == nil, "\(stranger.message.text(.en))")
        // A retried request (the same nonce) gets its first answer again and adds no scan.
        let retried = try await batcher.scan(ScanRequest(campaign: "fair", input: ids[0], gate: "south", staff: "Li",
                                                         device: "test", nonce: "scan-0"))
        #expect(retried.replayed && retried.result == .accepted)
        let (scans, accepted) = try await h.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM scan") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(DISTINCT person_id) FROM scan WHERE result = 'accepted'") ?? 0)
        }
        #expect(scans == inputs.count && accepted == 150)
    }

    /// The answer's JSON is written by hand into the buffer: it reads back as the same fields, quotes,
    /// backslashes and line breaks in a reason escaped.
    @Test func theAnswerWrittenByHandReadsBackAsJSON() throws {
        struct Decoded: Decodable, Equatable {
            var result: String, reason: String, reason_zh: String, reason_en: String
            var name: String?, id_number: String?, groups: [String], replayed: Bool
        }
        let tricky = MessageText("test.tricky", zh: "引号\"和\\反斜杠\n换行{x}", en: "a \"quote\", a \\ and\ta tab {x}")
        let answer = ScanAnswer(result: .rejected, message: Message(tricky, ["x": "\u{1}"]), maskedName: nil,
                                maskedID: "110105********002X", groups: ["脱贫人口", "a\"b"], replayed: true)
        for language in [Language.zh, .en] {
            let body = ScanReply(answer, in: language).json()
            let decoded = try JSONDecoder().decode(Decoded.self, from: Data(body.readableBytesView))
            #expect(decoded == Decoded(result: "rejected", reason: answer.message.text(language),
                                       reason_zh: answer.message.text(.zh), reason_en: answer.message.text(.en),
                                       name: nil, id_number: "110105********002X", groups: ["脱贫人口", "a\"b"], replayed: true))
        }
    }
}
