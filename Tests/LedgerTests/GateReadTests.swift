import CampaignTesting
import Foundation
import GRDB
@testable import Ledger
import Testing
import Workflow
import WorkflowTesting

/// What a gate reads of a person on every scan, through SQLite's C API (#39): the same person the
/// ledger's ordinary reads give, whether they registered, and an ID number found by the digits it has.
@Suite struct GateReadTests {
    static let people = """
        姓名,身份证号,手机号,人员类别,乡镇,村
        张伟,11010519491231002X,13800138000,脱贫人口,城关镇,东村
        李娜,522426199001010017,,,,
        """

    @Test func aPersonAtTheGateIsTheLedgersPersonWithTheirRegistration() async throws {
        let h = try await LedgerHarness()
        _ = try await h.importFile(.people, try h.file("people.csv", Self.people))
        try await h.pool.write { db in
            let zhang = try #require(try People.id(db, of: ResidentID("11010519491231002X")))
            let li = try #require(try People.id(db, of: ResidentID("522426199001010017")))
            try db.execute(sql: "DELETE FROM registration WHERE person_id = ?", arguments: [li])
            let atGate = try #require(try People.atGate(db, id: zhang, campaign: "fair"))
            #expect(atGate.person == (try People.summary(db, id: zhang)))
            #expect(atGate.person.village == "东村" && atGate.person.phone == "13800138000")
            #expect(atGate.person.groups.labels == ["脱贫人口"])
            #expect(atGate.registered)
            let unregistered = try #require(try People.atGate(db, id: li, campaign: "fair"))
            #expect(unregistered.person == (try People.summary(db, id: li)))
            #expect(unregistered.person.phone == nil)
            #expect(!unregistered.registered)
            #expect(try People.atGate(db, id: zhang, campaign: "another")?.registered == false)
            #expect(try People.atGate(db, id: 999_999, campaign: "fair") == nil)
            // The cached statement is reset after a row: read again at once, it answers again.
            #expect(try People.atGate(db, id: zhang, campaign: "fair")?.registered == true)
        }
    }

    @Test func anIDNumberIsCountedByItsDigitsWhateverTheyAreWrittenIn() {
        #expect(PersonLookup.digitCount("11010519491231002X") == 18)
        #expect(PersonLookup.digitCount("11010519491231002x") == 18)
        #expect(PersonLookup.digitCount("138 0013 8000") == 11)
        // Full-width digits count as they are; a full-width Ｘ once the input is read by meaning, as the look-up does.
        #expect(PersonLookup.digitCount("１１０１０５１９４９１２３１００２Ｘ") == 17)
        #expect(PersonLookup.digitCount(TypedText.normalized("１１０１０５１９４９１２３１００２Ｘ")) == 18)
        #expect(PersonLookup.digitCount("身份证 ١١٠١٠٥١٩٤٩١٢٣١٠٠٢X") == 18)
        #expect(PersonLookup.digitCount("FAIR-000123") == 6)
    }
}
