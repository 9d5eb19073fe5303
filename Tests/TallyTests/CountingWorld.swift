import CampaignTesting
import Foundation
import WorkflowTesting

/// A county's year drawn at random from a seed: a ledger of people (every group's spellings, blank
/// townships, phones a digit short, labels nobody knows) and campaigns of every kind with what
/// happened at them — registrations, scans at gates and bus doors (repeats, wrong gates, no gate,
/// strangers), walk-ins, enterprises at the gate, outcomes with corrections by staff and managers,
/// leads from several platforms and their calls, viewer figures, passengers (some withdrawn) and the
/// checkpoints they passed. It is only a list of acts: `WorldPlayer` plays it through the product's
/// public doors and `ReferenceTally` counts it by the rules of docs/reference.md, each on its own.
struct CountingWorld {
    struct Person {
        var name: String
        var idNumber: String
        /// As the ledger sheet gives it: 11 digits, a digit short (only the phone is refused), or empty.
        var phone: String
        var township: String
        var village: String
        /// The 人员类别 cell as typed: spellings joined by 、 (an unknown one among them, sometimes).
        var labels: [String]
    }

    struct Enterprise {
        var name: String
        var creditCode: String
    }

    struct Posting {
        var code: String
        var title: String
        var enterprise: Int
    }

    enum Kind: String { case fair = "job-fair", livestream, bus = "bus-transport" }

    /// Who a scan at a fair's gate is for, and where it was taken.
    struct GateScan {
        var person: Int
        /// north, south, "" (none said: refused where the checkpoint names gates) or west (no such gate).
        var gate: String
        /// Through `POST /api/checkin`, else as `campaign checkin` records it.
        var overHTTP: Bool
        /// The fair's gate, or its hall (a second checkpoint naming no gates): whoever was let in at
        /// either came, each once.
        var checkpoint = "gate"
    }

    /// Someone registered at the desk: a person of the ledger not registered yet, or a new one.
    struct WalkIn {
        var person: Int
        var township: String?
    }

    struct Outcome {
        var person: Int
        var posting: Int
        /// 1 interview … 4 retained; 0 with `correct` withdraws.
        var stage: Int
        var correct: Bool
        /// The role of the account recording it; corrections by staff are refused.
        var byManager: Bool
        var notAttended: Bool
        var overHTTP: Bool
    }

    struct Lead {
        var platform: String
        /// A ledger person's phone, or a stranger's.
        var phone: String
        var name: String
        /// Given on the form (a ledger person's), or empty.
        var idNumber: String
        var posting: Int
    }

    enum CallResult: String, CaseIterable {
        case reached, notReached = "not-reached", wrongNumber = "wrong-number", notInterested = "not-interested", booked
    }

    struct Passenger {
        var person: Int
        var destination: Int
        var day: String
        var withdrawn: Bool
    }

    /// A scan at a bus door or checkpoint: the checkpoint and the plate given as the gate (or the
    /// passenger's own bus, decided once the roster has seated them).
    struct DoorScan {
        var person: Int
        var checkpoint: String
        /// Nil: the passenger's own bus; else the plate of another vehicle.
        var otherPlate: String?
        /// Scanned the day before the passenger's departure: a board scan then is refused (#36).
        var dayBefore = false
    }

    struct Campaign {
        var name: String
        var title: String
        var kind: Kind
        /// Registered by the campaign's people sheet (fairs).
        var registered: [Int] = []
        /// Postings offered, with their openings.
        var offered: [(posting: Int, openings: Int)] = []
        var invited: [Int] = []
        var scans: [GateScan] = []
        var walkIns: [WalkIn] = []
        var enterprisesAtGate: [Int] = []
        var outcomes: [Outcome] = []
        var leads: [Lead] = []
        var viewers: [(viewers: Int, views: Int)] = []
        /// Call results by the lead's phone.
        var calls: [String: CallResult] = [:]
        var passengers: [Passenger] = []
        var doorScans: [DoorScan] = []
    }

