import Testing
@testable import Training

/// The completion and subsidy rules as the README states them.
@Suite struct TrainingRuleTests {
    @Test(arguments: [(10, 0.8, 8), (9, 0.8, 8), (10, 1.0, 10), (3, 0.5, 2), (1, 0.1, 1), (12, 0.75, 9)])
    func completionIsTheShareOfSessionsRoundedUp(sessions: Int, share: Double, required: Int) {
        #expect(TrainingRules.requiredSessions(sessions, completion: share) == required)
    }

    static let subsidised = TrainingClass(id: "c", trade: "足部修护师", base: "中心", mode: "", capacity: 40, sessions: 10,
                                          schedule: [], completion: 0.8, subsidised: true)

    func verdict(attended: Int = 8, passed: Bool = true, certificate: String = "S1", inGroups: Bool = true,
                 last: String? = nil, of trainingClass: TrainingClass = subsidised) -> TrainingRules.Verdict {
        TrainingRules.verdict(.init(attended: attended, passed: passed, certificate: certificate, inGroups: inGroups,
                                    lastSubsidyForTrade: last), of: trainingClass, today: "2026-03-20")
    }

    @Test func theFirstRuleNotMetIsTheReason() {
        #expect(verdict() == .eligible)
        #expect(verdict(attended: 7) == .notCompleted)
        #expect(verdict(attended: 7, passed: false, inGroups: false) == .notCompleted)
        #expect(verdict(passed: false) == .notCertified)
        #expect(verdict(certificate: "") == .notCertified)
        #expect(verdict(inGroups: false) == .notInGroups)
        var unpaid = Self.subsidised
        unpaid.subsidised = false
        #expect(verdict(of: unpaid) == .notSubsidisedClass)
    }

    @Test func aSubsidyForTheSameTradeWithinAYearIsRefusedAndAYearLaterIsNot() {
        #expect(verdict(last: "2025-03-21") == .subsidisedWithinYear)   // 364 days before
        #expect(verdict(last: "2025-03-20") == .eligible)               // 365 days before
        #expect(verdict(last: "2026-01-05") == .subsidisedWithinYear)
    }

    @Test func aSheetNamesASessionByNumberOrByItsDay() {
        var c = Self.subsidised
        c.schedule = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06",
                      "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"]
        #expect(c.session(named: "3") == 3)
        #expect(c.session(named: "第3课") == 3)
        #expect(c.session(named: "第10次") == 10)
        #expect(c.session(named: "2026-03-09") == 6)
        #expect(c.session(named: "2026/3/13") == 10)
        #expect(c.session(named: "第11课") == nil)
        #expect(c.session(named: "0") == nil)
        #expect(c.session(named: "2026-03-07") == nil)
        #expect(c.session(named: "三") == nil)
    }
}
