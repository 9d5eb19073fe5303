import CampaignTesting
import Foundation
import GRDB
import Ledger
import Testing
import Workflow

/// The ledger changes only by the rules (#33): a walk-in adds someone new and fills what the ledger
/// holds empty; what it holds of someone already in it is changed only by a manager or the
/// workspace's owner, recorded in the audit log masked — a staff account's differing fields stay as
/// they were, named as withheld, and the answer holds only what was typed.
@Suite struct WalkInLedgerTests {
    static let ledger = """
        姓名,身份证号,手机号,乡镇,村,人员类别
        万宏东,341222197009160001,15862333743,城关镇,西街社区,高校毕业生
        李娜,522426199001010017,,,,
        """

    func register(_ h: LedgerHarness, _ walkIn: WalkIn) async throws -> WalkInResult {
        let now = h.engine.clock.now()
        return try await h.pool.write { db in try Registrations.registerWalkIn(db, walkIn, now: now) }
    }

    static func attacker(by: StaffMember?) -> WalkIn {
        WalkIn(campaign: "fair", name: "攻击者", idNumber: "341222197009160001", phone: "13700000000", township: "假镇",
               groups: "退役军人", by: by)
    }

    func audit(_ h: LedgerHarness) async throws -> [String] {
        try await h.pool.read { db in try AuditLog.entries(db).filter { $0.action == "person-changed" }.map { "\($0.actor) \($0.detail)" } }
    }

    @Test func aStaffAccountCannotRewriteSomeoneAlreadyInTheLedger() async throws {
        let h = try await LedgerHarness()
        _ = try await h.importFile(.people, try h.file("ledger.csv", Self.ledger), campaign: nil)
        let result = try await register(h, Self.attacker(by: StaffMember(name: "甲", role: .staff)))
        #expect(result.withheld == ["name", "phone", "township", "groups"])
        #expect(result.changed.isEmpty)
        // The answer holds what was typed, masked — never what the ledger holds.
        #expect(result.maskedName == "攻**" && result.groups == ["退役军人"])
        let wan = try await h.person("341222197009160001")
        #expect([wan["name"], wan["phone"], wan["township"], wan["village"]] == ["万宏东", "15862333743", "城关镇", "西街社区"])
        #expect(wan["groups"] == String(TargetGroup.graduate.bit))
        #expect(try await audit(h).isEmpty)
        // What the ledger holds empty, staff may fill.
        let li = try await register(h, WalkIn(campaign: "fair", name: "李娜", idNumber: "522426199001010017", phone: "13900139000",
                                              township: "河西镇", by: StaffMember(name: "甲", role: .staff)))
        #expect(li.withheld.isEmpty)
        #expect(try await h.person("522426199001010017")["township"] == "河西镇")
        #expect(try await h.person("522426199001010017")["phone"] == "13900139000")
    }

    @Test func aManagersChangeIsMadeAndAudited() async throws {
        let h = try await LedgerHarness()
        _ = try await h.importFile(.people, try h.file("ledger.csv", Self.ledger), campaign: nil)
        let result = try await register(h, Self.attacker(by: StaffMember(name: "乙", role: .manager)))
        #expect(result.withheld.isEmpty)
        #expect(result.changed == ["name", "phone", "township", "groups"])
        let wan = try await h.person("341222197009160001")
        #expect([wan["name"], wan["township"]] == ["攻击者", "假镇"])
        let entries = try await audit(h)
        #expect(entries.count == 1)
        #expect(entries.first?.hasPrefix("乙 person #1 (walk-in): name 万** → 攻**; phone 158****3743 → 137****0000; "
                                          + "township 城关镇 → 假镇; groups 高校毕业生 → 退役军人") == true, "\(entries)")
        #expect(entries.allSatisfy { !$0.contains("15862333743") && !$0.contains("万宏东") })
    }

    @Test func theOwnerAtItsTerminalMayChangeItToo() async throws {
        let h = try await LedgerHarness()
        _ = try await h.importFile(.people, try h.file("ledger.csv", Self.ledger), campaign: nil)
        #expect(try await register(h, Self.attacker(by: nil)).changed.count == 4)
        #expect(try await audit(h).first?.hasPrefix("owner person #1") == true)
    }
}