    /// The spellings of each group a county sheet uses, from docs/reference.md's list (not the product's table).
    static let spellings: [String: [String]] = [
        "poverty_alleviated": ["脱贫人口", "贫困劳动力", "贫困户", "建档立卡贫困户", "脱贫户"],
        "monitored": ["监测对象", "监测户", "防返贫监测对象", "三类户"],
        "zero_employment_family": ["零就业家庭"],
        "hardship": ["就业困难人员"],
        "graduate": ["高校毕业生"],
        "veteran": ["退役军人"],
        "disabled": ["残疾人"],
        "returnee": ["返乡农民工"],
        "low_income": ["农村低收入人口", "低保户", "特困人员"],
    ]
    static let unknownLabel = "困难户"
    static let places: [(String, [String])] = [("城关镇", ["东街社区", "南关村"]), ("河西镇", ["柳树村", "新庄村"]),
                                               ("青山乡", ["石门村"]), ("", [""])]
    static let platforms = ["抖音", "快手", "视频号"]
    static let plates = ["贵A·12345", "贵A·23456", "贵B·34567"]
    static let destinations = [("广东东莞精密电子有限公司", "东莞市", "广东省"), ("浙江宁波长丰服装有限公司", "宁波市", "浙江省")]
    static let busDays = ["2026-03-05", "2026-03-06"]

    var seed: UInt64
    var people: [Person] = []
    /// People who are not in the ledger until a desk registers them.
    var newcomers: [Person] = []
    var enterprises: [Enterprise] = []
    var postings: [Posting] = []
    var campaigns: [Campaign] = []

    /// Everyone: the ledger's people, then the newcomers (a walk-in's `person` indexes this).
    var everyone: [Person] { people + newcomers }

