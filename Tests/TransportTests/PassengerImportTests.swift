import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Ledger
import Testing
@testable import Transport

/// The passenger and vehicle lists as counties keep them: Chinese headers, bad rows refused with the
/// column and the reason, nothing valid lost, a second import updating what changed.
@Suite struct PassengerImportTests {
    /// 往返天数 in the passenger list (#36): kept per passenger, refused when it is not a day count, and
    /// before the roster step's `trip_days:`; a list imported again with another figure updates it.
    @Test func aPassengerListMaySayHowLongTheTripKeepsTheCoachAway() async throws {
        let h = try await LedgerHarness()
        let file = try h.file("trips.csv", """
            姓名,身份证号,乡镇,村,上车点,目的地企业,目的地省份,出发日期,往返天数
            张三,11010519491231002X,城关镇,东街村,城关镇政府,宁波甲厂,浙江省,2026-02-20,5
            赵六,110105194912310046,河口镇,西村,河口镇车站,宁波甲厂,浙江省,2026-02-20,
            钱七,110105194912310054,河口镇,西村,河口镇车站,东莞乙厂,广东省,2026-02-21,一周
            """)
        let summary = try await h.importFile(.passengers, file)
        #expect(summary.inserted == 2)
        #expect(summary.problems.map { $0.summary(.en) }
                == ["row 4, 往返天数: the days a trip keeps a coach away are a whole number from 1 to 60, not '一周'"])
        let rows = try await h.pool.read { db in try TransportRecords.passengers(db, campaign: "fair") }
        #expect(rows.map(\.tripDays) == [5, nil])
        let configured = ["浙江省": 4, "default": 2]
        #expect(rows.map { Roster.tripDays(of: $0, in: configured) } == [5, 4])
        let again = try await h.importFile(.passengers, try h.file("trips2.csv", """
            姓名,身份证号,乡镇,村,上车点,目的地企业,目的地省份,出发日期,往返天数
            张三,11010519491231002X,城关镇,东街村,城关镇政府,宁波甲厂,浙江省,2026-02-20,3
            """))
        #expect(again.updated == 1)
        #expect(try await h.pool.read { db in try TransportRecords.passengers(db, campaign: "fair") }.first?.tripDays == 3)
    }

    @Test func passengersAreAddedToTheLedgerAndRefusedRowsSayWhy() async throws {
        let h = try await LedgerHarness()
        let file = try h.file("passengers.csv", """
            姓名,身份证号,手机号,乡镇,村,上车点,目的地企业,目的地省份,出发日期,状态
            张三,11010519491231002X,13800138000,城关镇,东街村,城关镇政府,宁波甲厂,浙江省,2026/2/20,
            李四,110105194912310021,,城关镇,东街村,城关镇政府,宁波甲厂,浙江省,2026-02-20,
            王五,110105194912310038,,河口镇,西村,,宁波甲厂,浙江省,2026-02-20,
            赵六,110105194912310046,,河口镇,西村,河口镇车站,宁波甲厂,浙江省,二月二十,
            钱七,110105194912310054,,河口镇,西村,河口镇车站,东莞乙厂,广东省,2026-02-21,取消
            """)
        let summary = try await h.importFile(.passengers, file)
        #expect(summary.inserted == 2)
        #expect(summary.problems.map { $0.summary(.en) } == [
            "row 3, 身份证号: the ID number 110105********0021 has the check character 1 where X is expected: a digit was probably mistyped",
            "row 4, 上车点: the pick-up point is empty",
            "row 5, 出发日期: '二月二十' is not a date such as 2026-02-20",
        ])
        let rows = try await h.pool.read { db in try TransportRecords.passengers(db, campaign: "fair") }
        #expect(rows.map(\.departsOn) == ["2026-02-20", "2026-02-21"])
        #expect(rows.map(\.withdrawn) == [false, true])
        #expect(try await h.count("registration") == 2)

        let again = try await h.importFile(.passengers, try h.file("passengers2.csv", """
            姓名,身份证号,乡镇,村,上车点,目的地企业,出发日期
            张三,11010519491231002X,城关镇,东街村,城关镇政府,宁波甲厂,2026-02-21
            """))
        #expect(again.updated == 1)
    }

    @Test func vehiclesNeedAPlateSeatsAndAPossibleCrew() async throws {
        let h = try await LedgerHarness()
        let summary = try await h.importFile(.vehicles, try h.file("vehicles.csv", """
            车牌号,座位数,随车人员数,司机,司机电话
            贵A·12345,53,,张师傅,13900000000
            贵A12346,45,2,李师傅,
            ABC,53,2,,
            贵A·12347,120,2,,
            贵A·12348,53,53,,
            贵A·12349,53,2,王师傅,12345
            """))
        #expect(summary.inserted == 2)
        #expect(summary.problems.map { $0.summary(.en) } == [
            "row 4, 车牌号: 'ABC' is not a vehicle plate such as 贵A·12345",
            "row 5, 座位数: '120' is not a number of seats from 5 to 80",
            "row 6, 随车人员数: '53' is not a crew from 1 (the driver) to 52",
            "row 7, 司机电话: 12345 is not a mobile number of 11 digits",
        ])
        let vehicles = try await h.pool.read { db in try TransportRecords.vehicles(db, campaign: "fair") }
        #expect(vehicles.map(\.plate) == ["贵A·12345", "贵A·12346"])
        #expect(vehicles.map(\.capacity) == [51, 43])
    }
}
