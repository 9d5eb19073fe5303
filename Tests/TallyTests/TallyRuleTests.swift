import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Ledger
import PluginKit
import Tally
import Testing
import Workflow

/// The tally's rules that #32 found broken, each on a county-shaped example with its numbers worked
/// out by hand: every target group counted (the ninth too), a peak never summed, every lead a call
/// reached counted, and a campaign's report showing only what applies to its kind.
@Suite struct TallyRuleTests {
    /// A world with no random campaigns, to be filled by hand.
    static func emptyWorld(people: Int = 0) -> CountingWorld {
        var world = CountingWorld(seed: 7, people: people, campaigns: 0)
        world.campaigns = []
        return world
    }

    static func play(_ world: CountingWorld, by dimensions: [String]) async throws -> (WorldPlayer, TallyReport) {
        var player = try WorldPlayer(world)
        try await player.play()
        let sections = BuiltinPlugins.all.tallySections
        let request = TallyRequest(campaigns: world.campaigns.map(\.name),
                                   breakdowns: try TallyDimension.parseList(dimensions, among: TallyDimension.known(sections)))
        let now = player.h.clock.now()
        let report = try await player.pool.read { db in try TallyQuery.run(db, request, sections: sections, now: now) }
        return (player, report)
    }

    /// Each format read back, in Chinese, the workbook by openpyxl.
    static func formats(_ report: TallyReport, in player: WorldPlayer) throws -> [(String, ReadReport)] {
        let keyOf = Dictionary(report.measures.map { ($0.zh, $0.key) }, uniquingKeysWith: { first, _ in first })
        let groupOf = Dictionary(uniqueKeysWithValues: ReferenceTally.groupLabels.map { ($1, $0) })
        let path = player.h.directory.url.appendingPathComponent("rule.xlsx").path
        try TallyWorkbook.write(report, lang: .zh, to: URL(fileURLWithPath: path))
        return [("JSON", try ReadReport.json(TallyJSON.encode(report))),
                ("CSV", ReadReport.csv(TallyTextReport.csv(report, lang: .zh), keyOf: keyOf)),
                ("HTML", ReadReport.html(TallyHTML.render(report, lang: .zh), keyOf: keyOf, groupOf: groupOf)),
                ("XLSX", ReadReport.workbook(try WorkbookReader.read([path])[path] ?? [:], keyOf: keyOf, groupOf: groupOf))]
    }

    /// Every label docs/reference.md lists for every group, one person each, every other one checked in: each
    /// group's registered and attended are exact in every format, 农村低收入人口 included, with its 其中.
    @Test func everyGroupIsCountedUnderEveryLabelInEveryFormat() async throws {
        var world = Self.emptyWorld()
        var generator = CampaignTestingPeople(seed: 32)
        var expected: [String: (registered: Int, attended: Int)] = [:]
        var index = 0
        for (group, labels) in CountingWorld.spellings.sorted(by: { $0.key < $1.key }) {
            for label in labels {
                world.people.append(generator.person(labels: [label]))
                let came = index % 2 == 0
                expected[group, default: (0, 0)].registered += 1
                if came { expected[group]!.attended += 1 }
                index += 1
            }
        }
        // Someone in two groups counts in both.
        world.people.append(generator.person(labels: ["低保户", "退役军人"]))
        expected["low_income"]!.registered += 1
        expected["veteran"]!.registered += 1
        var fair = CountingWorld.Campaign(name: "fair", title: "春风行动", kind: .fair)
        fair.registered = Array(world.people.indices)
        fair.scans = world.people.indices.filter { $0 % 2 == 0 && $0 < index }
            .map { CountingWorld.GateScan(person: $0, gate: "north", overHTTP: $0 % 4 == 0) }
        world.campaigns = [fair]

        let (player, report) = try await Self.play(world, by: ["group"])
        #expect(expected.count == 9 && expected["low_income"]!.registered == 4)
        for (format, read) in try Self.formats(report, in: player) {
            for (group, counts) in expected {
                let label = ReferenceTally.groupLabels[group]!
                if format != "CSV" {   // CSV has the group rows, not the funnel's 其中 columns
                    #expect(read.ofWhich?[group]?["registered"] == counts.registered, "\(format) 其中 \(label) registered")
                    #expect(read.ofWhich?[group]?["attended"] == counts.attended, "\(format) 其中 \(label) attended")
                }
                #expect(read.breakdowns["group"]?[label]?["registered"] == counts.registered, "\(format) 按人员类别 \(label)")
                #expect(read.breakdowns["group"]?[label]?["attended"] == counts.attended, "\(format) 按人员类别 \(label)")
            }
            #expect(read.funnel["registered"] == world.people.count, "\(format)")
        }
        #expect(TallyTextReport.table(report, lang: .zh).contains("其中 农村低收入人口"))
        #expect(TallyTextReport.table(report, lang: .en).contains("of which rural low-income"))
    }