    init(seed: UInt64, people count: Int = 14, campaigns: Int? = nil) {
        self.seed = seed
        var random = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        var generator = LedgerGenerator(seed: seed)
        var phones = Set<String>()
        func uniquePhone() -> String {
            var phone = generator.phone()
            while !phones.insert(phone).inserted { phone = generator.phone() }
            return phone
        }
        func roll(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        func person() -> Person {
            let (township, villages) = Self.places[roll(Self.places.count)]
            var labels: [String] = []
            for _ in 0..<roll(3) {
                let group = Self.spellings.keys.sorted()[roll(Self.spellings.count)]
                labels.append(Self.spellings[group]![roll(Self.spellings[group]!.count)])
            }
            if roll(12) == 0 { labels.append(Self.unknownLabel) }
            let phone: String
            switch roll(10) {
            case 0: phone = String(uniquePhone().dropLast())     // a digit short
            case 1: phone = ""
            default: phone = uniquePhone()
            }
            return Person(name: generator.name(), idNumber: generator.idNumber(), phone: phone, township: township,
                          village: villages[roll(villages.count)], labels: labels)
        }
        people = (0..<count).map { _ in person() }
        newcomers = (0..<3).map { _ in person() }
        enterprises = (0..<3).map { _ in Enterprise(name: "企业\(generator.name())有限公司", creditCode: generator.creditCode()) }
        postings = (0..<4).map { Posting(code: "Q\(seed % 1000)P\($0)", title: ["电子装配工", "质检员", "分拣员", "缝纫工"][$0],
                                         enterprise: $0 % 3) }
        let kinds: [Kind] = [.fair, .livestream, .bus]
        for index in 0..<(campaigns ?? 1 + roll(4)) {
            let kind = index == 0 ? kinds[Int(seed % 3)] : kinds[roll(3)]
            var campaign = Campaign(name: "c\(index)-\(kind.rawValue)", title: "第\(index + 1)场\(kind.rawValue)", kind: kind)
            switch kind {
            case .fair: fillFair(&campaign, roll: roll)
            case .livestream: fillLivestream(&campaign, roll: roll, stranger: uniquePhone)
            case .bus: fillBus(&campaign, roll: roll)
            }
            self.campaigns.append(campaign)
        }
    }

    private func fillFair(_ c: inout Campaign, roll: (Int) -> Int) {
        c.registered = people.indices.filter { _ in roll(3) > 0 }
        c.invited = enterprises.indices.filter { _ in roll(4) > 0 }
        c.offered = postings.indices.filter { c.invited.contains(postings[$0].enterprise) }.map { ($0, 5 + roll(40)) }
        let gates = ["north", "north", "south", "", "west"]
        for _ in 0..<roll(people.count + 4) {
            c.scans.append(GateScan(person: roll(people.count), gate: gates[roll(gates.count)], overHTTP: roll(2) == 0))
        }
        var walkedIn = Set<Int>()
        for _ in 0..<roll(3) {
            let candidates = people.indices.filter { !c.registered.contains($0) } + newcomers.indices.map { people.count + $0 }
            guard !candidates.isEmpty else { break }
            let who = candidates[roll(candidates.count)]
            guard walkedIn.insert(who).inserted else { continue }
            c.walkIns.append(WalkIn(person: who, township: roll(2) == 0 ? "城关镇" : nil))
        }
        c.enterprisesAtGate = c.invited.filter { _ in roll(2) == 0 }
        for _ in 0..<roll(people.count / 2 + 2) {
            c.scans.append(GateScan(person: roll(people.count), gate: gates[roll(gates.count)], overHTTP: false, checkpoint: "hall"))
        }
        let registered = c.registered + c.walkIns.map(\.person)
        guard !c.offered.isEmpty, !registered.isEmpty else { return }
        for _ in 0..<roll(registered.count * 2 + 1) {
            let correct = roll(6) == 0
            c.outcomes.append(Outcome(person: registered[roll(registered.count)], posting: c.offered[roll(c.offered.count)].posting,
                                      stage: correct ? roll(4) : 1 + roll(4), correct: correct, byManager: roll(2) == 0,
                                      notAttended: roll(3) == 0, overHTTP: roll(2) == 0))
        }
    }

    private func fillLivestream(_ c: inout Campaign, roll: (Int) -> Int, stranger: () -> String) {
        c.invited = enterprises.indices.filter { _ in roll(3) > 0 }
        c.offered = postings.indices.filter { c.invited.contains(postings[$0].enterprise) }.map { ($0, 5 + roll(40)) }
        guard !c.offered.isEmpty else { return }
        var strangers: [(String, String)] = []
        for _ in 0..<(1 + roll(3)) { strangers.append((stranger(), "网友\(strangers.count)")) }
        for platform in Self.platforms where roll(4) > 0 {
            for _ in 0..<roll(6) {
                let posting = c.offered[roll(c.offered.count)].posting
                if roll(3) == 0 {
                    let (phone, name) = strangers[roll(strangers.count)]
                    c.leads.append(Lead(platform: platform, phone: phone, name: name, idNumber: "", posting: posting))
                } else {
                    let p = people[roll(people.count)]
                    guard p.phone.count == 11 else { continue }
                    c.leads.append(Lead(platform: platform, phone: p.phone, name: p.name,
                                        idNumber: roll(2) == 0 ? p.idNumber : "", posting: posting))
                }
            }
        }
        c.viewers = (0..<(1 + roll(4))).map { _ in (roll(9000), roll(20000)) }
        for phone in Set(c.leads.map(\.phone)) where roll(3) > 0 {
            c.calls[phone] = CallResult.allCases[roll(CallResult.allCases.count)]
        }
    }

    private func fillBus(_ c: inout Campaign, roll: (Int) -> Int) {
        for person in people.indices where roll(2) == 0 {
            c.passengers.append(Passenger(person: person, destination: roll(Self.destinations.count),
                                          day: Self.busDays[roll(Self.busDays.count)], withdrawn: roll(8) == 0))
        }
        let checkpoints = ["leave-home", "board", "alight", "enter-factory"]
        for passenger in c.passengers {
            for checkpoint in checkpoints where roll(3) > 0 {
                let other = (checkpoint == "board" || checkpoint == "alight") && roll(6) == 0
                // Now and then a board scan on the eve of the departure: refused, so the passenger has not boarded.
                c.doorScans.append(DoorScan(person: passenger.person, checkpoint: checkpoint,
                                            otherPlate: other ? Self.plates[roll(Self.plates.count)] : nil,
                                            dayBefore: checkpoint == "board" && roll(10) == 0))
                if roll(8) == 0 {   // scanned twice: counts once
                    c.doorScans.append(DoorScan(person: passenger.person, checkpoint: checkpoint, otherPlate: nil))
                }

            }
        }
    }
}
