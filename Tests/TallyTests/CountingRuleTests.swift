import CampaignTesting
import Checkin
import Foundation
import GRDB
import Ledger
import Outcomes
import Tally
import Testing
import Workflow
import WorkflowTesting


@Suite struct CountingRuleTests {
    @Test func aPersonTryingSeveralPostingsCountsOncePerStage() async throws {
        let f = try await OutcomeFixture()
        try await f.record(.interviewed, OutcomeFixture.zhang, "电子装配工")
        try await f.record(.interviewed, OutcomeFixture.zhang, "质检员")
        try await f.record(.interviewed, OutcomeFixture.zhang, "分拣员")
        try await f.record(.intent, OutcomeFixture.zhang, "质检员")
        try await f.record(.intent, OutcomeFixture.zhang, "分拣员")
        try await f.record(.interviewed, OutcomeFixture.li, "分拣员")

        let report = try await f.tally(by: [.enterprise, .posting])
        #expect(report.funnel.interviewed == 2)   // 张 at three postings, 李 at one
        #expect(report.funnel.intents == 1)
        #expect(report.funnel.placed == 0)
        // Per enterprise: 张 tried two postings of the electronics firm and counts once there.
        let byEnterprise = Dictionary(uniqueKeysWithValues: report.breakdowns[0].rows.map { ($0.label, $0.counts) })
        #expect(byEnterprise["贵州示范电子科技有限公司"]?.interviewed == 1)
        #expect(byEnterprise["贵州示范电子科技有限公司"]?.intents == 1)
        #expect(byEnterprise["贵州示范电子科技有限公司"]?.positions == 50)
        #expect(byEnterprise["示范县顺达物流有限公司"]?.interviewed == 2)
        let byPosting = Dictionary(uniqueKeysWithValues: report.breakdowns[1].rows.map { ($0.key, $0.counts) })
        #expect(byPosting[f.posting["质检员"]!]?.interviewed == 1)
        #expect(byPosting[f.posting["分拣员"]!]?.interviewed == 2)
        #expect(byPosting[f.posting["分拣员"]!]?.intents == 1)
    }

    @Test func aPlacementImpliesTheInterviewAndTheIntent() async throws {
        let f = try await OutcomeFixture()
        try await f.checkIn(OutcomeFixture.wang)
        let placed = try await f.record(.placed, OutcomeFixture.wang, "分拣员")
        #expect(placed.change == .advanced(from: .none, to: .placed))
        #expect(placed.maskedName == "王*")
        let report = try await f.tally()
        #expect(report.funnel.interviewed == 1)
        #expect(report.funnel.intents == 1)
        #expect(report.funnel.placed == 1)
        #expect(report.funnel.retained == 0)
        // An interview sheet typed in afterwards is true and changes nothing.
        #expect(try await f.record(.interviewed, OutcomeFixture.wang, "分拣员").change == .unchanged(.placed))
        #expect(try await f.tally().funnel.placed == 1)
        // "Of which": 王芳 is both lifted out of poverty and a monitored household.
        #expect(report.funnel.ofWhich[.povertyAlleviated]?.placed == 1)
        #expect(report.funnel.ofWhich[.monitored]?.placed == 1)
        #expect(report.funnel.ofWhich[.graduate]?.placed ?? 0 == 0)
    }

