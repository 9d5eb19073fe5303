import BuiltinPlugins
import CampaignTesting
import Foundation
import GRDB
import Ledger
import Testing
@testable import Livestream

/// Sign-ups from three platforms: matched to the ledger by ID number or phone, merged across platforms
/// and re-imports (late fields filling in), never counted twice; bad rows refused with the reason.
@Suite struct LeadImportTests {
    static let known = """
        姓名,身份证号,手机号,乡镇,村
        张伟,11010519491231002X,13800138000,城关镇,东街村
        李娜,110105194912310038,13900139000,河口镇,西村
        """

    @Test func leadsAreMatchedMergedAndNeverCountedTwice() async throws {
        let h = try await LedgerHarness()
        _ = try await h.importFile(.people, try h.file("people.csv", Self.known), campaign: nil)
        let douyin = try await h.importFile(.leads, try h.file("抖音-报名.csv", """
            用户昵称,手机号,意向岗位,提交时间
            张**,13800138000,缝纫工,2026-03-15 19:40
            抖音用户1,13700137000,叉车工,2026-03-15 19:45
            王某,1381234,缝纫工,2026-03-15 19:50
            """))
        #expect(douyin.inserted == 2)
        #expect(douyin.problems.map { $0.summary(.en) } == [
            "row 4, 手机号: the phone number 13****4 must be an 11-digit mobile number starting with 1 (found 7 digits)",   // seven digits never show whole
        ])
        #expect(douyin.linked == 1)   // 张伟, by phone
        // The same viewer signs up on Kuaishou with the ID number (late fields), and 李娜 by ID with a new phone.
        let kuaishou = try await h.importFile(.leads, try h.file("快手-报名.csv", """
            姓名,联系电话,身份证号,岗位名称,报名时间
            张伟,13800138000,11010519491231002X,缝纫工,2026-03-15 20:10
            李娜,13600136000,110105194912310038,整烫工,2026-03-15 20:12
            """))
        #expect(kuaishou.inserted == 1)
        #expect(kuaishou.updated == 1)
        // On Channels 李娜 again, by her new phone: merged; a stranger with an ID number is added to the ledger.
        let channels = try await h.importFile(.leads, try h.file("视频号-报名.csv", """
            姓名,手机号码,身份证号,咨询岗位,留资时间
            李娜,13600136000,,整烫工,2026-03-15 20:30
            赵敏,13500135000,110105194912310046,叉车工,2026-03-15 20:31
            """))
        #expect(channels.inserted == 1)
        #expect(channels.updated == 1)
        let leads = try await h.pool.read { db in try LivestreamRecords.leads(db, campaign: "fair") }
        #expect(leads.count == 4)
        #expect(leads.map(\.platforms) == ["抖音,快手", "抖音", "快手,视频号", "视频号"])
        #expect(leads[0].name == "张伟" && leads[0].idNumber == "11010519491231002X")   // the late fields filled in
        #expect(leads[1].personID == nil)     // a phone only, unknown: a lead, not (yet) a person
        #expect(leads.filter { $0.personID != nil }.count == 3)
        let channelsOf = try await h.pool.read { db in
            try String.fetchAll(db, sql: "SELECT channel FROM registration WHERE campaign = 'fair' ORDER BY person_id")
        }
        #expect(channelsOf == ["livestream", "livestream", "livestream"])
        // The same export again changes nothing.
        let again = try await h.importFile(.leads, try h.file("快手-报名.csv", """
            姓名,联系电话,身份证号,岗位名称,报名时间
            张伟,13800138000,11010519491231002X,缝纫工,2026-03-15 20:10
            李娜,13600136000,110105194912310038,整烫工,2026-03-15 20:12
            """))
        #expect(again.unchanged == 2)
    }

    /// A lead is one person: a sign-up with a new phone but a lead's ID number merges into that lead — one
    /// whose number an earlier file filled in, or a row above in the same file — and a phone two people
    /// of the ledger share links nobody (as a gate reads it), while the ID number still finds the person.
    @Test func aKnownIDNumberMergesWhateverThePhoneAndASharedPhoneLinksNobody() async throws {
        let h = try await LedgerHarness()
        _ = try await h.importFile(.people, try h.file("people.csv", Self.known + """

            王芳,110105194912310046,13800138000,城关镇,南街村
            """), campaign: nil)
        let douyin = try await h.importFile(.leads, try h.file("抖音-报名.csv", """
            用户昵称,手机号,意向岗位,提交时间
            小张,13800138000,缝纫工,2026-03-15 19:40
            """))
        #expect(douyin.inserted == 1 && douyin.linked == 0)   // 13800138000 is 张伟's and 王芳's: nobody
        let kuaishou = try await h.importFile(.leads, try h.file("快手-报名.csv", """
            姓名,联系电话,身份证号,岗位名称,报名时间
            张伟,13800138000,11010519491231002X,缝纫工,2026-03-15 20:10
            李娜,13600136000,110105194912310038,整烫工,2026-03-15 20:12
            李娜,13500135000,110105194912310038,叉车工,2026-03-15 20:13
            """))
        #expect(kuaishou.updated == 2 && kuaishou.inserted == 1)   // 李娜's second phone merged into the row above
        let channels = try await h.importFile(.leads, try h.file("视频号-报名.csv", """
            姓名,手机号码,身份证号,咨询岗位,留资时间
            张伟,13300133000,11010519491231002X,缝纫工,2026-03-15 18:00
            """))
        #expect(channels.updated == 1 && channels.inserted == 0)
        let leads = try await h.pool.read { db in try LivestreamRecords.leads(db, campaign: "fair") }
        #expect(leads.map(\.phone) == ["13800138000", "13600136000"])
        #expect(leads.map(\.platforms) == ["抖音,快手,视频号", "快手"])
        #expect(leads.map(\.postingText) == ["缝纫工", "叉车工"])
        let signed = try await h.pool.read { db in
            try String.fetchAll(db, sql: "SELECT signed_at FROM livestream_lead WHERE campaign = 'fair' ORDER BY id")
        }
        #expect(signed == ["2026-03-15 18:00", "2026-03-15 20:12"])   // the earliest sign-up stands
        let people = try await h.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT p.name FROM registration r JOIN person p ON p.id = r.person_id WHERE r.campaign = 'fair' ORDER BY p.id
                """)
        }
        #expect(people == ["张伟", "李娜"])   // by ID number; 王芳 never
    }

    @Test func viewerFiguresGiveThePeakAndTheViews() async throws {
        let h = try await LedgerHarness()
        let file = try h.file("抖音-直播数据.csv", """
            时间,在线人数,观看人次,点赞数,分享数,新增粉丝
            19:30,120,300,50,3,2
            19:35,1.2万,2万,800,40,30
            19:40,abc,10,1,1,1
            """)
        let first = try await h.importFile(.streamMetrics, file)
        #expect(first.inserted == 2)
        #expect(first.problems.map { $0.summary(.en) } == ["row 4, 在线人数: 'abc' is not a count"])
        _ = try await h.importFile(.streamMetrics, file)   // again: replaces, never doubles
        let audience = try await h.pool.read { db in try LivestreamRecords.audience(db, campaign: "fair") }
        #expect(audience.peak == 12_000)
        #expect(audience.views == 20_300)
    }
}
