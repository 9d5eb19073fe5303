import BuiltinPlugins
import Foundation
import GRDB
import PluginKit
import Tally
import Testing
import Workflow

/// The second count: random counties' acts played through the product, tallied by every breakdown
/// in JSON, CSV, XLSX (read back by openpyxl) and HTML, each held against `ReferenceTally`, which
/// counts the same acts by the rules of docs/reference.md. Fixed seeds: a failure names its seed, and
/// `CAMPAIGN_SECOND_COUNT=N` runs N more (the larger run the closing note of #32 describes).
@Suite struct SecondCountTests {
    static let batches = 16
    /// Worlds per batch in the test command; `CAMPAIGN_SECOND_COUNT` asks for more in all.
    static var perBatch: Int {
        let asked = Int(ProcessInfo.processInfo.environment["CAMPAIGN_SECOND_COUNT"] ?? "") ?? 0
        return max(12, (asked + batches - 1) / batches)
    }
    static let dimensions = ["township", "village", "group", "campaign", "enterprise", "posting", "destination", "platform"]

    @Test(arguments: 0..<batches) func everyFormatSaysWhatTheActsAddUpTo(batch: Int) async throws {
        // The players stay until the workbooks are read: each holds its temporary folder.
        var workbooks: [(seed: Int, path: String, expected: ReferenceTally.Expected, keyOf: [String: String],
                         player: WorldPlayer)] = []
        for seed in (batch * Self.perBatch)..<((batch + 1) * Self.perBatch) {
            let world = CountingWorld(seed: UInt64(seed))
            var player = try WorldPlayer(world)
            try await player.play()
            let expected = ReferenceTally(world, seats: player.seats).expected()
            let report = try await Self.tally(player)
            let keyOf = Dictionary(report.measures.map { ($0.zh, $0.key) }, uniquingKeysWith: { first, _ in first })
            let groupOf = Dictionary(uniqueKeysWithValues: ReferenceTally.groupLabels.map { ($1, $0) })
            Self.check(try ReadReport.json(TallyJSON.encode(report)), "JSON", seed: seed, against: expected, everyKey: true)
            Self.check(ReadReport.csv(TallyTextReport.csv(report, lang: .zh), keyOf: keyOf), "CSV", seed: seed,
                       against: expected, everyKey: true)
            Self.check(ReadReport.html(TallyHTML.render(report, lang: .zh), keyOf: keyOf, groupOf: groupOf), "HTML",
                       seed: seed, against: expected, everyKey: false)
            let path = player.h.directory.url.appendingPathComponent("tally.xlsx").path
            try TallyWorkbook.write(report, lang: .zh, to: URL(fileURLWithPath: path))
            workbooks.append((seed, path, expected, keyOf, player))
        }
        let read = try WorkbookReader.read(workbooks.map(\.path))
        let groupOf = Dictionary(uniqueKeysWithValues: ReferenceTally.groupLabels.map { ($1, $0) })
        for book in workbooks {
            Self.check(ReadReport.workbook(read[book.path] ?? [:], keyOf: book.keyOf, groupOf: groupOf), "XLSX",
                       seed: book.seed, against: book.expected, everyKey: false)
        }
    }

    /// The worlds are not empty of what is counted: over the first seeds every measure but the subsidy
    /// (the worlds keep no follow-up records) is reached somewhere, so a comparison of zeros proves nothing.
    @Test func theWorldsReachEveryMeasure() async throws {
        var sums: [String: Int] = [:]
        for seed in 0..<24 {
            let world = CountingWorld(seed: UInt64(seed))
            var player = try WorldPlayer(world)
            try await player.play()
            for (key, value) in ReferenceTally(world, seats: player.seats).expected().funnel.values { sums[key, default: 0] += value }
        }
        let all = ReferenceTally.peopleMeasures.map(\.key) + ReferenceTally.campaignMeasures.map(\.key)
        let unreached = all.filter { (sums[$0] ?? 0) == 0 && !$0.hasPrefix("subsidy") }
        #expect(unreached.isEmpty, "never reached: \(unreached)")
    }

    /// Every campaign of the world, by every breakdown there is.
    static func tally(_ player: WorldPlayer) async throws -> TallyReport {
        let sections = BuiltinPlugins.all.tallySections
        let request = TallyRequest(campaigns: player.world.campaigns.map(\.name),
                                   breakdowns: try TallyDimension.parseList(dimensions, among: TallyDimension.known(sections)))
        let now = player.h.clock.now()
        return try await player.pool.read { db in try TallyQuery.run(db, request, sections: sections, now: now) }
    }

    /// A format's figures against the expectation: the funnel, 人数, 其中, rates (JSON), every row of
    /// every breakdown and its totals. `everyKey`: the format carries every measure of a line (JSON,
    /// CSV), so a line's measures must be exactly the ones that apply to it.
    static func check(_ read: ReadReport, _ format: String, seed: Int, against expected: ReferenceTally.Expected,
                      everyKey: Bool) {
        let at = "seed \(seed), \(format)"
        #expect(read.funnel == expected.funnel.values, "\(at): funnel")
        if everyKey || expected.distinct != nil, format != "CSV" {
            #expect(read.distinct == expected.distinct, "\(at): 人数")
        }
        if let ofWhich = read.ofWhich {
            let present = everyKey ? expected.funnel.ofWhich
                : expected.funnel.ofWhich.filter { ($0.value["registered"] ?? 0) > 0 }
            #expect(ofWhich == present, "\(at): 其中")
        }
        if let rates = read.rates {
            for (key, value) in rates {
                #expect(value == expected.rates[key] ?? nil, "\(at): rate \(key)")
            }
            #expect(Set(expected.rates.keys).isSubset(of: Set(rates.keys)), "\(at): rates")
        }
        #expect(Set(read.breakdowns.keys) == Set(expected.breakdowns.keys), "\(at): breakdowns")
        for (dimension, rows) in expected.breakdowns {
            let shown = expected.displayed(dimension)
            let got = read.breakdowns[dimension] ?? [:]
            #expect(Set(got.keys) == Set(rows.keys), "\(at): rows of \(dimension)")
            for (label, line) in rows {
                let mine = got[label] ?? [:]
                if everyKey {
                    #expect(mine == line, "\(at): \(dimension) \(label)")
                } else {
                    #expect(mine == line.filter { shown.contains($0.key) }, "\(at): \(dimension) \(label)")
                }
            }
            #expect((read.totals[dimension] ?? [:]).filter { shown.contains($0.key) }
                    == (expected.totals[dimension] ?? [:]).filter { shown.contains($0.key) }, "\(at): 合计 of \(dimension)")
        }
        if expected.breakdowns["campaign"] != nil {
            #expect(read.distinctTotal == expected.distinctTotal, "\(at): 合计（人数）")
        }
    }
}