    @Test func correctionsMoveBackOnlyWhenAskedAndAreKeptInTheHistory() async throws {
        let f = try await OutcomeFixture()
        try await f.checkIn(OutcomeFixture.liu)
        f.h.engine.clock.advance(by: 20 * 86400)   // the follow-up, after the dates it records
        try await f.record(.interviewed, OutcomeFixture.liu, "电子装配工", date: "2026/3/2")
        try await f.record(.placed, OutcomeFixture.liu, "电子装配工", date: "2026年3月9日")
        let corrected = try await f.record(.intent, OutcomeFixture.liu, "电子装配工", correct: true)
        #expect(corrected.change == .corrected(from: .placed, to: .intent))
        var report = try await f.tally()
        #expect(report.funnel.placed == 0)
        #expect(report.funnel.intents == 1)

        let history = try await f.pool.read { db in try OutcomeRecorder.history(db, campaign: "fair", person: OutcomeFixture.liu) }
        #expect(history.map(\.from) == [.none, .interviewed, .placed])
        #expect(history.map(\.to) == [.interviewed, .placed, .intent])
        #expect(history.map(\.correction) == [false, false, true])
        #expect(history.map(\.date).prefix(2) == ["2026-03-02", "2026-03-09"])
        #expect(history.allSatisfy { $0.recordedBy == "Li" })

        // Withdrawing a record made by mistake removes it from the counts, not from the history.
        try await f.record(.none, OutcomeFixture.liu, "电子装配工", correct: true)
        report = try await f.tally()
        #expect(report.funnel.interviewed == 0)
        let changes = try await f.pool.read { db in try OutcomeRecorder.history(db, campaign: "fair", person: OutcomeFixture.liu) }
        #expect(changes.count == 4)

        // Both acts are in the audit log: who, what, from which stage to which.
        let audit = try await f.pool.read { db in try AuditLog.entries(db) }
        #expect(audit.map(\.action) == ["outcome-corrected", "outcome-withdrawn"])
        #expect(audit.allSatisfy { $0.actor == "Li" && $0.campaign == "fair" })
        #expect(audit.first?.detail.contains("placement → intent") == true, "\(audit)")
        #expect(audit.last?.detail.contains("intent → none") == true, "\(audit)")
    }

    @Test func attendedIsDistinctCheckedInPeopleTheDeskIncluded() async throws {
        let f = try await OutcomeFixture()
        try await f.checkIn(OutcomeFixture.zhang)
        #expect(try await f.checkIn(OutcomeFixture.zhang).result == .repeat_)   // a repeat counts once
        try await f.checkIn(OutcomeFixture.li)
        try await f.checkIn(OutcomeFixture.li, checkpoint: "board")            // a second checkpoint: still one person
        // Registered at the desk while the gate is open: checked in there, a scan like any other.
        let walkIn = WalkIn(campaign: "fair", name: "赵敏", idNumber: "522426199606060017", township: "城关镇",
                            village: "东街村", groups: "脱贫人口")
        #expect(try await f.registerAtDesk(walkIn) == .checkedIn(checkpoint: "gate"))
        // Registered without coming (a late registrant): registered, not attended.
        let late = WalkIn(campaign: "fair", name: "钱多", idNumber: "522426199707070011", township: "城关镇")
        let now = f.now
        _ = try await f.pool.write { db in try Registrations.registerWalkIn(db, late, now: now) }

        let report = try await f.tally(by: [.township])
        #expect(report.funnel.registered == 7)
        #expect(report.funnel.attended == 3)
        #expect(report.funnel.ofWhich[.povertyAlleviated]?.attended == 2)   // 张伟 and the walk-in
        let chengguan = report.breakdowns[0].rows.first { $0.key == "城关镇" }
        #expect(chengguan?.counts.registered == 4)
        #expect(chengguan?.counts.attended == 3)
    }

    @Test func townshipVillageAndGroupBreakdowns() async throws {
        let f = try await OutcomeFixture()
        for person in [OutcomeFixture.zhang, OutcomeFixture.wang, OutcomeFixture.liu, OutcomeFixture.chen] { try await f.checkIn(person) }
        try await f.record(.placed, OutcomeFixture.wang, "分拣员")
        try await f.record(.intent, OutcomeFixture.liu, "质检员")
        try await f.record(.retained, OutcomeFixture.zhang, "电子装配工")

        let report = try await f.tally(by: [.township, .village, .group])
        let township = Dictionary(uniqueKeysWithValues: report.breakdowns[0].rows.map { ($0.key, $0.counts) })
        #expect(township["城关镇"]?.registered == 2)
        #expect(township["城关镇"]?.attended == 1)
        #expect(township["城关镇"]?.placed == 1)
        #expect(township["城关镇"]?.retained == 1)
        #expect(township["河西镇"]?.registered == 3)
        #expect(township["河西镇"]?.attended == 3)
        #expect(township["河西镇"]?.intents == 2)
        #expect(township["河西镇"]?.placed == 1)
        #expect(township["城关镇"]?.positions == nil)        // not a measure of a township
        let village = Dictionary(uniqueKeysWithValues: report.breakdowns[1].rows.map { ($0.key, $0.counts) })
        #expect(village["河西镇/新庄村"]?.registered == 2)
        #expect(village["河西镇/新庄村"]?.placed == 1)
        #expect(village["河西镇/渡口村"]?.attended == 1)
        let group = Dictionary(uniqueKeysWithValues: report.breakdowns[2].rows.map { ($0.key, $0.counts) })
        #expect(group["poverty_alleviated"]?.registered == 2)
        #expect(group["poverty_alleviated"]?.placed == 2)
        #expect(group["monitored"]?.registered == 2)
        #expect(group["monitored"]?.placed == 1)
        #expect(group["graduate"]?.attended == 1)
        #expect(group["veteran"] == nil)                      // nobody in it
        // Rows come with the most placements first.
        #expect(report.breakdowns[0].rows.first?.counts.placed == 1)
        // The funnel's offer side.
        #expect(report.funnel.enterprises == 2)
        #expect(report.funnel.postings == 3)
        #expect(report.funnel.positions == 70)
    }