    /// Four livestreams in a year that peaked at 3,650, 8,000, 5,210 and 4,480 viewers peaked at 8,000 —
    /// in the funnel and in the campaign breakdown's total, in every format; views add up.
    @Test func aYearsPeakIsTheLargestStreamsNeverTheSum() async throws {
        var world = Self.emptyWorld(people: 4)
        for (i, peak) in [3650, 8000, 5210, 4480].enumerated() {
            var stream = CountingWorld.Campaign(name: "live-\(i)", title: "直播带岗第\(i + 1)场", kind: .livestream)
            stream.invited = [0]
            stream.offered = [(0, 20)]
            stream.viewers = [(peak / 2, 1000), (peak, 2000 + i), (peak - 1, 500)]
            world.campaigns.append(stream)
        }
        let (player, report) = try await Self.play(world, by: ["campaign"])
        for (format, read) in try Self.formats(report, in: player) {
            #expect(read.funnel["peak_viewers"] == 8000, "\(format): 最高在线人数 is the largest peak")
            #expect(read.totals["campaign"]?["peak_viewers"] == 8000, "\(format): 合计（人次）")
            #expect(read.funnel["views"] == 4 * 3500 + 6, "\(format): views add up")
            #expect(read.breakdowns["campaign"]?["直播带岗第2场"]?["peak_viewers"] == 8000, "\(format)")
        }
        let table = TallyTextReport.table(report, lang: .zh)
        #expect(table.contains("最高在线人数取各场中的最大值，不相加。"), "\(table)")
        let peakLine = try #require(table.split(separator: "\n").first { $0.hasPrefix("最高在线人数") })
        #expect(peakLine.split(separator: " ").contains("8000"), "\(peakLine)")
        #expect(!table.contains("21340"))
    }

    /// 回访接通 counts every lead a call reached — phone-only leads (most 抖音 and 视频号 sign-ups) too —
    /// and 按报名平台 has every platform with its leads, 视频号 included.
    @Test func everyLeadACallReachedCountsAndEveryPlatformHasItsLeads() async throws {
        var world = Self.emptyWorld(people: 6)
        for i in world.people.indices { world.people[i].phone = "1380013800\(i)" }
        var stream = CountingWorld.Campaign(name: "live", title: "直播带岗", kind: .livestream)
        stream.invited = [0]
        stream.offered = [(0, 20)]
        // 抖音: three people of the ledger, two reached; 视频号: four phones nobody knows, one reached.
        for i in 0..<3 {
            stream.leads.append(.init(platform: "抖音", phone: world.people[i].phone, name: world.people[i].name, idNumber: "", posting: 0))
        }
        for i in 0..<4 {
            stream.leads.append(.init(platform: "视频号", phone: "1770000000\(i)", name: "网友\(i)", idNumber: "", posting: 0))
        }
        stream.calls = [world.people[0].phone: .reached, world.people[1].phone: .notInterested, world.people[2].phone: .notReached,
                        "17700000000": .reached, "17700000001": .wrongNumber]
        world.campaigns = [stream]
        let (player, report) = try await Self.play(world, by: ["platform"])
        for (format, read) in try Self.formats(report, in: player) {
            #expect(read.funnel["leads"] == 7, "\(format)")
            #expect(read.funnel["leads_reached"] == 3, "\(format): 回访接通 counts the phone-only lead reached")
            #expect(read.funnel["leads_matched"] == 3 && read.funnel["leads_matched_reached"] == 2, "\(format)")
            #expect(read.breakdowns["platform"]?["抖音"]?["leads"] == 3, "\(format)")
            #expect(read.breakdowns["platform"]?["抖音"]?["leads_reached"] == 2, "\(format)")
            #expect(read.breakdowns["platform"]?["视频号"]?["leads"] == 4, "\(format): 视频号 is there")
            #expect(read.breakdowns["platform"]?["视频号"]?["leads_reached"] == 1, "\(format)")
            #expect(read.breakdowns["platform"]?["视频号"]?["registered"] == 0, "\(format)")
        }
    }

