import CampaignTesting
import Ledger
import Testing
import Workflow
import WorkflowTesting

@Suite struct IdentifierTests {
    @Test func standardExampleIDIsValidAndAChangedDigitIsNot() throws {
        let id = try ResidentID("11010519491231002X")
        #expect(id.birthDate == "1949-12-31")
        #expect(id.gender == "女")
        #expect(throws: ResidentID.Problem.checkCharacter(expected: "X", found: "1")) { try ResidentID("110105194912310021") }
        #expect(throws: ResidentID.Problem.self) { try ResidentID("11010519491231003X") }
    }

    @Test func idNumbersAreNormalized() throws {
        #expect(try ResidentID("11010519491231002x").value == "11010519491231002X")
        #expect(try ResidentID(" 110105 19491231 002X ").value == "11010519491231002X")
        #expect(try ResidentID("１１０１０５１９４９１２３１００２Ｘ").value == "11010519491231002X")
    }

    /// Stored as bytes: the same number however it was typed is one key, and printing one
    /// shows it masked.
    @Test func idNumbersCompareByValueAndPrintMasked() throws {
        let typed = try ResidentID("11010519491231002x"), wide = try ResidentID("１１０１０５１９４９１２３１００２Ｘ")
        #expect(typed == wide)
        #expect(Set([typed, wide]).count == 1)
        #expect(typed.numericKey == 11010519491231002)
        #expect("\(typed)" == "110105********002X")
        #expect(try ResidentID("522426199001010017").gender == "男")
    }

    @Test func idNumbersWithImpossibleDatesOrShapesAreRefused() {
        #expect(throws: ResidentID.Problem.length(17)) { try ResidentID("11010519491231002") }
        #expect(throws: ResidentID.Problem.characters) { try ResidentID("1101051949123100AX") }
        // 1990-02-30 does not exist; the check character is right for those digits.
        let first17 = "52242619900230001"
        let full = first17 + String(ResidentID.checkCharacter(for: first17))
        #expect(throws: ResidentID.Problem.birthDate("1990-02-30")) { try ResidentID(full) }
        let future = "52242621000101001"
        #expect(throws: ResidentID.Problem.self) { try ResidentID(future + String(ResidentID.checkCharacter(for: future))) }
    }

    @Test func generatedIDsAreValidAndDistinct() throws {
        var generator = LedgerGenerator(seed: 1)
        var seen = Set<String>()
        for _ in 0..<20_000 {
            let id = generator.idNumber()
            #expect(seen.insert(id).inserted)
            _ = try ResidentID(id)
        }
    }

    @Test func mobileNumbersAreNormalized() throws {
        #expect(try PhoneNumber("138 0013 8000").value == "13800138000")
        #expect(try PhoneNumber("+86 138-0013-8000").value == "13800138000")
        #expect(try PhoneNumber("0086 13800138000").value == "13800138000")
        #expect(try PhoneNumber("(138)00138000").value == "13800138000")
        #expect(throws: PhoneNumber.Problem.self) { try PhoneNumber("1380013800") }
        #expect(throws: PhoneNumber.Problem.self) { try PhoneNumber("0851-86612345") }
        #expect(throws: PhoneNumber.Problem.self) { try PhoneNumber("12345678901") }
    }

    @Test func creditCodesFollowGB32100() throws {
        #expect(try CreditCode("91350100M000100Y43").value == "91350100M000100Y43")
        #expect(try CreditCode("91350100m000100y43").value == "91350100M000100Y43")
        #expect(throws: CreditCode.Problem.checkCharacter(expected: "3", found: "4")) { try CreditCode("91350100M000100Y44") }
        #expect(throws: CreditCode.Problem.character("O")) { try CreditCode("91350100MO00100Y43") }
        var generator = LedgerGenerator(seed: 3)
        for _ in 0..<1000 { _ = try CreditCode(generator.creditCode()) }
    }

    @Test func maskingHidesTheMiddle() {
        #expect(Masking.idNumber("11010519491231002X") == "110105********002X")
        #expect(Masking.phone("13800138000") == "138****8000")
        #expect(Masking.name("张伟") == "张*")
        #expect(Masking.name("欧阳娜娜") == "欧阳**")
        #expect(Masking.scrub("ID 11010519491231002X, phone 13800138000") == "ID 110105********002X, phone 138****8000")
    }

    @Test func targetGroupsReadChineseLabelsAndAliases() {
        let (groups, unknown) = TargetGroup.parseList("脱贫人口、监测户，残疾 返乡农民工")
        #expect(unknown.isEmpty)
        #expect(TargetGroup.labels(of: groups) == ["脱贫人口", "监测对象", "残疾人", "返乡农民工"])
        #expect(TargetGroup.parseList("poverty_alleviated, veteran").groups
                == [TargetGroup.povertyAlleviated.set, TargetGroup.veteran.set])
        // The labels counties still use from before 2021, and the low-income groups.
        for label in ["贫困户", "贫困劳动力", "建档立卡贫困户", "脱贫户", "脱贫人口"] {
            #expect(TargetGroup.parseList(label).groups == TargetGroup.povertyAlleviated.set, "\(label)")
        }
        for label in ["监测户", "防返贫监测对象", "三类户"] {
            #expect(TargetGroup.parseList(label).groups == TargetGroup.monitored.set, "\(label)")
        }
        #expect(TargetGroup.parseList("低保户、特困人员").groups == TargetGroup.lowIncome.set)
        #expect(TargetGroup.parseList("其他").unknown == ["其他"])
        #expect(TargetGroup.parseList("其他", extra: ["其他": .hardship]).groups == TargetGroup.hardship.set)
    }

    /// The guard that every declared group has its own bit in the set that holds a person's groups, and
    /// keeps it through the ledger's column: a tenth group cannot be dropped as the ninth once was.
    @Test func everyDeclaredGroupFitsTheSetAndSurvivesTheLedger() {
        #expect(TargetGroup.allFit)
        #expect(TargetGroup.allCases.count <= TargetGroupSet.capacity)
        #expect(Set(TargetGroup.allCases.map(\.set)).count == TargetGroup.allCases.count)
        for group in TargetGroup.allCases {
            #expect(TargetGroupSet(stored: group.set.stored).members == [group], "\(group)")
        }
        let everyone = TargetGroupSet.every
        #expect(TargetGroupSet(stored: everyone.stored) == everyone)
        #expect(everyone.members == TargetGroup.allCases)
        #expect(TargetGroupSet(stored: everyone.stored).contains(.lowIncome))
    }

    @Test func badgeCodesRoundTripAndDoNotRevealNeighbours() {
        let scheme = BadgeCode(key: 0x1234_5678_9ABC_DEF0)
        var codes = Set<String>()
        for id in Int64(1)...50_000 {
            let code = scheme.encode(id)
            #expect(code.count == 8)
            #expect(scheme.decode(code) == id)
            codes.insert(code)
        }
        #expect(codes.count == 50_000)
        // Consecutive people get unrelated codes; another campaign's key gives other codes.
        #expect(scheme.encode(1).prefix(4) != scheme.encode(2).prefix(4))
        #expect(BadgeCode(key: 99).encode(1) != scheme.encode(1))
        let typed = scheme.encode(777).lowercased().replacingOccurrences(of: "0", with: "o")
        #expect(scheme.decode(String(typed.prefix(4)) + "-" + typed.dropFirst(4)) == 777)
        #expect(scheme.decode("ABC") == nil)
    }
}