    @Test func severalCampaignsAddUpAndDatesSelectThem() async throws {
        let f = try await OutcomeFixture()
        try await f.checkIn(OutcomeFixture.zhang)
        try await f.record(.placed, OutcomeFixture.zhang, "分拣员")
        f.h.engine.clock.advance(by: 40 * 86400)
        // 张伟 comes to the second fair too, with one new person.
        try await f.startCampaign("bus", registering: """
            姓名,身份证号,乡镇
            张伟,11010519491231002X,城关镇
            孙丽,522426199707070011,河西镇
            """)
        try await f.checkIn(OutcomeFixture.zhang, campaign: "bus")
        try await f.checkIn("522426199707070011", campaign: "bus")
        try await f.record(.intent, OutcomeFixture.zhang, "分拣员", campaign: "bus")

        let both = try await f.tally(["fair", "bus"], by: [.campaign, .township])
        #expect(both.funnel.campaigns == 2)
        #expect(both.funnel.registered == 7)       // 5 + 2: a person at two fairs counts at each (人次)
        #expect(both.funnel.attended == 3)
        #expect(both.funnel.interviewed == 2)
        #expect(both.funnel.intents == 2)
        #expect(both.funnel.placed == 1)
        #expect(both.funnel.postings == 6)
        #expect(both.funnel.positions == 140)
        let perCampaign = Dictionary(uniqueKeysWithValues: both.breakdowns[0].rows.map { ($0.key, $0.counts) })
        #expect(perCampaign["fair"]?.placed == 1)
        #expect(perCampaign["bus"]?.intents == 1)
        #expect(perCampaign["bus"]?.registered == 2)
        #expect(perCampaign["bus"]?.enterprises == 2)
        // The year view: per-fair rows, their 人次 total, and the people each counted once (张伟 came to both).
        let byCampaign = both.breakdowns[0]
        #expect(byCampaign.total.registered == 7 && byCampaign.distinctTotal?.registered == 6)
        #expect(byCampaign.distinctTotal?.attended == 2 && byCampaign.total.attended == 3)
        let text = TallyTextReport.table(both, lang: .zh)
        #expect(text.contains("合计（人次）") && text.contains("合计（人数）"), "\(text)")
        #expect(text.contains("一人参加两场，在两场的行中各计一次、在人次中计两次；合计（人数）每人只计一次"))
        #expect(TallyTextReport.csv(both, lang: .en).contains("campaign,distinct,total (people),"))
        let object = try #require(try JSONSerialization.jsonObject(with: TallyJSON.encode(both)) as? [String: Any])
        let first = try #require((object["breakdowns"] as? [[String: Any]])?.first)
        #expect((first["distinct_total"] as? [String: Any])?["registered"] as? Int == 6)
        #expect((first["total"] as? [String: Any])?["registered"] as? Int == 7)
        let all = try await f.tally([], all: true)
        #expect(all.funnel.registered == 7)
        // The bus left 40 days after the fair was started: a date range picks one.
        let fairDay = SheetDate.day(of: both.campaigns[0].startedAt, in: both.campaigns[0].timeZone)
        let onlyFair = try await f.tally([], from: fairDay, to: fairDay)
        #expect(onlyFair.campaigns.map(\.name) == ["fair"])
        let nothingNamed = await #expect(throws: WorkflowError.self) { try await f.tally([]) }   // no names, no --all
        #expect(nothingNamed?.code == .usage)
        #expect(nothingNamed?.message == "name the campaigns to tally, or use --all")
    }