    /// A bus season's tally has no interviews, gate or 就业率, a livestream's no gate; the destination
    /// rows add up to their total with no note blaming overlap; a year across kinds shows each measure
    /// where it applies, blank elsewhere, and 就业率 is the fairs' placements over the fairs' attendance.
    @Test func aCampaignShowsOnlyWhatAppliesToItsKind() async throws {
        // The first drawn county with a fair, a bus season and a livestream (one of each, renamed).
        var year = try #require((0..<200).lazy.map { CountingWorld(seed: UInt64($0)) }.first { world in
            [.fair, .bus, .livestream].allSatisfy { kind in world.campaigns.contains { $0.kind == kind } }
        })
        let fair = try #require(year.campaigns.first { $0.kind == .fair && $0.scans.count > 2 } ?? year.campaigns.first { $0.kind == .fair })
        let bus = try #require(year.campaigns.first { $0.kind == .bus })
        let stream = try #require(year.campaigns.first { $0.kind == .livestream })
        year.campaigns = [fair, bus, stream]
        for (i, name) in ["fair", "bus", "live"].enumerated() { year.campaigns[i].name = name }
        let (player, report) = try await Self.play(year, by: ["campaign", "destination"])
        let json = try #require(try JSONSerialization.jsonObject(with: TallyJSON.encode(report)) as? [String: Any])
        let rows = try #require((json["breakdowns"] as? [[String: Any]])?.first { $0["by"] as? String == "campaign" }?["rows"]
                                as? [[String: Any]])
        func counts(_ name: String) -> [String: Any] { rows.first { $0["key"] as? String == name }?["counts"] as? [String: Any] ?? [:] }
        for key in ["interviewed", "attended", "enterprises", "positions", "leads"] {
            #expect(counts("bus")[key] is NSNull, "a bus season has no \(key)")
        }
        for key in ["attended", "enterprises_attended", "placed_not_attended", "passengers"] {
            #expect(counts("live")[key] is NSNull, "a livestream has no \(key)")
        }
        #expect(counts("fair")["leads"] is NSNull && counts("fair")["boarded"] is NSNull)
        #expect(counts("bus")["passengers"] is Int && counts("live")["leads"] is Int && counts("fair")["attended"] is Int)
        // 就业率 over the fairs only: the livestream's placements do not inflate it.
        let expected = ReferenceTally(year, seats: player.seats).expected()
        let rates = (json["funnel"] as? [String: Any])?["rates"] as? [String: Any]
        #expect((rates?["placed_of_attended"] as? Double) == (expected.rates["placed_of_attended"] ?? nil))

        // A bus season alone: none of a fair's or a stream's measures, and destinations that add up.
        var busOnly = year
        busOnly.campaigns = [year.campaigns[1]]
        let (_, busReport) = try await Self.play(busOnly, by: ["destination", "township"])
        let keys = Set(busReport.measures.map(\.key))
        #expect(keys.isDisjoint(with: ["attended", "interviewed", "placed", "enterprises", "postings", "positions", "leads"]))
        let table = TallyTextReport.table(busReport, lang: .zh)
        #expect(!table.contains("就业率") && !table.contains("面试人数") && !table.contains("到场求职者"), "\(table)")
        #expect(!table.contains("一人可出现在多个目的地企业行中"), "\(table)")
        let destinations = try #require(busReport.breakdowns.first { $0.dimension.rawValue == "destination" })
        #expect(!destinations.rowsMayOverlap)
        for key in ["registered", "passengers", "boarded"] {
            #expect(destinations.rows.reduce(0) { $0 + ($1.counts[key] ?? 0) } == destinations.total[key], "\(key)")
        }
    }
}

/// People for hand-made worlds: valid ID numbers (each once), phones, in 城关镇.
struct CampaignTestingPeople {
    var generator: LedgerGenerator
    var count = 0

    init(seed: UInt64) { generator = LedgerGenerator(seed: seed &+ 10_000) }

    mutating func person(labels: [String]) -> CountingWorld.Person {
        count += 1
        return CountingWorld.Person(name: generator.name(), idNumber: generator.idNumber(),
                                    phone: "1390000" + String(format: "%04d", count), township: "城关镇", village: "南关村",
                                    labels: labels)
    }
}
