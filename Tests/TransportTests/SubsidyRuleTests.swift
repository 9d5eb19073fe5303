import Testing
@testable import Transport

/// The subsidy rule at its boundaries: exactly three calendar months qualifies, a day less does not;
/// work in the home province does not count; a destination without a province is said, not guessed.
@Suite struct SubsidyRuleTests {
    let rule = SubsidyRule(months: 3, homeProvince: "贵州省", amount: 500)

    @Test func exactlyThreeMonthsQualifiesAndADayLessDoesNot() {
        #expect(rule.verdict(province: "浙江省", employment: .init(startedOn: "2026-02-22", checkedOn: "2026-05-22"))
                == .qualifies(months: 3, days: 0))
        #expect(rule.verdict(province: "浙江省", employment: .init(startedOn: "2026-02-22", checkedOn: "2026-05-21"))
                == .notYet(months: 2, days: 29, checkedOn: "2026-05-21"))
        let left = rule.verdict(province: "浙江省", employment: .init(startedOn: "2026-02-22", leftOn: "2026-05-02",
                                                                      checkedOn: "2026-06-01"))
        #expect(left == .leftEarly(months: 2, days: 10))
        #expect(left.words.text(.en) == "left after 2 months 10 days")
        #expect(left.words.text(.zh) == "在岗2个月10天后离职")
        // The end of a short month: started on 30 November, three months end on the last day of February.
        #expect(rule.verdict(province: "广东省", employment: .init(startedOn: "2025-11-30", checkedOn: "2026-02-28")).qualifies)
    }

    @Test func theHomeProvinceAndAnUnknownOneDoNotQualify() {
        let stayed = SubsidyRule.Employment(startedOn: "2026-02-22", checkedOn: "2026-08-01")
        #expect(rule.verdict(province: "贵州省", employment: stayed) == .inProvince("贵州省"))
        #expect(rule.verdict(province: "贵州", employment: stayed) == .inProvince("贵州"))
        #expect(rule.verdict(province: "", employment: stayed) == .provinceUnknown)
        #expect(rule.verdict(province: "浙江省", employment: nil) == .noRecord)
        let anywhere = SubsidyRule(months: 3, outOfProvinceOnly: false, homeProvince: "贵州省", amount: 300)
        #expect(anywhere.verdict(province: "贵州省", employment: stayed).qualifies)
    }

    @Test func addressesGiveTheCityAndProvince() {
        #expect(DestinationPlace(address: "浙江省宁波市北仑区") == .init(city: "宁波市", province: "浙江省"))
        #expect(DestinationPlace(address: "广东东莞市长安镇") == .init(city: "东莞市", province: "广东省"))
        #expect(DestinationPlace(address: "上海市浦东新区") == .init(city: "上海市", province: "上海市"))
        #expect(DestinationPlace(address: "宁波市北仑区", provinces: ["宁波": "浙江省"]) == .init(city: "宁波市", province: "浙江省"))
        #expect(DestinationPlace(address: "示范县工业园区1号") == .init(city: "", province: ""))
    }

    @Test func platesAreReadHoweverTheyWereTyped() {
        #expect(LicensePlate("贵a12345")?.value == "贵A·12345")
        #expect(LicensePlate("贵A 12345")?.value == "贵A·12345")
        #expect(LicensePlate("粤B·D12345")?.value == "粤B·D12345")
        #expect(LicensePlate("AB12345") == nil)
        #expect(LicensePlate("贵A1234") == nil)
    }
}