    @Test func refusalsSayWhatToDo() async throws {
        let f = try await OutcomeFixture()
        let notRegistered = await #expect(throws: OutcomeRefusal.self) {
            try await f.record(.interviewed, "522426199606060017", "分拣员")
        }
        #expect(notRegistered?.reason.text(.en).contains("no one with ID number 522426********0017") == true)
        let walkIn = WalkIn(campaign: "fair", name: "赵敏", idNumber: "522426199606060017")
        let now = f.now
        // In the ledger but registered for another campaign only: say so, and how to fix it.
        try await f.startCampaign("other", registering: "姓名,身份证号\n赵敏,522426199606060017\n")
        let other = await #expect(throws: OutcomeRefusal.self) {
            try await f.record(.interviewed, "522426199606060017", "分拣员")
        }
        #expect(other?.reason.text(.en).contains("is not registered for fair; register them first") == true)
        #expect(other?.reason.text(.en).contains("522426********0017") == true)   // masked
        _ = try await f.pool.write { db in try Registrations.registerWalkIn(db, walkIn, now: now) }
        #expect(try await f.record(.interviewed, "522426199606060017", "分拣员").change == .advanced(from: .none, to: .interviewed))

        let unknownPosting = await #expect(throws: OutcomeRefusal.self) { try await f.record(.interviewed, OutcomeFixture.zhang, "PNOSUCH") }
        #expect(unknownPosting?.input == .posting)
        let badDate = await #expect(throws: OutcomeRefusal.self) {
            try await f.record(.interviewed, OutcomeFixture.zhang, "分拣员", date: "2026-02-30")
        }
        #expect(badDate?.reason.text(.en) == "'2026-02-30' is not a date; write it like 2026-03-05")
        #expect(try await f.h.count("outcome_change") == 1)   // refusals wrote nothing
    }
}

@Suite struct TallyStrategyTests {
    /// The two ways of counting people — a sequential pass over the ledger (large tallies) and an
    /// indexed join (small ones) — must give the same numbers, whatever the data.
    @Test func scanningTheLedgerAndJoiningGiveTheSameTally() async throws {
        let f = try await OutcomeFixture()
        try await f.startCampaign("bus", registering: """
            姓名,身份证号,乡镇,村,人员类别
            张伟,11010519491231002X,城关镇,东街村,脱贫人口
            孙丽,522426199707070011,河西镇,,退役军人
            """)
        for person in [OutcomeFixture.zhang, OutcomeFixture.li, OutcomeFixture.chen] { try await f.checkIn(person) }
        try await f.checkIn(OutcomeFixture.li, checkpoint: "board")
        try await f.checkIn(OutcomeFixture.zhang, campaign: "bus")
        let walkIn = WalkIn(campaign: "bus", name: "赵敏", idNumber: "522426199606060017", township: "城关镇")
        try await f.registerAtDesk(walkIn)
        let now = f.now
        try await f.record(.placed, OutcomeFixture.zhang, "分拣员")
        try await f.record(.interviewed, OutcomeFixture.zhang, "质检员")
        try await f.record(.retained, OutcomeFixture.chen, "电子装配工")
        try await f.record(.intent, OutcomeFixture.zhang, "分拣员", campaign: "bus")
        try await f.record(.interviewed, "522426199606060017", "质检员", campaign: "bus")

        let request = TallyRequest(all: true, breakdowns: [.campaign, .township, .village, .group, .enterprise, .posting])
        let pool = f.pool
        let (scanned, joined, parallel) = try await pool.read { db in
            (try TallyQuery.run(db, request, sections: OutcomeFixture.sections, now: now, strategy: .scan), try TallyQuery.run(db, request, sections: OutcomeFixture.sections, now: now, strategy: .join),
             try TallyQuery.run(db, request, sections: OutcomeFixture.sections, now: now, strategy: .scan, parallel: pool))
        }
        #expect(scanned.funnel == joined.funnel)
        #expect(scanned.breakdowns == joined.breakdowns)
        #expect(parallel.funnel == joined.funnel)
        #expect(parallel.breakdowns == joined.breakdowns)
        #expect(scanned.funnel.registered == 8)
        #expect(scanned.funnel.attended == 5)     // 张 李 陈 at the fair; 张 and the walk-in on the bus
        #expect(scanned.funnel.interviewed == 4)
        #expect(scanned.funnel.retained == 1)
    }
}
