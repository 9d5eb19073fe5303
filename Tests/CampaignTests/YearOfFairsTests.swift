import CampaignTesting
import Foundation
import Testing
import WorkflowTesting

/// A county's year rebuilt through the command line as clerks would: 16 fairs, each with its own
/// posting list and village ledger (people come to several), check-ins and outcomes. The year's
/// tally counts visits (人次) and distinct people (人数) right, and loading a later fair changes
/// nothing in it — nor in any one fair's tally.
@Suite struct YearOfFairsTests {
    static let fairs = 16
    /// Forty people; fair i registers ten of them starting at 2i, so most come to several fairs.
    static let people: [(name: String, id: String)] = {
        var generator = LedgerGenerator(seed: 16)
        return (0..<40).map { i in ("求职者\(i)", generator.idNumber()) }
    }()

    static func registered(at fair: Int) -> [Int] { (0..<10).map { (fair * 2 + $0) % people.count } }

    func fairDefinition(_ name: String, date: String, in dir: TemporaryDirectory) throws -> String {
        try dir.write("\(name).yaml", "name: \(name)\ndate: \(date)\nsteps:\n  - id: gate\n    uses: checkin.gate\n")
    }

    /// Starts a fair, imports its people and its own posting list (openings that differ per fair),
    /// checks three people in and records one interview.
    func holdFair(_ cli: CLIRunner, _ dir: TemporaryDirectory, name: String, date: String, fair: Int) throws {
        #expect(try cli.run("start", try fairDefinition(name, date: date, in: dir)).status == 0)
        let people = Self.registered(at: fair).map { "\(Self.people[$0].name),\(Self.people[$0].id)" }
        let ledger = try dir.write("\(name)-people.csv", "姓名,身份证号\n" + people.joined(separator: "\n") + "\n")
        #expect(try cli.run("import", "people", ledger, "--campaign", name).status == 0)
        let postings = try dir.write("\(name)-postings.csv", """
            统一社会信用代码,岗位编号,岗位名称,招聘人数
            913505828PBRNYTPLA,001,电子装配工,\(10 + fair)
            913302063BFU7CH3JQ,002,分拣员,\(5 + fair % 3)
            """)
        #expect(try cli.run("import", "postings", postings, "--campaign", name).status == 0)
        for person in Self.registered(at: fair).prefix(3) {
            #expect(try cli.run("checkin", Self.people[person].id, "--campaign", name).status == 0)
        }
        let first = Self.people[Self.registered(at: fair)[0]].id
        #expect(try cli.run("record", "interview", "--campaign", name, "--person", first, "--posting", "001",
                            "--date", date).status == 0)
    }

    func tally(_ cli: CLIRunner, _ arguments: String...) throws -> [String: Any] {
        let result = try cli.run(arguments: ["tally"] + arguments + ["--by", "campaign,township,enterprise", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        var json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        json["generated_at"] = nil
        return json
    }

    @Test(.timeLimit(.minutes(3))) func aYearOfSixteenFairsCountsVisitsAndPeopleAndStaysPut() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir, environment: ["CAMPAIGN_NOW": "2027-06-01T10:00:00+08:00"])
        let enterprises = try dir.write("enterprises.csv", """
            企业名称,统一社会信用代码
            贵州示范电子科技有限公司,913505828PBRNYTPLA
            示范县顺达物流有限公司,913302063BFU7CH3JQ
            """)
        for fair in 0..<Self.fairs {
            let date = String(format: "2026-%02d-%02d", fair % 12 + 1, fair / 12 * 14 + 5)
            if fair == 0 { #expect(try cli.run("import", "enterprises", enterprises).status == 0) }
            try holdFair(cli, dir, name: String(format: "fair-%02d", fair + 1), date: date, fair: fair)
        }
        let year = try tally(cli, "--all", "--from", "2026-01-01", "--to", "2026-12-31")
        let one = try tally(cli, "fair-01")

        let funnel = try #require(year["funnel"] as? [String: Any])
        let distinct = try #require(year["distinct_people"] as? [String: Int])
        let everyone = Set((0..<Self.fairs).flatMap(Self.registered(at:)))
        let came = Set((0..<Self.fairs).flatMap { Self.registered(at: $0).prefix(3) })
        #expect(funnel["campaigns"] as? Int == 16)
        #expect(funnel["registered"] as? Int == 160)          // 人次: ten at each fair
        #expect(distinct["registered"] == everyone.count)     // 人数: each person once
        #expect(funnel["attended"] as? Int == 48)
        #expect(distinct["attended"] == came.count)
        #expect(funnel["interviewed"] as? Int == 16)
        #expect(distinct["interviewed"] == Set((0..<Self.fairs).map { Self.registered(at: $0)[0] }).count)
        #expect(funnel["positions"] as? Int == (0..<Self.fairs).reduce(0) { $0 + 10 + $1 + 5 + $1 % 3 })
        #expect(came.count < 48 && everyone.count < 160)      // the generated year does repeat people

        // A later fair reuses the postings with other numbers and the same people.
        try holdFair(cli, dir, name: "fair-2027-03", date: "2027-03-01", fair: 3)
        let yearAgain = try tally(cli, "--all", "--from", "2026-01-01", "--to", "2026-12-31")
        #expect(NSDictionary(dictionary: yearAgain).isEqual(to: year), "the 2026 tally changed after a 2027 fair")
        #expect(NSDictionary(dictionary: try tally(cli, "fair-01")).isEqual(to: one), "fair-01's tally changed")
        let both = try tally(cli, "--all")
        #expect((both["funnel"] as? [String: Any])?["registered"] as? Int == 170)
        #expect((both["distinct_people"] as? [String: Int])?["registered"] == everyone.count)
    }
}
