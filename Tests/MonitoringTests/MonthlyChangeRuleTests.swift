import Testing
@testable import Monitoring

/// The month-over-month rules as the README states them.
@Suite struct MonthlyChangeRuleTests {
    typealias S = MonthlyChanges.Status
    static let home = S(working: false, area: nil, since: "", wantsWork: true)
    static let county = S(working: true, area: .county, since: "", wantsWork: false)
    static let province = S(working: true, area: .province, since: "", wantsWork: false)
    static let away = S(working: true, area: .outside, since: "", wantsWork: false)

    @Test func eachChangeByItsRule() {
        #expect(MonthlyChanges.changes(now: Self.home, before: nil) == [.newlyMonitored])
        #expect(MonthlyChanges.changes(now: Self.home, before: Self.county) == [.newlyUnemployed])
        #expect(MonthlyChanges.changes(now: Self.home, before: Self.away) == [.newlyUnemployed, .returnedHome])
        #expect(MonthlyChanges.changes(now: Self.county, before: Self.province) == [.returnedHome])
        #expect(MonthlyChanges.changes(now: Self.away, before: Self.home) == [.newlyOutOfProvince])
        #expect(MonthlyChanges.changes(now: Self.away, before: Self.province) == [.newlyOutOfProvince])
        #expect(MonthlyChanges.changes(now: Self.province, before: Self.away) == [])
        #expect(MonthlyChanges.changes(now: Self.away, before: Self.away) == [])
        #expect(MonthlyChanges.changes(now: Self.home, before: Self.home) == [])
    }

    @Test func threeMonthsAwayBySinceOrByThreeSheets() {
        var since = Self.away
        since.since = "2026-02-25"
        #expect(MonthlyChanges.awayThreeMonths(since, month: "2026-05", earlier: []))
        #expect(!MonthlyChanges.awayThreeMonths(since, month: "2026-04", earlier: [Self.away, Self.away]))   // the date wins
        since.since = "2025-11"
        #expect(MonthlyChanges.awayThreeMonths(since, month: "2026-02", earlier: []))
        #expect(MonthlyChanges.awayThreeMonths(Self.away, month: "2026-04", earlier: [Self.away, Self.away]))
        #expect(!MonthlyChanges.awayThreeMonths(Self.away, month: "2026-04", earlier: [Self.away, Self.province]))
        #expect(!MonthlyChanges.awayThreeMonths(Self.away, month: "2026-04", earlier: [Self.away]))
        #expect(!MonthlyChanges.awayThreeMonths(Self.province, month: "2026-04", earlier: [Self.away, Self.away]))
    }

    @Test func sheetWordsAreRead() {
        #expect(WorkArea.read("省外") == .outside)
        #expect(WorkArea.read("省内县外") == .province)
        #expect(WorkArea.read("县外省内") == .province)
        #expect(WorkArea.read("县内") == .county)
        #expect(WorkArea.read("广东省东莞市") == nil)
        #expect(SheetAnswer.working("是") == true)
        #expect(SheetAnswer.working("在家") == false)
        #expect(SheetAnswer.working("也许") == nil)
        #expect(SheetAnswer.wish("") == false)
        #expect(SheetAnswer.wish("有") == true)
        #expect(Month.adding(-1, to: "2026-01") == "2025-12")
        #expect(Month.adding(-12, to: "2026-03") == "2025-03")
        #expect(Month.adding(14, to: "2026-11") == "2028-01")
        #expect(Month.isMonth("2026-13") == false)
    }
}
