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
        let ids = try await h.importGeneratedPeople(150, seed: 4)
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

/// The check-in body read by hand says what the general decoder says, or leaves the body to it (#39).
@Suite struct CheckinBodyReaderTests {
    static func general(_ json: String) -> CheckinBody? {
        try? CheckinBodyReader.isoDecoder().decode(CheckinBody.self, from: Data(json.utf8))
    }

    static func byHand(_ json: String) -> CheckinBody? {
        Array(json.utf8).withUnsafeBytes { CheckinBodyReader.parse($0) }
    }

    @Test func whatThePageAndScannersSendIsReadByHandAsTheDecoderReadsIt() throws {
        let ordinary = [
            #"{"input":"11010519491231002X","gate":"north","nonce":"first.lua-0-1"}"#,
            #"{"input":"13800138000","gate":"北门","checkpoint":"gate","nonce":"3f2a","device":"Mozilla/5.0 (iPhone)","client_time":"2026-03-01T01:02:03.456Z"}"#,
            #"{"input":"FAIR-000123","gate":"south","nonce":"n","client_time":"2026-03-01T09:02:03+08:00","kept_ms":15000}"#,
            #" { "input" : "x" , "kept_ms" : -1.5e3 , "gate" : null, "extra": 12, "other": "ignored" } "#,
            #"{"input":"","kept_ms":0}"#,
        ]
        for json in ordinary {
            let decoded = try #require(Self.general(json), "\(json)")
            #expect(Self.byHand(json) == decoded, "\(json)")
        }
        let time = try #require(Self.byHand(ordinary[1])?.client_time)
        #expect(abs(time.timeIntervalSince1970 - 1_772_326_923.456) < 0.001)
    }

    @Test func anythingElseIsLeftToTheGeneralDecoder() {
        let unusual = [
            #"{"input":"a\"b","gate":"north"}"#,        // an escape: the decoder unescapes
            #"{"input":"\u5f20"}"#,
            #"{"gate":"north"}"#,                        // no input: the decoder says which field
            #"{"input":null}"#, #"{"input":12}"#, #"{"input":"x","gate":7}"#, #"{"input":"x","kept_ms":"7"}"#,
            #"{"input":"x","client_time":"yesterday"}"#, #"{"input":"x","client_time":12}"#,
            #"{"input":"x","extra":{"a":1}}"#, #"{"input":"x","extra":[1]}"#, #"{"input":"x","extra":true}"#,
            #"{"input":"x","input":"y"}"#,               // a duplicate key
            #"{"input":"x"} trailing"#, #"{"input":"x""#, #"{"input":"x",}"#, #"["x"]"#, "", "{",
            #"{"input":"x","kept_ms":01}"#, #"{"input":"x","kept_ms":1.}"#, #"{"input":"x","kept_ms":1e999}"#,
            "{\"input\":\"tab\there\"}",
        ]
        for json in unusual {
            #expect(Self.byHand(json) == nil, "\(json)")
        }
        // Broken UTF-8 in a string is never read by hand.
        let broken: [UInt8] = Array(#"{"input":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
        #expect(broken.withUnsafeBytes { CheckinBodyReader.parse($0) } == nil)
    }
}
